package org.difflab.plugin.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** Runs the command line in-process and captures its exit code, stdout and stderr. */
record Cli(int exitCode, String out, String err) {

    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DiffLabCommand.newCommandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
        return new Cli(code, out.toString(), err.toString());
    }

    /** The command line with the option's value replaced, or the option added. */
    static String[] withOption(List<String> line, String option, String value) {
        List<String> args = new ArrayList<>(line);
        int at = args.indexOf(option);
        if (at < 0) {
            args.add(option);
            args.add(value);
        } else {
            args.set(at + 1, value);
        }
        return args.toArray(String[]::new);
    }
}
