package org.difflab.dsl.conformance;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.difflab.dsl.Langevin;
import org.difflab.dsl.integrator.Solve;
import org.difflab.dsl.langevin.Dynamics;
import org.difflab.dsl.langevin.LangevinIntegrator;
import org.difflab.dsl.langevin.LangevinProblem;
import org.difflab.dsl.langevin.LangevinSampler;
import org.difflab.dsl.langevin.TargetPotential;
import org.difflab.dsl.noise.NoiseSources;
import org.difflab.dsl.noise.NoiseStream;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.target.Gaussian;
import org.difflab.dsl.target.Target;
import org.difflab.dsl.target.Targets;

/**
 * The conformance suite of Langevin integrators, runnable on any {@link LangevinIntegrator} (one written in a notebook
 * cell included): {@code LangevinConformance.check(mySampler)}. Checks:
 * <ul>
 *   <li>{@code determinism}: the same seed gives identical bits;</li>
 *   <li>{@code batch-invariance}: chain i is the same bits in batches of 1, 7, 64 and 1000, at any position, with 1 and 2
 *       intra-op threads ({@link BatchInvariance});</li>
 *   <li>{@code gradients}: gradient evaluations spent per chain equal the declared count (exactly when it is fixed;
 *       within 5 standard errors of the declared mean when it is random, the error taken as if every chain shared its
 *       selections, which holds for either sharing);</li>
 *   <li>{@code native-memory}: resident memory stays flat over a long run (measured; the smallest growth of up to 3 passes);</li>
 *   <li>{@code moments}: on a 2-D Gaussian (variances 1 and 1.5) at a small step size over a horizon of 16 (the slowest
 *       variance, underdamped at friction 2, decays as e^{-0.84 t}), the sample mean and covariance are within 5 standard
 *       errors of the target's (the O(h) bias, 2% of a variance for LMC at h = 0.04, is near 1 standard error with 4000
 *       chains).</li>
 * </ul>
 * Determinism and batch invariance run on a 2-D Gaussian mixture (a nonlinear drift with a softmax); the moment check
 * runs on a diagonal Gaussian because on the CPU engine the mixture's score costs 5 to 16 ms per call (10^3 to 10^4 rows,
 * mostly its softmax) against 0.4 ms for a diagonal Gaussian's, measured; a rotated Gaussian's tiny matrix products are
 * as slow.
 */
public final class LangevinConformance {

    /**
     * Sizes of the checks.
     *
     * @param stepSize         h of the moment check
     * @param momentSteps      steps of the moment check (horizon momentSteps h)
     * @param momentSamples    chains of the moment check
     * @param gradientSteps    steps of the gradient check for random counts
     * @param memorySteps      steps of the memory check
     * @param memoryLimitBytes largest native growth accepted over the memory run
     */
    public record Options(double stepSize, int momentSteps, int momentSamples, int gradientSteps, int memorySteps, long memoryLimitBytes) {
        public static Options defaults() {
            return new Options(0.04, 400, 4000, 500, 2000, 64L << 20);
        }
    }

    private static final Target MIXTURE = Targets.randomMixture(2, 3, 1, 0.5, 1);
    private static final Target GAUSSIAN = Gaussian.diagonal(new double[] {0.5, -0.3}, new double[] {1, 1.5});

    private LangevinConformance() {}

    // alike Conformance.check in form only: another integrator kind, its own list of checks (gradients, no noiseless run)
    /** Runs every check with the default sizes. */
    public static ConformanceReport check(LangevinIntegrator integrator) {
        return check(integrator, Options.defaults());
    }

    /** Runs every check. */
    public static ConformanceReport check(LangevinIntegrator integrator, Options options) {
        List<CheckResult> results = new ArrayList<>();
        results.add(determinism(integrator));
        results.add(batchInvariance(integrator));
        results.add(gradients(integrator, options));
        results.add(nativeMemory(integrator, options));
        results.add(moments(integrator, options));
        return new ConformanceReport(integrator.spec(), results);
    }

    private static LangevinSampler sampler(LangevinIntegrator integrator, int steps, double h) {
        return Langevin.sampler().target(MIXTURE).integrator(integrator).stepSize(h).steps(steps);
    }

    private static LangevinSampler gaussianSampler(LangevinIntegrator integrator, int steps, double h) {
        return Langevin.sampler().target(GAUSSIAN).integrator(integrator).stepSize(h).steps(steps);
    }

    static CheckResult determinism(LangevinIntegrator integrator) {
        double[][] a;
        double[][] b;
        try (Samples s = sampler(integrator, 20, 0.05).seed(7).sample(32)) {
            a = s.rows();
        }
        try (Samples s = sampler(integrator, 20, 0.05).seed(7).sample(32)) {
            b = s.rows();
        }
        return CheckResult.of("determinism", Arrays.deepEquals(a, b), "two runs with seed 7, 32 chains, 20 steps: "
                + (Arrays.deepEquals(a, b) ? "identical bits" : "bits differ"));
    }

    /** {@link BatchInvariance} on the 2-D mixture, 12 steps of h = 0.05 (seed 11); the counter reported is the model calls. */
    static CheckResult batchInvariance(LangevinIntegrator integrator) {
        return BatchInvariance.check((source, count, batch) -> {
            try (Samples s = sampler(integrator, BATCH_STEPS, 0.05).noise(source).batchSize(batch).sample(count)) {
                return new BatchInvariance.Drawn(s.rows(), Map.of("calls", s.nfe()));
            }
        }, NoiseSources.perSample(11), MIXTURE.spec() + ", " + BATCH_STEPS + " steps of h = 0.05").result();
    }

    /** Steps of the batch-invariance runs. */
    private static final int BATCH_STEPS = 12;

    static CheckResult gradients(LangevinIntegrator integrator, Options options) {
        double declared = integrator.gradientsPerStep();
        double variance = integrator.gradientsPerStepVariance();
        if (variance == 0) {
            StringBuilder detail = new StringBuilder();
            boolean ok = true;
            for (int steps : new int[] {1, 2, 17}) {
                try (Samples s = sampler(integrator, steps, 0.05).seed(3).sample(4)) {
                    ok &= s.gradientsPerChain() == declared * steps;
                    detail.append(steps).append(" steps: spent ").append(s.gradientsPerChain()).append(" per chain, declared ")
                            .append(declared * steps).append("; ");
                }
            }
            return CheckResult.of("gradients", ok, detail.toString().trim());
        }
        int steps = options.gradientSteps();
        try (Samples s = gaussianSampler(integrator, steps, 0.05).seed(3).sample(16)) {
            double perStep = s.gradientsPerChain() / steps;
            double se = Math.sqrt(variance / steps);
            double z = Math.abs(perStep - declared) / se;
            return CheckResult.of("gradients", z <= 5, String.format("16 chains, %d steps: spent %.4f per chain and step, declared mean %.4f "
                    + "(variance %.4f): %.2f standard errors", steps, perStep, declared, variance, z));
        }
    }

    static CheckResult nativeMemory(LangevinIntegrator integrator, Options options) {
        if (NativeMemory.residentBytes() < 0) {
            return CheckResult.skipped("native-memory", "resident memory is not measurable on this platform");
        }
        LangevinProblem problem = new LangevinProblem(new TargetPotential(Targets.gaussian(2, 0.5, 0.3)), 0.05, 2);
        run(integrator, problem, Math.max(1, options.memorySteps() / 10));
        long[] growths = NativeMemory.growthsUntilWithin(options.memoryLimitBytes(), Conformance.MEMORY_PASSES,
                () -> run(integrator, problem, options.memorySteps()));
        long growth = Arrays.stream(growths).min().orElseThrow();
        return CheckResult.of("native-memory", growth <= options.memoryLimitBytes(), String.format(
                "native growth (resident outside the Java heap, minus JVM non-heap committed) over %d steps: %.1f MB (%.0f bytes/step; limit %.0f MB; "
                        + "smallest of %s MB)", options.memorySteps(), growth / 1048576.0, (double) growth / options.memorySteps(),
                options.memoryLimitBytes() / 1048576.0, Conformance.megabytes(growths)));
    }

    private static void run(LangevinIntegrator integrator, LangevinProblem problem, int steps) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NoiseStream noise = NoiseSources.perSample(5).open(0, 16);
            Shape event = new Shape(problem.potential().dim());
            NDArray x = noise.normal(manager, event, DataType.FLOAT32);
            if (integrator.dynamics() == Dynamics.UNDERDAMPED) {
                x = NDArrays.concat(new NDList(x, noise.normal(manager, event, DataType.FLOAT32)), 1);
            }
            Solve.run(integrator, problem, steps, noise, List.of(), x).x().close();
        }
    }

    static CheckResult moments(LangevinIntegrator integrator, Options options) {
        double[][] x;
        try (Samples s = gaussianSampler(integrator, options.momentSteps(), options.stepSize()).seed(13)
                .batchSize(options.momentSamples()).sample(options.momentSamples())) {
            x = s.rows();
        }
        MomentDeviation worst = MomentDeviation.of(x, GAUSSIAN.mean(), GAUSSIAN.covariance());
        return CheckResult.of("moments", worst.z() <= 5, String.format("%s, h = %s, %d steps, %d chains: largest deviation %.2f standard errors (%s)",
                GAUSSIAN.spec(), options.stepSize(), options.momentSteps(), x.length, worst.z(), worst.what()));
    }
}
