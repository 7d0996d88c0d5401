package org.difflab.plugin.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.difflab.dsl.Diffusion;
import org.difflab.dsl.Require;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Target;
import org.difflab.dsl.target.Targets;
import org.difflab.runtime.DiffLabRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code difflab check}: a quick Monte Carlo table of moment errors against step count for every registered
 * integrator on a target with known mean and variance. Errors below about two standard errors are sampling noise.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Monte Carlo error-versus-steps table (mean and variance errors) for every integrator.")
final class CheckCommand implements Callable<Integer> {
    private static final int[] STEPS = {10, 20, 50, 100, 200};

    @Option(names = "--target", defaultValue = "gaussian:d=2,mean=1,var=0.05", paramLabel = "SPEC",
            description = "Target spec (default: ${DEFAULT-VALUE}).")
    String target;

    @Option(names = "--n", defaultValue = "20000", paramLabel = "N", description = "Samples per run (default: ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--schedule", defaultValue = "linear:T=1000", paramLabel = "SPEC", description = "Noise schedule (default: ${DEFAULT-VALUE}).")
    String schedule;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Require.positive("--n", n);
        Target t = Targets.parse(target);
        NoiseSchedule sched = Schedules.parse(schedule);
        double[] variance = new double[t.dim()];
        for (int j = 0; j < variance.length; j++) {
            variance[j] = t.covariance()[j][j];
        }
        DiffLabRuntime.engine();
        long start = System.nanoTime();
        TextTable table = new TextTable("integrator", ">steps", ">NFE", ">|mean err|", ">s.e.", ">|var err|/var", ">s.e.");
        for (Integrator method : Integrators.all()) {
            for (int steps : STEPS) {
                try (Samples s = Diffusion.sampler().schedule(sched).target(t).integrator(method).grid(Grids.uniform(steps))
                        .seed(seed).sample(n)) {
                    MomentErrors e = MomentErrors.of(s.rows(), t.mean(), variance);
                    table.row(method.spec(), steps, s.nfe(), sci(e.meanError()), sci(e.meanStdErr()), sci(e.varError()),
                            sci(e.varStdErr()));
                }
            }
        }
        var out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Monte Carlo check: target %s, schedule %s, uniform grid, n = %d, seed = %d (max over dimensions)%n",
                t.spec(), sched.spec(), n, seed);
        out.print(table.render());
        out.printf(Locale.ROOT, "errors below about 2 s.e. are Monte Carlo noise; %.1f s%n", (System.nanoTime() - start) / 1e9);
        out.flush();
        return 0;
    }

    private static String sci(double v) {
        return String.format(Locale.ROOT, "%.2e", v);
    }
}
