package org.difflab.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Ctrl-C at each phase of a command, in-process (the command line's SIGINT handler interrupts the command's thread;
 * {@code CtrlCTest} sends the real signal once): pending while the arguments are parsed (the thread is interrupted before
 * the call), during set-up (a 3,000,000-step log-SNR grid placed before an exact evaluation), during the run (a
 * 1,000,000-step run) and while the output is written (20,000,000 samples streamed to a CSV file chunk by chunk).
 */
final class InterruptedCalls {
    /** The delay of an interrupt that is already pending when the command line is parsed. */
    static final long PENDING = -1;

    private InterruptedCalls() {}

    /** Cases: phase, command line, delay of the interrupt in ms (or {@link #PENDING}), the output that must not exist. */
    static Stream<Arguments> phases(Path dir) {
        String[] gaussian = {"--target", "gaussian:d=2", "--integrator", "ddim"};
        return Stream.of(
                Arguments.of("parsing: sample --out", line(gaussian, "sample", "--steps", "50", "--n", "1000", "--out", dir.resolve("int-parse.csv")),
                        PENDING, dir.resolve("int-parse.csv")),
                Arguments.of("parsing: converge --plot", line(gaussian, "converge", "--steps", "10,20", "--plot", dir.resolve("int-parse.png")),
                        PENDING, dir.resolve("int-parse.png")),
                Arguments.of("parsing: langevin --out", new String[] {"langevin", "--potential", "doublewell:d=2,a=1", "--integrator", "ulmc", "--steps",
                        "50", "--n", "100", "--out", dir.resolve("int-parse-l.csv").toString()}, PENDING, dir.resolve("int-parse-l.csv")),
                Arguments.of("set-up: eval's 3,000,000-step log-SNR grid", line(gaussian, "eval", "--schedule", "vp", "--grid", "logsnr", "--steps",
                        "3000000"), 300L, dir.resolve("none")),
                Arguments.of("run: 1,000,000 steps", line(gaussian, "sample", "--schedule", "vp", "--steps", "1000000", "--n", "16", "--out",
                        dir.resolve("int-run.csv")), 300L, dir.resolve("int-run.csv")),
                Arguments.of("writing: 20,000,000 samples streamed to --out", line(gaussian, "sample", "--steps", "2", "--n", "20000000", "--out",
                        dir.resolve("int-write.csv")), 1500L, dir.resolve("int-write.csv")));
    }

    private static String[] line(String[] gaussian, String command, Object... rest) {
        return Stream.concat(Stream.concat(Stream.of(command), Stream.of(gaussian)), Stream.of(rest).map(Object::toString)).toArray(String[]::new);
    }

    /** Runs the command line on its own thread, interrupted before the call or {@code delayMillis} after it started. */
    static Cli run(String[] args, long delayMillis) throws InterruptedException {
        AtomicReference<Cli> result = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            if (delayMillis == PENDING) {
                Thread.currentThread().interrupt();
            }
            result.set(Cli.run(args));
        });
        worker.start();
        if (delayMillis != PENDING) {
            Thread.sleep(delayMillis);
            worker.interrupt();
        }
        worker.join(120_000); // a guard against a hang, not a timing
        assertThat(worker.isAlive()).as("the interrupted command stopped: %s", List.of(args)).isFalse();
        return result.get();
    }
}
