package org.difflab.plugin.cli;

import java.util.List;
import java.util.Locale;
import org.difflab.distributed.sweep.SpecList;
import org.difflab.dsl.grid.GridSpec;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Gaussian;
import org.difflab.dsl.target.Targets;
import org.difflab.theory.convergence.StepProxy;
import org.difflab.theory.exact.Init;
import org.difflab.theory.metric.Metric;
import org.difflab.theory.metric.Metrics;
import picocli.CommandLine.Option;

/**
 * The options of an exact evaluation shared by {@code difflab eval} and {@code difflab converge}. The defaults are
 * the setup on which the standard samplers show their orders cleanly (see the claims catalogue): continuous VP
 * schedule, log-SNR grid ending at tMin, exact initial law, W2.
 */
final class ExactOptions {

    /** What sample defaults to, for the note of the defaults used (DefaultsUsed). */
    static final String OTHER_DEFAULTS = "sample's defaults are linear:T=1000 and uniform";

    @Option(names = "--target", required = true, paramLabel = "SPEC",
            description = "Gaussian target spec, e.g. gaussian:d=2,mean=1,var=0.05 (see 'difflab list targets').")
    String target;

    @Option(names = "--schedule", defaultValue = "vp", paramLabel = "SPEC", description = "Noise schedule (default: ${DEFAULT-VALUE}).")
    String schedule;

    @Option(names = "--grid", defaultValue = "logsnr", paramLabel = "SPEC", description = "Time-grid rule (default: ${DEFAULT-VALUE}).")
    String grid;

    @Option(names = "--init", defaultValue = "exact", paramLabel = "prior|exact",
            description = "Start from the sampler's prior or from the exact law at the first grid time (default: ${DEFAULT-VALUE}).")
    String init;

    @Option(names = "--reference", defaultValue = "x1", paramLabel = "x0|x1",
            description = "x1: the grid ends at tMin and the error is against law(X_tMin); x0: it ends with a jump to t = 0 "
                    + "and the error is against the target (default: ${DEFAULT-VALUE}).")
    String reference;

    @Option(names = "--metric", defaultValue = "w2", paramLabel = "NAME",
            description = "kl, tv, w2, hellinger, sqrtKl, klReverse or hellingerSquared (default: ${DEFAULT-VALUE}).")
    String metric;

    /** The target, which must be Gaussian for an exact evaluation. */
    Gaussian gaussian() {
        if (!(Targets.parse(target) instanceof Gaussian g)) {
            throw new IllegalArgumentException("--target = " + target + " is not allowed: exact evaluation needs a Gaussian target "
                    + "(gaussian:d=..., with var=..., diag=... or spread=...; see 'difflab list targets')");
        }
        return g;
    }

    NoiseSchedule schedule() {
        return Schedules.parse(schedule);
    }

    /** The grid rule with the final jump chosen by --reference. */
    GridSpec grid(int steps) {
        GridSpec g = Grids.parse(grid, steps);
        return switch (reference.toLowerCase(Locale.ROOT)) {
            case "x1" -> g.endingAtTMin();
            case "x0" -> g;
            default -> throw new IllegalArgumentException("--reference = " + reference + " is not allowed: must be x0 or x1");
        };
    }

    Init init() {
        return switch (init.toLowerCase(Locale.ROOT)) {
            case "prior" -> Init.PRIOR;
            case "exact" -> Init.EXACT;
            default -> throw new IllegalArgumentException("--init = " + init + " is not allowed: must be prior or exact");
        };
    }

    Metric metric() {
        if (!Metrics.names().stream().anyMatch(n -> n.equalsIgnoreCase(metric))) {
            throw new IllegalArgumentException("--metric = " + metric + " is not allowed: one of " + String.join(", ", Metrics.names()));
        }
        return Metrics.byName(metric);
    }

    /**
     * Refuses, before the target is built, a request whose target or grids cannot fit in memory ({@link Budget}); the
     * exact evaluation itself works per coordinate, so the target's covariance and the grids are what grow.
     */
    void budget(String command, int... steps) {
        Budget b = new Budget();
        RequestSize.target(b, "--target", target, 1, Double.BYTES);
        long total = 0;
        for (int t : steps) {
            total += t;
            RequestSize.steps(new Budget(), "--steps", t);
        }
        RequestSize.steps(b, "--steps", total);
        b.check(command + " --target " + target + " --steps " + java.util.Arrays.toString(steps).replaceAll("[\\[\\] ]", ""),
                "--steps or the target's d");
    }

    /** Parses every option, so that bad input is reported before any work is done. */
    void validate(int steps) {
        gaussian();
        grid(steps).on(schedule());
        init();
        metric();
    }

    /** The step proxy named by --proxy: T (steps) or h (ln T / T). */
    static StepProxy proxy(String name) {
        return switch (name) {
            case "T" -> StepProxy.STEPS;
            case "h" -> StepProxy.LOG_STEPS_OVER_STEPS;
            default -> throw new IllegalArgumentException("--proxy = " + name + " is not allowed: must be T (steps) or h (ln T / T)");
        };
    }

    /**
     * Splits a comma-separated list of integrator specs, keeping the commas inside one spec's parameters:
     * {@code ddpm:variance=small,heun} is two specs, {@code foo:a=1,b=2} is one.
     */
    static List<String> integrators(String list) {
        return SpecList.split("--integrator", list);
    }
}
