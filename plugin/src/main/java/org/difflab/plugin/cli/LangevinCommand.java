package org.difflab.plugin.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.difflab.dsl.Langevin;
import org.difflab.dsl.Require;
import org.difflab.dsl.langevin.LangevinIntegrator;
import org.difflab.dsl.langevin.LangevinIntegrators;
import org.difflab.dsl.langevin.Potential;
import org.difflab.dsl.langevin.Potentials;
import org.difflab.dsl.sampler.Samples;
import org.difflab.runtime.DiffLabRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code difflab langevin}: Langevin sampling of a potential (a double well, or a target's log-density) with one of the
 * registered Langevin integrators (LMC, underdamped LMC, randomized midpoint, Poisson midpoint), through the public
 * {@link Langevin#sampler()} API; samples to CSV or NPY.
 */
@Command(name = "langevin", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Langevin sampling of a potential: doublewell:d=1,a=1 (U = a (|x|^2 - 1)^2) or a target spec (gaussian:..., gmm:...) "
                + "with lmc, ulmc, randomizedMidpoint:form=...,noise=... or plmc:K=10,... (see 'difflab list langevin')."})
final class LangevinCommand implements Callable<Integer> {

    // own options: alike in form to other commands', but names, defaults and help texts differ (a shared @Mixin would change --help)
    @Option(names = "--potential", required = true, paramLabel = "SPEC", description = "doublewell:d=1,a=1, or a target spec (gaussian:..., gmm:...).")
    String potential;

    @Option(names = "--integrator", defaultValue = "lmc", paramLabel = "SPEC", description = "Langevin integrator (default: ${DEFAULT-VALUE}).")
    String integrator;

    @Option(names = "--step-size", defaultValue = "0.01", paramLabel = "H", description = "Step size h > 0 (default: ${DEFAULT-VALUE}).")
    double stepSize;

    @Option(names = "--friction", defaultValue = "2", paramLabel = "GAMMA", description = "Friction of underdamped forms (default: ${DEFAULT-VALUE}).")
    double friction;

    @Option(names = "--steps", defaultValue = "1000", paramLabel = "N", description = "Steps of each chain (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--n", required = true, paramLabel = "N", description = "Number of chains (samples), >= 1.")
    int n;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Seed of the per-chain noise (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--batch", defaultValue = "4096", paramLabel = "N", description = "Chains per batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the samples to FILE.csv or FILE.npy.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Require.positive("--n", n);
        Require.positive("--steps", steps);
        Require.positive("--batch", batch);
        if (out != null) {
            OutputPaths.file("--out", out, ".csv", ".npy");
        }
        Potential u = Potentials.parse(potential);
        Budget b = new Budget();
        RequestSize.kept(b, n, u.dim(), "--potential's d", Float.BYTES);
        RequestSize.batch(b, Math.min(batch, n), u.dim(), Float.BYTES, false);
        b.check("langevin --n " + n + " --potential " + potential, "--n, --batch or the potential's d");
        LangevinIntegrator method = LangevinIntegrators.parse(integrator);
        DiffLabRuntime.engine();
        try (Samples s = Langevin.sampler().potential(u).integrator(method).stepSize(stepSize).friction(friction).steps(steps)
                .seed(seed).batchSize(batch).sample(n); StagedFiles files = new StagedFiles()) {
            double[][] rows = rows(s.tensor(), s.dim());
            List<String> written = new ArrayList<>();
            if (out != null) {
                files.stage("--out", out, temp -> {
                    if (out.toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
                        CsvFile.write(temp, rows);
                    } else {
                        NpyFile.write(temp, rows);
                    }
                });
                files.commit();
                written.add(out.toString());
            }
            spec.commandLine().getOut().printf(Locale.ROOT, "sampled n=%d dim=%d integrator=%s potential=%s h=%s steps=%d gradients/chain=%.1f "
                    + "wall=%.3f s%s%n", s.size(), s.dim(), s.integrator(), s.potential(), s.stepSize(), s.steps(), s.gradientsPerChain(),
                    s.wallTime().toNanos() / 1e9, written.isEmpty() ? " (no output file: use --out)" : " -> " + String.join(", ", written));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    private static double[][] rows(NDArray samples, int d) {
        double[] flat = samples.toType(DataType.FLOAT64, false).toDoubleArray();
        double[][] rows = new double[flat.length / d][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = java.util.Arrays.copyOfRange(flat, i * d, (i + 1) * d);
        }
        return rows;
    }
}
