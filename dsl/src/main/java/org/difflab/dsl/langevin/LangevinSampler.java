package org.difflab.dsl.langevin;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.TreeMap;
import org.difflab.dsl.Require;
import org.difflab.dsl.integrator.Solve;
import org.difflab.dsl.sampler.BatchedSampler;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.target.Target;
import org.difflab.dsl.tensor.Scalars;

/**
 * The Langevin front door of the one sampler builder ({@link BatchedSampler}): potential (or target), integrator, step
 * size, friction, steps, then {@link #sample(int)} independent chains, with the shared seed, batch and dtype settings. Chains start at positions N(0, initialStd^2 I) and, underdamped, velocities
 * N(0, I) (their stationary law), both drawn from the run's noise; with the default per-sample noise, chain i is the
 * same bits at any batch size.
 *
 * <pre>{@code
 * try (Samples s = Langevin.sampler()
 *         .potential(Potentials.parse("doublewell:d=1,a=1"))
 *         .integrator(LangevinIntegrators.parse("plmc:K=10,select=one"))
 *         .stepSize(0.03).steps(300).seed(42)
 *         .sample(10_000)) { ... }
 * }</pre>
 */
public final class LangevinSampler extends BatchedSampler<LangevinSampler> {
    private Potential potential;
    private LangevinIntegrator integrator = new Lmc();
    private double stepSize = 0.01;
    private double friction = 2;
    private int steps = 1000;
    private double initialStd = 1;

    // The setters shared with the diffusion Sampler live in BatchedSampler; these look like Sampler's own but set this kind's fields.
    public LangevinSampler potential(Potential potential) {
        this.potential = Require.notNull("potential", potential);
        return this;
    }

    /** Samples a diffusion target's density (its exact score at the clean level is the drift). */
    public LangevinSampler target(Target target) {
        return potential(new TargetPotential(Require.notNull("target", target)));
    }

    public LangevinSampler integrator(LangevinIntegrator integrator) {
        this.integrator = Require.notNull("integrator", integrator);
        return this;
    }

    /** The step size h (finite, > 0). */
    public LangevinSampler stepSize(double h) {
        this.stepSize = Require.positive("stepSize", h);
        return this;
    }

    /** The friction gamma of underdamped integrators (finite, > 0; default 2). */
    public LangevinSampler friction(double gamma) {
        this.friction = Require.positive("friction", gamma);
        return this;
    }

    public LangevinSampler steps(int steps) {
        this.steps = Require.positive("steps", steps);
        return this;
    }

    /** Standard deviation of the initial positions (finite, >= 0; default 1). */
    public LangevinSampler initialStd(double std) {
        this.initialStd = Require.nonNegative("initialStd", std);
        return this;
    }

    /** The problem this run solves. */
    public LangevinProblem problem() {
        if (potential == null) {
            throw new IllegalArgumentException("potential is missing: set .potential(...) or .target(...) before sampling");
        }
        return new LangevinProblem(potential, stepSize, friction);
    }

    /** Runs n chains and returns their final positions, with drift calls and evaluations summed over batches. */
    public Samples sample(int n) {
        Require.positive("n", n);
        LangevinProblem problem = problem();
        Shape event = new Shape(potential.dim());
        long[] calls = {0};
        Map<String, Long> counters = new TreeMap<>();
        Drawn d = draw(n, (batch, stream, observers) -> {
            NDArray x = Scalars.mul(stream.normal(batch, event, dataType()), initialStd);
            if (integrator.dynamics() == Dynamics.UNDERDAMPED) {
                x = NDArrays.concat(new NDList(x, stream.normal(batch, event, dataType())), 1);
            }
            Solve.Solution sol = Solve.run(integrator, problem, steps, stream, observers, x);
            calls[0] += sol.nfe();
            sol.counters().forEach((k, v) -> counters.merge(k, v, Long::sum));
            return sol.x().get(":, 0:" + potential.dim());
        });
        return samples(d, integrator.spec(), problem, steps, calls[0], counters);
    }
}
