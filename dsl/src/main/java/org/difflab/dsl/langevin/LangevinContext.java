package org.difflab.dsl.langevin;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.difflab.dsl.noise.NoiseStream;
import org.difflab.dsl.observe.RunInterruptedException;
import org.difflab.dsl.observe.StepEvent;
import org.difflab.dsl.observe.StepObserver;
import org.difflab.dsl.tensor.StepMemory;

/**
 * Everything a Langevin integrator needs during one run over one batch of chains: the problem, drift evaluations
 * (counted per call and per chain), the noise of the run's stream (Gaussian draws tied to Langevin time intervals
 * [i h, (i + 1) h], auxiliary uniforms per chain or shared), and step bookkeeping. As in the diffusion
 * {@code RunContext}, native memory is scoped per step: every tensor created during a step is freed at
 * {@link #endStep} except the new state and the arrays carried to the next step, so memory stays flat however long
 * the chains run. Observers (the NaN check among them) see each step with time t = i h.
 */
public final class LangevinContext implements AutoCloseable {
    private final String integrator;
    private final LangevinProblem problem;
    private final int steps;
    private final NoiseStream noise;
    private final List<StepObserver> observers;
    private final StepMemory memory;
    private long calls;
    private long evaluations;

    public LangevinContext(String integrator, LangevinProblem problem, int steps, NoiseStream noise, List<StepObserver> observers) {
        this.integrator = integrator;
        this.problem = problem;
        this.steps = steps;
        this.noise = noise;
        this.observers = List.copyOf(observers);
        this.memory = new StepMemory();
    }

    public int steps() {
        return steps;
    }

    /** The step size h. */
    public double stepSize() {
        return problem.stepSize();
    }

    /** The friction gamma. */
    public double friction() {
        return problem.friction();
    }

    /** The Langevin time i h at the start of step i. */
    public double time(int i) {
        return i * problem.stepSize();
    }

    /** One drift evaluation b = grad log pi on a batch of positions [m, d] (m chains, possibly a subset). */
    public NDArray drift(NDArray positions) {
        calls++;
        evaluations += positions.getShape().get(0);
        return problem.potential().gradLogDensity(positions);
    }

    /** Batched drift calls so far (the cost when the drift is a network). */
    public long calls() {
        return calls;
    }

    /** Drift evaluations so far summed over chains (divided by the batch size: evaluations per chain). */
    public long evaluations() {
        return evaluations;
    }

    /** Standard normal draws shaped like the positions, for the time interval (tFrom, tTo) of the run. */
    public NDArray normal(NDArray positions, double tFrom, double tTo) {
        return noise.normal(positions.getManager(), positions.getShape().slice(1), positions.getDataType(), tFrom, tTo);
    }

    /** Standard normal draws shaped like the positions, tied to no time interval. */
    public NDArray normal(NDArray positions) {
        return noise.normal(positions.getManager(), positions.getShape().slice(1), positions.getDataType());
    }

    /** One U(0,1) draw per chain from the auxiliary stream. */
    public double[] uniform() {
        return noise.uniform();
    }

    /** One U(0,1) draw shared by every chain of the run (the same for every batch). */
    public double uniformShared() {
        return noise.uniformShared();
    }

    /**
     * Ends step i: keeps {@code next} and {@code carry}, frees everything else created since the previous step, and
     * notifies the observers.
     *
     * @return {@code next}, for {@code x = ctx.endStep(i, x, ...)}
     * @throws RunInterruptedException when the thread was interrupted (the flag is consumed; the run frees its memory)
     */
    public NDArray endStep(int i, NDArray next, NDArray... carry) {
        memory.keep(next, carry);
        memory.nextStep();
        if (!observers.isEmpty()) {
            StepEvent event = new StepEvent(integrator, i, steps, time(i), time(i + 1), next, calls, noise.first());
            for (StepObserver o : observers) {
                o.onStep(event);
            }
        }
        if (Thread.interrupted()) {
            throw new RunInterruptedException(integrator, i, steps, time(i + 1));
        }
        return next;
    }

    /** Takes ownership of the initial state (freed when a later step replaces it). */
    void adoptInitial(NDArray x) {
        memory.adopt(x);
    }

    /** Hands the final state to the caller and frees everything else. */
    NDArray finish(NDArray result) {
        return memory.finish(result);
    }

    @Override
    public void close() {
        memory.close();
    }
}
