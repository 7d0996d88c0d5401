package org.difflab.dsl.langevin;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.difflab.dsl.Require;
import org.difflab.dsl.noise.NoiseSource;
import org.difflab.dsl.noise.NoiseSources;
import org.difflab.dsl.noise.NoiseStream;
import org.difflab.dsl.observe.NonFiniteCheck;
import org.difflab.dsl.observe.StepObserver;
import org.difflab.dsl.target.Target;

/**
 * Fluent builder of a Langevin run: potential (or target), integrator, step size, friction, steps, seed, then
 * {@link #sample(int)} independent chains. Chains start at positions N(0, initialStd^2 I) and, underdamped, velocities
 * N(0, I) (their stationary law), both drawn from the run's noise; with the default per-sample noise, chain i is the
 * same bits at any batch size.
 *
 * <pre>{@code
 * try (LangevinSamples s = Langevin.sampler()
 *         .potential(Potentials.parse("doublewell:d=1,a=1"))
 *         .integrator(LangevinIntegrators.parse("plmc:K=10,select=one"))
 *         .stepSize(0.03).steps(300).seed(42)
 *         .sample(10_000)) { ... }
 * }</pre>
 */
public final class LangevinSampler {
    private Potential potential;
    private LangevinIntegrator integrator = new Lmc();
    private double stepSize = 0.01;
    private double friction = 2;
    private int steps = 1000;
    private double initialStd = 1;
    private long seed;
    private NoiseSource noise;
    private int batchSize = 4096;
    private DataType dataType = DataType.FLOAT32;
    private Device device;
    private boolean checkFinite = true;
    private final List<StepObserver> observers = new ArrayList<>();

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

    /** The seed of the default per-sample noise. */
    public LangevinSampler seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Another noise source (engine stream, Brownian path over [0, steps h]); it carries its own seed. */
    public LangevinSampler noise(NoiseSource noise) {
        this.noise = Require.notNull("noise", noise);
        return this;
    }

    public LangevinSampler batchSize(int batchSize) {
        this.batchSize = Require.positive("batchSize", batchSize);
        return this;
    }

    /** float32 (default) or float64. */
    public LangevinSampler dataType(DataType dataType) {
        if (dataType != DataType.FLOAT32 && dataType != DataType.FLOAT64) {
            throw new IllegalArgumentException("dataType = " + dataType + " is not allowed: must be float32 or float64");
        }
        this.dataType = dataType;
        return this;
    }

    public LangevinSampler device(Device device) {
        this.device = Require.notNull("device", device);
        return this;
    }

    public LangevinSampler observer(StepObserver observer) {
        observers.add(Require.notNull("observer", observer));
        return this;
    }

    /** Turns the per-step NaN/Inf check off (it is on by default). */
    public LangevinSampler checkFinite(boolean on) {
        this.checkFinite = on;
        return this;
    }

    /** The problem this run solves. */
    public LangevinProblem problem() {
        if (potential == null) {
            throw new IllegalArgumentException("potential is missing: set .potential(...) or .target(...) before sampling");
        }
        return new LangevinProblem(potential, stepSize, friction);
    }

    /** Runs n chains and returns their final positions. */
    public LangevinSamples sample(int n) {
        Require.positive("n", n);
        LangevinProblem problem = problem();
        NoiseSource source = noise != null ? noise : NoiseSources.perSample(seed);
        List<StepObserver> all = new ArrayList<>(observers);
        if (checkFinite) {
            all.add(0, new NonFiniteCheck());
        }
        Shape event = new Shape(potential.dim());
        NDManager manager = device == null ? NDManager.newBaseManager() : NDManager.newBaseManager(device);
        long start = System.nanoTime();
        try {
            NDList parts = new NDList();
            long calls = 0;
            long evaluations = 0;
            for (int first = 0; first < n; first += batchSize) {
                int size = Math.min(batchSize, n - first);
                try (NDManager batch = manager.newSubManager()) {
                    NoiseStream stream = source.open(first, size);
                    NDArray x = stream.normal(batch, event, dataType).mul(initialStd);
                    if (integrator.dynamics() == Dynamics.UNDERDAMPED) {
                        x = NDArrays.concat(new NDList(x, stream.normal(batch, event, dataType)), 1);
                    }
                    LangevinSolve.Solution sol = LangevinSolve.run(integrator, problem, steps, stream, all, x);
                    calls += sol.calls();
                    evaluations += sol.evaluations();
                    NDArray positions = sol.x().get(":, 0:" + potential.dim());
                    positions.attach(manager);
                    parts.add(positions);
                }
            }
            NDArray out = parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts, 0);
            if (parts.size() > 1) {
                parts.close();
            }
            return new LangevinSamples(manager, out, integrator.spec(), potential.spec(), problem.stepSize(), problem.friction(), steps,
                    (double) evaluations / n, calls, Duration.ofNanos(System.nanoTime() - start), source.seed());
        } catch (RuntimeException | Error e) {
            manager.close();
            throw e;
        }
    }
}
