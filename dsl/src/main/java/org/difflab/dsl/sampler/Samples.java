package org.difflab.dsl.sampler;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.time.Duration;
import java.util.Map;
import org.difflab.dsl.integrator.RunContext;
import org.difflab.dsl.langevin.LangevinProblem;
import org.difflab.dsl.problem.DiffusionProblem;
import org.difflab.dsl.problem.Problem;

/**
 * The result of a run of either kind: the final states [n, event...] and how they were made (integrator, problem,
 * steps, evaluations spent, run statistics, wall time, seed). A diffusion run's result describes its schedule and model,
 * a Langevin run's its potential, step size, friction and gradients per chain; asking one kind's result for the other's
 * fails with a message naming the run's kind. Owns the native memory of its tensor: close it, or use try-with-resources.
 */
public final class Samples implements AutoCloseable {
    private final NDManager manager;
    private final NDArray tensor;
    private final String integrator;
    private final Problem problem;
    private final String model;
    private final int steps;
    private final long nfe;
    private final Duration wallTime;
    private final long seed;
    private final Map<String, Long> counters;

    Samples(NDManager manager, NDArray tensor, String integrator, Problem problem, int steps, long nfe, Duration wallTime, long seed,
            Map<String, Long> counters) {
        this.manager = manager;
        this.tensor = tensor;
        this.integrator = integrator;
        this.problem = problem;
        this.model = problem instanceof DiffusionProblem d ? d.model().describe() : null;
        this.steps = steps;
        this.nfe = nfe;
        this.wallTime = wallTime;
        this.seed = seed;
        this.counters = Map.copyOf(counters);
    }

    /** The samples as a tensor [n, event...]. */
    public NDArray tensor() {
        return tensor;
    }

    /** Number of samples. */
    public int size() {
        return Math.toIntExact(tensor.getShape().get(0));
    }

    /** Elements per sample. */
    public int dim() {
        return Math.toIntExact(tensor.getShape().size() / tensor.getShape().get(0));
    }

    /** Integrator spec. */
    public String integrator() {
        return integrator;
    }

    /** What the run solved: a {@link DiffusionProblem} or a {@link LangevinProblem}. */
    public Problem problem() {
        return problem;
    }

    public int steps() {
        return steps;
    }

    /**
     * Evaluations spent: model evaluations per trajectory of a diffusion run (the most any sample spent, when adaptive);
     * batched drift calls summed over batches of a Langevin run (the cost when the drift is a network).
     */
    public long nfe() {
        return nfe;
    }

    /**
     * The integrator's run statistics summed over batches (e.g. {@code clipped} for momentumStochastic; a Langevin run's
     * {@link RunContext#DRIFT_EVALUATIONS}).
     */
    public Map<String, Long> counters() {
        return counters;
    }

    public Duration wallTime() {
        return wallTime;
    }

    public long seed() {
        return seed;
    }

    /** Schedule spec of a diffusion run. */
    public String schedule() {
        return diffusion("schedule()").schedule().spec();
    }

    /** Model description of a diffusion run. */
    public String model() {
        diffusion("model()");
        return model;
    }

    /** Potential spec of a Langevin run. */
    public String potential() {
        return langevin("potential()").potential().spec();
    }

    /** Step size h of a Langevin run. */
    public double stepSize() {
        return langevin("stepSize()").stepSize();
    }

    /** Friction gamma of a Langevin run. */
    public double friction() {
        return langevin("friction()").friction();
    }

    /** Gradient evaluations spent per chain over a Langevin run (random for the Poisson midpoint method). */
    public double gradientsPerChain() {
        langevin("gradientsPerChain()");
        return (double) counters.getOrDefault(RunContext.DRIFT_EVALUATIONS, 0L) / size();
    }

    private DiffusionProblem diffusion(String call) {
        if (problem instanceof DiffusionProblem p) {
            return p;
        }
        throw new IllegalStateException(call + " is not allowed on the samples of a " + problem.kind() + " run: it describes a diffusion run");
    }

    private LangevinProblem langevin(String call) {
        if (problem instanceof LangevinProblem p) {
            return p;
        }
        throw new IllegalStateException(call + " is not allowed on the samples of a " + problem.kind() + " run: it describes a Langevin run");
    }

    /** The samples as rows of doubles. */
    public double[][] rows() {
        double[] flat = tensor.toType(DataType.FLOAT64, false).toDoubleArray();
        int n = size();
        int d = dim();
        double[][] out = new double[n][d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * d, out[i], 0, d);
        }
        return out;
    }

    @Override
    public void close() {
        manager.close();
    }

    @Override
    public String toString() {
        String head = String.format("Samples[n=%d, dim=%d, integrator=%s, ", size(), dim(), integrator);
        String tail = String.format(", seed=%d, wall=%.3f s]", seed, wallTime.toNanos() / 1e9);
        if (problem instanceof LangevinProblem p) {
            return head + String.format("potential=%s, h=%g, friction=%g, steps=%d, gradients/chain=%.2f", p.potential().spec(), p.stepSize(),
                    p.friction(), steps, gradientsPerChain()) + tail;
        }
        return head + String.format("steps=%d, nfe=%d, schedule=%s", steps, nfe, schedule()) + tail;
    }
}
