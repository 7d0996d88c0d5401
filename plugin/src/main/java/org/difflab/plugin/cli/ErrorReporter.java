package org.difflab.plugin.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import org.difflab.distributed.job.JobFailedException;
import org.difflab.dsl.observe.NonFiniteStateException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on stderr, {@code difflab: error: <message>}, never a stack trace.
 * Usage errors (in DiffLab's words, {@link UsageErrors}) and {@link IllegalArgumentException}s (bad specs, unknown names,
 * values out of range, requests over the memory budget) exit with {@link CommandLine.ExitCode#USAGE} (2); file errors,
 * runs stopped by NaN or an infinity and Spark jobs that failed exit with 1; an interrupted run or training (Ctrl-C: a
 * {@link CancellationException}) prints {@code difflab: interrupted: <where it stopped>} and exits with 130, as a shell
 * reports SIGINT. What no check foresaw (an {@link OutOfMemoryError}, an engine or library exception) is one line naming
 * the command line and what to change, exit 1; {@code DIFFLAB_TRACE=1} in the environment adds the stack trace.
 */
final class ErrorReporter implements IParameterExceptionHandler, IExecutionExceptionHandler {
    /** Exit code of an interrupted run: 128 + SIGINT, what a shell reports for a process ended by Ctrl-C. */
    static final int INTERRUPTED = 130;

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        cmd.getErr().println("difflab: error: " + UsageErrors.message(ex, args));
        cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
        cmd.getErr().flush();
        return CommandLine.ExitCode.USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        Throwable cause = ex instanceof CommandLine.ExecutionException && ex.getCause() != null ? ex.getCause() : ex;
        if (cause instanceof IllegalArgumentException) {
            report(cmd, cause.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        if (cause instanceof UncheckedIOException || cause instanceof IOException || cause instanceof NonFiniteStateException
                || cause instanceof JobFailedException) {
            report(cmd, cause.getMessage());
            return CommandLine.ExitCode.SOFTWARE;
        }
        if (cause instanceof CancellationException) { // RunInterruptedException, or training stopped between iterations
            cmd.getErr().println("difflab: interrupted: " + cause.getMessage());
            cmd.getErr().flush();
            return INTERRUPTED;
        }
        String line = "difflab " + String.join(" ", parseResult.originalArgs());
        String asked = "'" + (line.length() > 160 ? line.substring(0, 160) + "..." : line) + "'";
        if (cause instanceof OutOfMemoryError) {
            report(cmd, asked + " ran out of memory (Java heap limit " + Budget.gib(Runtime.getRuntime().maxMemory()) + "): ask for less "
                    + "(--n, --steps, --batch, the target's d or k) or give Java more heap, e.g. DIFFLAB_JAVA_OPTS=-Xmx8g");
        } else {
            report(cmd, asked + " failed in " + origin(cause) + ": " + firstLine(cause) + "; DiffLab does not check this input yet: "
                    + "change the values of this command line, or report it (DIFFLAB_TRACE=1 shows where it happened)");
        }
        if (System.getenv("DIFFLAB_TRACE") != null) {
            cause.printStackTrace(new java.io.PrintWriter(cmd.getErr(), true));
        }
        return CommandLine.ExitCode.SOFTWARE;
    }

    /** Where an unforeseen exception came from, in words (no class names). */
    private static String origin(Throwable t) {
        String name = t.getClass().getName();
        if (name.startsWith("ai.djl.")) {
            return "the PyTorch engine";
        }
        if (name.startsWith("org.apache.commons.math3.")) {
            return "the linear algebra (commons-math)";
        }
        if (name.startsWith("org.apache.spark.")) {
            return "Spark";
        }
        return name.startsWith("org.difflab.") ? "DiffLab" : "the Java runtime";
    }

    private static String firstLine(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return t.getClass().getSimpleName().replaceAll("(Exception|Error)$", "").replaceAll("([a-z])([A-Z])", "$1 $2")
                    .toLowerCase(Locale.ROOT);
        }
        String line = m.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private static void report(CommandLine cmd, String message) {
        cmd.getErr().println("difflab: error: " + message);
        cmd.getErr().flush();
    }
}
