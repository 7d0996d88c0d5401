package org.difflab.plugin.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleUnaryOperator;
import org.difflab.dsl.grid.TimeGrid;

/**
 * The plain eager PyTorch loops of {@link RawLoops}' updates ({@code torch_loops.py}, run by a Python that has torch,
 * e.g. Debian's {@code python3-torch}), as a second reference for the overhead benchmark: one Python process for the
 * whole benchmark, asked for one timed run at a time, so that its runs take turns with DiffLab's as the others do. The
 * Python is {@code DIFFLAB_PYTHON}, else the first of {@code python3} on the path and {@code /usr/bin/python3} that
 * imports torch; where none does, {@link #start} says why and the benchmark leaves the column out.
 */
public final class TorchLoops implements AutoCloseable {
    /** Environment variable naming the Python to use. */
    public static final String PYTHON_ENVIRONMENT = "DIFFLAB_PYTHON";
    /**
     * glibc's malloc thresholds the Python runs with unless {@code GLIBC_TUNABLES} is set: large arrays kept for reuse
     * (not returned to the system at a free and faulted in again at the next allocation). With glibc's adaptive
     * defaults the same loop's step at 64 x 3 x 32 x 32 took a median 138 us in one Python process and 478 us in the next
     * (liOde, this project's 2-core VM, 2026-12-07); fixed, 130-133 us in each: the reference is PyTorch's fast case.
     */
    public static final String MALLOC_TUNABLES = "glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=134217728";

    private final RunningScript python;
    private final String version;

    private TorchLoops(RunningScript python, String version) {
        this.python = python;
        this.version = version;
    }

    /**
     * The Python running {@code torch_loops.py} from its temporary file, and its pipes: one request line in, one reply
     * line out (the script's protocol).
     */
    private record RunningScript(Path script, Process process, BufferedReader replies, Writer requests) {
        /** Sends one request line and returns the reply line (null when the Python has exited). */
        String ask(String request) throws IOException {
            requests.write(request + "\n");
            requests.flush();
            return replies.readLine();
        }

        /**
         * Closes the requests pipe (the script's signal to exit), waits up to 5 s before killing the process, and deletes
         * the script's file.
         */
        void end() {
            try {
                requests.close();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (IOException | InterruptedException e) {
                process.destroyForcibly();
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            } finally {
                delete(script);
            }
        }
    }

    /** A started Python with torch, or the reason there is none. */
    public record Started(TorchLoops loops, String reason) {}

    /** Starts the loops with {@code threads} intra-op threads, trying each candidate Python in turn. */
    public static Started start(int threads) {
        return start(threads, candidates());
    }

    static Started start(int threads, List<String> pythons) {
        Path script = script();
        List<String> tried = new ArrayList<>();
        for (String python : pythons) {
            try {
                ProcessBuilder builder = new ProcessBuilder(python, "-u", script.toString(), Integer.toString(threads))
                        .redirectError(ProcessBuilder.Redirect.DISCARD);
                builder.environment().putIfAbsent("GLIBC_TUNABLES", MALLOC_TUNABLES);
                Process p = builder.start();
                BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                String first = in.readLine();
                if (first != null && first.startsWith("ready ")) {
                    RunningScript running = new RunningScript(script, p, in, new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8));
                    return new Started(new TorchLoops(running, first.substring(6).trim()), null);
                }
                p.destroy();
                tried.add(python + ": " + (first == null ? "exited without an answer" : first.replaceFirst("^error ", "")));
            } catch (IOException e) {
                tried.add(python + ": cannot be started (" + e.getMessage() + ")");
            }
        }
        delete(script);
        return new Started(null, "no Python with torch (" + String.join("; ", tried) + "); install Debian's python3-torch or set "
                + PYTHON_ENVIRONMENT);
    }

    private static List<String> candidates() {
        String chosen = System.getenv(PYTHON_ENVIRONMENT);
        return chosen != null && !chosen.isBlank() ? List.of(chosen) : List.of("python3", "/usr/bin/python3");
    }

    /** The torch version the loops run on. */
    public String version() {
        return version;
    }

    /**
     * Seconds of one run of {@code integrator} (one of {@link RawLoops#INTEGRATORS}) over the grid, batch x dim, with the
     * model eps = sigma x / (alpha^2 variance + sigma^2) of {@link IsotropicEps}, the initial draw included. The script
     * gets the grid as numbers: alpha, sigma, t, the drift f(t) and g(t)^2 at every grid point.
     */
    public double seconds(String integrator, TimeGrid grid, int batch, int dim, double variance, long seed) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s %d %d %s %d %d", integrator, batch, dim, variance, seed, grid.steps()));
        List<DoubleUnaryOperator> columns = List.of(i -> grid.level((int) i).alpha(), i -> grid.level((int) i).sigma(), i -> grid.t((int) i),
                i -> grid.schedule().drift(grid.t((int) i)), i -> grid.schedule().diffusionSquared(grid.t((int) i)));
        for (DoubleUnaryOperator column : columns) {
            for (int i = 0; i <= grid.steps(); i++) {
                line.append(' ').append(column.applyAsDouble(i));
            }
        }
        try {
            String reply = python.ask(line.toString());
            if (reply == null || reply.startsWith("error")) {
                throw new IllegalStateException("the PyTorch loop of " + integrator + " failed: " + (reply == null ? "Python exited" : reply));
            }
            return Double.parseDouble(reply.trim());
        } catch (IOException e) {
            throw new UncheckedIOException("the PyTorch loop of " + integrator + " could not be run: " + e.getMessage(), e);
        }
    }

    /** Ends the Python and deletes the script's temporary file ({@link RunningScript#end}). */
    @Override
    public void close() {
        python.end();
    }

    /** The script from the class path, in a temporary file (Python reads a file, not a jar entry). */
    private static Path script() {
        try (InputStream in = TorchLoops.class.getResourceAsStream("torch_loops.py")) {
            if (in == null) {
                throw new IllegalStateException("torch_loops.py is missing from the class path");
            }
            Path file = Files.createTempFile("difflab-torch-loops", ".py");
            Files.write(file, in.readAllBytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the PyTorch loop script: " + e.getMessage(), e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }
}
