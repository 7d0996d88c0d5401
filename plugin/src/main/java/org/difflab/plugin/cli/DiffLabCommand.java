package org.difflab.plugin.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code difflab} command line: list the catalogues, draw samples (diffusion or Langevin), check the claims catalogue, evaluate one
 * sampler exactly, run a convergence study, train the model zoo, install a Jupyter kernel, benchmark DiffLab itself, run
 * a sweep on Spark, start a Spark standalone cluster on this machine.
 * Bad input (a bad spec, an unknown name, a value out of range) prints {@code difflab: error: <message>}
 * and exits with code 2, like a usage error.
 */
@Command(name = "difflab", mixinStandardHelpOptions = true, version = "difflab 0.1.0",
        description = "Diffusion-model sampling research toolkit.",
        subcommands = {ListCommand.class, SampleCommand.class, CheckCommand.class, EvalCommand.class, ConvergeCommand.class, LangevinCommand.class, TrainCommand.class, KernelCommand.class,
                BenchCommand.class, SweepCommand.class, ClusterCommand.class,
                CommandLine.HelpCommand.class})
public final class DiffLabCommand implements Runnable {

    /** Runs the command line and exits with its exit code; Ctrl-C stops a run after its current step ({@link CtrlC}). */
    public static void main(String[] args) {
        CtrlC.interrupts(Thread.currentThread(), System.err);
        System.exit(newCommandLine(StderrTerminal.isTerminal()).execute(args));
    }

    /** The configured command line: {@code difflab: error:} reporting and exit code 2 for bad input; stderr taken as no terminal. */
    public static CommandLine newCommandLine() {
        return newCommandLine(false);
    }

    /** The configured command line, told whether stderr is a terminal (progress bars there, plain lines otherwise). */
    static CommandLine newCommandLine(boolean stderrIsTerminal) {
        ErrorReporter errors = new ErrorReporter();
        DiffLabCommand root = new DiffLabCommand();
        root.stderrIsTerminal = stderrIsTerminal;
        CommandLine line = new CommandLine(root)
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors)
                .setExecutionStrategy(DiffLabCommand::executeReportingErrors);
        versionEverywhere(line, line.getCommandSpec().version());
        return line;
    }

    /** {@code --version} answers on every subcommand with the root's version (picocli leaves theirs empty). */
    private static void versionEverywhere(CommandLine line, String[] version) {
        for (CommandLine sub : line.getSubcommands().values()) {
            if (sub.getCommandSpec().version().length == 0) {
                sub.getCommandSpec().version(version);
            }
            versionEverywhere(sub, version);
        }
    }

    /**
     * Runs the command; an {@link Error} (an {@link OutOfMemoryError} above all), which picocli would let through as a
     * stack trace, goes to the {@link ErrorReporter} like an exception.
     */
    static int executeReportingErrors(CommandLine.ParseResult parsed) {
        try {
            return new CommandLine.RunLast().execute(parsed);
        } catch (Error e) {
            List<CommandLine> lines = parsed.asCommandLineList();
            throw new CommandLine.ExecutionException(lines.get(lines.size() - 1), String.valueOf(e.getMessage()), e);
        }
    }

    private boolean stderrIsTerminal;

    /** Whether stderr is a terminal. */
    boolean stderrIsTerminal() {
        return stderrIsTerminal;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: use list, sample, check, eval, converge, langevin, train, kernel, bench, sweep or cluster");
    }
}
