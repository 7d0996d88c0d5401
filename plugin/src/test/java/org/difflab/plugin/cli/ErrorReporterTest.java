package org.difflab.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import org.difflab.dsl.observe.NonFiniteStateException;
import org.difflab.dsl.observe.RunInterruptedException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** How runs that stop on their own reach the terminal: one line naming sampler, step and time, and an exit code. */
class ErrorReporterTest {

    @Command(name = "run")
    record Throwing(Throwable failure) implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            if (failure instanceof Error e) {
                throw e;
            }
            throw (Exception) failure;
        }
    }

    private static String[] run(Throwable failure) {
        StringWriter err = new StringWriter();
        ErrorReporter errors = new ErrorReporter();
        int code = new CommandLine(new Throwing(failure)).setErr(new PrintWriter(err, true)).setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors).setExecutionStrategy(DiffLabCommand::executeReportingErrors).execute("--");
        return new String[] {Integer.toString(code), err.toString()};
    }

    @Test
    void anOutOfMemoryErrorIsOneLineNamingTheCommandLineAndWhatToChange() {
        String[] r = run(new OutOfMemoryError("Java heap space"));
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[1]).startsWith("difflab: error: 'difflab --' ran out of memory (Java heap limit ").contains("--n, --steps")
                .contains("DIFFLAB_JAVA_OPTS=-Xmx").hasLineCount(1);
    }

    @Test
    void aLibraryExceptionIsOneLineNamingWhereItCameFromWithoutClassNames() {
        String[] r = run(new org.apache.commons.math3.exception.MaxCountExceededException(100));
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[1]).startsWith("difflab: error: 'difflab --' failed in the linear algebra (commons-math): ").doesNotContain("Exception")
                .doesNotContain("\tat ").hasLineCount(1);
    }

    @Test
    void aNonFiniteRunExitsWith1NamingSamplerStepAndTime() {
        String[] r = run(new NonFiniteStateException("heun", 4, 10, 500, 400, 0));
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[1]).isEqualTo("difflab: error: heun produced NaN or Inf at step 5 of 10 (t = 500.0 -> 400.0, batch starting at "
                + "sample 0); the run was stopped" + System.lineSeparator());
    }

    @Test
    void anInterruptedRunExitsWith130NamingSamplerStepAndTime() {
        String[] r = run(new RunInterruptedException("ddim", 41, 1000, 0.5));
        assertThat(r[0]).isEqualTo("130");
        assertThat(r[1]).isEqualTo("difflab: interrupted: ddim was interrupted after step 42 of 1000 (t = 0.5); the run was stopped"
                + System.lineSeparator());
    }

    @Test
    void interruptedTrainingExitsWith130SayingWhereItStopped() {
        String[] r = run(new CancellationException("training was interrupted before iteration 12; the network holds the weights of 11 "
                + "iterations"));
        assertThat(r[0]).isEqualTo("130");
        assertThat(r[1]).startsWith("difflab: interrupted: training was interrupted before iteration 12");
    }
}
