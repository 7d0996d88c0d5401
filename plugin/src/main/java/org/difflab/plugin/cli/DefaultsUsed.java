package org.difflab.plugin.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * One stderr line naming the schedule and grid a command used when the user gave none (issue 26): {@code sample}
 * defaults to linear + uniform while {@code eval} and {@code converge} default to vp + logsnr, so the same flags
 * mean different experiments unless the run says which it was.
 */
final class DefaultsUsed {
    private DefaultsUsed() {
    }

    /**
     * Prints {@code difflab COMMAND: default --schedule vp, --grid logsnr (...)} for each of --schedule and --grid that
     * the command line did not give; prints nothing when both were given.
     *
     * @param others what the other commands default to, for the note in parentheses
     */
    static void note(CommandSpec spec, String schedule, String grid, String others) {
        ParseResult parsed = spec.commandLine().getParseResult();
        List<String> defaults = new ArrayList<>(2);
        if (!parsed.hasMatchedOption("--schedule")) {
            defaults.add("--schedule " + schedule);
        }
        if (!parsed.hasMatchedOption("--grid")) {
            defaults.add("--grid " + grid);
        }
        if (defaults.isEmpty()) {
            return;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("difflab " + spec.name() + ": default " + String.join(", ", defaults) + " (" + others + ")");
        err.flush();
    }
}
