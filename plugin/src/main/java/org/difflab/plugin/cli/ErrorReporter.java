package org.difflab.plugin.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CancellationException;
import org.difflab.distributed.job.JobFailedException;
import org.difflab.dsl.observe.NonFiniteStateException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one line on stderr, {@code difflab: error: <message>}, instead of a stack trace.
 * Usage errors and {@link IllegalArgumentException}s (bad specs, unknown names, values out of range) exit with
 * {@link CommandLine.ExitCode#USAGE} (2); file errors, runs stopped by NaN or an infinity and Spark jobs that failed exit with 1; an interrupted
 * run or training (Ctrl-C: a {@link CancellationException}) prints {@code difflab: interrupted: <where it stopped>} and
 * exits with 130, as a shell reports SIGINT;
 * anything else is a bug and keeps its stack trace.
 */
final class ErrorReporter implements IParameterExceptionHandler, IExecutionExceptionHandler {
    /** Exit code of an interrupted run: 128 + SIGINT, what a shell reports for a process ended by Ctrl-C. */
    static final int INTERRUPTED = 130;

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        cmd.getErr().println("difflab: error: " + ex.getMessage());
        cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
        cmd.getErr().flush();
        return CommandLine.ExitCode.USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) throws Exception {
        if (ex instanceof IllegalArgumentException) {
            report(cmd, ex.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        if (ex instanceof UncheckedIOException || ex instanceof IOException || ex instanceof NonFiniteStateException
                || ex instanceof JobFailedException) {
            report(cmd, ex.getMessage());
            return CommandLine.ExitCode.SOFTWARE;
        }
        if (ex instanceof CancellationException) { // RunInterruptedException, or training stopped between iterations
            cmd.getErr().println("difflab: interrupted: " + ex.getMessage());
            cmd.getErr().flush();
            return INTERRUPTED;
        }
        throw ex;
    }

    private static void report(CommandLine cmd, String message) {
        cmd.getErr().println("difflab: error: " + message);
        cmd.getErr().flush();
    }
}
