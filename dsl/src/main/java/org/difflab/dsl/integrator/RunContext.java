package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntToDoubleFunction;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.hierarchy.ModelHierarchy;
import org.difflab.dsl.langevin.LangevinProblem;
import org.difflab.dsl.model.Prediction;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.dsl.noise.NoiseStream;
import org.difflab.dsl.observe.RunInterruptedException;
import org.difflab.dsl.observe.StepEvent;
import org.difflab.dsl.observe.StepObserver;
import org.difflab.dsl.problem.DiffusionProblem;
import org.difflab.dsl.problem.Problem;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.tensor.StepMemory;

/**
 * Everything an integrator needs during one run over one batch, for either kind of {@link Problem}: a clock (step i to
 * time t_i: the {@link TimeGrid} of a diffusion run, t = i h for a Langevin run), evaluations (model calls converted
 * through {@link Prediction}, or drift calls; counted, with named run statistics for random counts), noise for each
 * step interval, observers, interrupts and step bookkeeping. Native memory is scoped per step: every tensor created
 * during a step is freed at {@link #endStep} except the new state and the arrays the integrator carries to the next
 * step (multistep history), so memory stays flat however long the run. The accessors of one kind's problem (grid and
 * model for diffusion; drift, step size and friction for Langevin) fail with a message naming the run's kind on the
 * other.
 */
public final class RunContext implements AutoCloseable {
    /** Counter of rounds: the sequential batched model calls of a parallel-in-time sampler ({@link #predictAll}). */
    public static final String ROUNDS = "rounds";
    /**
     * Counter of decisions a run took by comparing its own iterates with a tolerance (points accepted or rows stopped
     * early); reported whenever such a tolerance is on, since the run is then no longer an affine map of its draws.
     */
    public static final String TOLERANCE_STOPS = "toleranceStops";
    /** Counter of a Langevin run's drift evaluations summed over chains ({@link #drift}; per chain: divided by the batch size). */
    public static final String DRIFT_EVALUATIONS = "driftEvaluations";

    private final String integrator;
    private final Problem problem;
    private final TimeGrid grid;
    private final int steps;
    private final IntToDoubleFunction clock;
    private final NoiseStream noise;
    private final List<StepObserver> observers;
    private final Map<String, Long> counters = new TreeMap<>();
    private final StepMemory memory;
    private long nfe;

    /** A diffusion run along a time grid. */
    public RunContext(String integrator, DiffusionProblem problem, TimeGrid grid, NoiseStream noise, List<StepObserver> observers) {
        this(integrator, problem, grid, grid.steps(), grid::t, noise, observers);
    }

    /** A Langevin run of {@code steps} steps of the problem's size h, step i at time i h. */
    public RunContext(String integrator, LangevinProblem problem, int steps, NoiseStream noise, List<StepObserver> observers) {
        this(integrator, problem, null, steps, i -> i * problem.stepSize(), noise, observers);
    }

    // not a value (it owns a run's scopes and counters): alike SyntheticLevel's and TorchScriptModel's constructors in form only
    private RunContext(String integrator, Problem problem, TimeGrid grid, int steps, IntToDoubleFunction clock, NoiseStream noise,
            List<StepObserver> observers) {
        this.integrator = integrator;
        this.problem = problem;
        this.grid = grid;
        this.steps = steps;
        this.clock = clock;
        this.noise = noise;
        this.observers = List.copyOf(observers);
        this.memory = new StepMemory();
    }

    /** The time grid of a diffusion run. */
    public TimeGrid grid() {
        diffusion("grid()");
        return grid;
    }

    public int steps() {
        return steps;
    }

    /** The time t_i at the start of step i: grid point i of a diffusion run, i h of a Langevin run. */
    public double time(int i) {
        return clock.applyAsDouble(i);
    }

    /** The noise level at grid point i of a diffusion run. */
    public NoiseLevel level(int i) {
        return grid().level(i);
    }

    /** The problem of a diffusion run. */
    public DiffusionProblem problem() {
        return diffusion("problem()");
    }

    /** The problem of a Langevin run. */
    public LangevinProblem langevinProblem() {
        return langevin("langevinProblem()");
    }

    /** The step size h of a Langevin run. */
    public double stepSize() {
        return langevin("stepSize()").stepSize();
    }

    /** The friction gamma of a Langevin run. */
    public double friction() {
        return langevin("friction()").friction();
    }

    private DiffusionProblem diffusion(String call) {
        if (problem instanceof DiffusionProblem p) {
            return p;
        }
        throw new IllegalStateException(call + " is not allowed in " + integrator + "'s run: it needs a diffusion problem, and this run solves a "
                + problem.kind() + " problem");
    }

    private LangevinProblem langevin(String call) {
        if (problem instanceof LangevinProblem p) {
            return p;
        }
        throw new IllegalStateException(call + " is not allowed in " + integrator + "'s run: it needs a Langevin problem, and this run solves a "
                + problem.kind() + " problem");
    }

    public NoiseStream noise() {
        return noise;
    }

    /** Evaluations so far: model calls of a diffusion run, batched drift calls of a Langevin run. */
    public long nfe() {
        return nfe;
    }

    /** Adds to a named run statistic (e.g. how often a correction was clipped); reported with the samples. */
    public void count(String name, long amount) {
        counters.merge(name, amount, Long::sum);
    }

    /** The run statistics so far. */
    public Map<String, Long> counters() {
        return Map.copyOf(counters);
    }

    /** One model evaluation at grid point i. */
    public Prediction predict(NDArray x, int i) {
        return predict(x, level(i));
    }

    /** One model evaluation at any noise level. */
    public Prediction predict(NDArray x, NoiseLevel level) {
        ScoreModel model = problem().model();
        nfe++;
        return new Prediction(x, level, model.parameterization(), model.predict(x, level));
    }

    /**
     * One round: the predictions at several grid points in one batched model call ({@link ScoreModel#predict(NDArray,
     * NoiseLevel[])}), {@code xs[k]} a batch at grid point {@code points[k]}. Counted as xs.length model evaluations
     * (one per grid point, whatever the rows); the caller counts its rounds ({@link #ROUNDS}, the depth).
     */
    public Prediction[] predictAll(NDArray[] xs, int[] points) {
        if (xs.length != points.length || xs.length == 0) {
            throw new IllegalArgumentException("xs has " + xs.length + " batches and points " + points.length + " entries, which is not allowed: "
                    + "one grid point per batch, at least one");
        }
        ScoreModel model = problem().model();
        TimeGrid grid = grid();
        long[] splits = new long[xs.length - 1];
        int rows = 0;
        for (int k = 0; k < xs.length; k++) {
            rows += (int) xs[k].getShape().get(0);
            if (k < splits.length) {
                splits[k] = rows;
            }
        }
        NoiseLevel[] levels = new NoiseLevel[rows];
        int r = 0;
        for (int k = 0; k < xs.length; k++) {
            NoiseLevel level = grid.level(points[k]);
            for (long j = 0; j < xs[k].getShape().get(0); j++) {
                levels[r++] = level;
            }
        }
        NDArray raw = model.predict(xs.length == 1 ? xs[0] : NDArrays.concat(new NDList(xs), 0), levels);
        NDList parts = xs.length == 1 ? new NDList(raw) : raw.split(splits, 0);
        parts.forEach(NDScope::register); // DJL's split does not register its parts with the scope
        Prediction[] out = new Prediction[xs.length];
        for (int k = 0; k < xs.length; k++) {
            out[k] = new Prediction(xs[k], grid.level(points[k]), model.parameterization(), parts.get(k));
        }
        nfe += xs.length;
        return out;
    }

    /**
     * One evaluation of another model than the problem's (e.g. one level of a model hierarchy) at grid point i, in
     * score space; counted as one model evaluation like {@link #predict}.
     */
    public NDArray score(ScoreModel model, NDArray x, int i) {
        return score(model, x, level(i));
    }

    /** One evaluation of another model than the problem's at any noise level (e.g. at a Poisson event time), in score space. */
    public NDArray score(ScoreModel model, NDArray x, NoiseLevel level) {
        nfe++;
        return model.parameterization().toScore(model.predict(x, level), x, level);
    }

    /**
     * Levels {@code ks} of a hierarchy (0: its base) at one state at the noise level of step i, in score space, in one
     * call ({@link ModelHierarchy#scores}: a score the levels share is evaluated once); one evaluation counted per level.
     */
    public NDArray[] scores(ModelHierarchy hierarchy, int[] ks, NDArray x, int i) {
        nfe += ks.length;
        return hierarchy.scores(ks, x, level(i));
    }

    /**
     * One drift evaluation b = grad log pi of a Langevin run on a batch of positions [m, d] (m chains, possibly a subset):
     * one call ({@link #nfe}) and m evaluations ({@link #DRIFT_EVALUATIONS}).
     */
    public NDArray drift(NDArray positions) {
        LangevinProblem p = langevin("drift(...)");
        nfe++;
        count(DRIFT_EVALUATIONS, positions.getShape().get(0));
        return p.potential().gradLogDensity(positions);
    }

    /** Standard normal noise shaped like x for step i (the interval t_i -> t_{i+1}). */
    public NDArray normal(NDArray like, int i) {
        return normal(like, time(i), time(i + 1));
    }

    /** Standard normal noise shaped like x tied to the time interval (tFrom, tTo). */
    public NDArray normal(NDArray like, double tFrom, double tTo) {
        return noise.normal(like.getManager(), eventShape(like), like.getDataType(), tFrom, tTo);
    }

    /** Standard normal noise shaped like x, tied to no time interval. */
    public NDArray normal(NDArray like) {
        return noise.normal(like.getManager(), eventShape(like), like.getDataType());
    }

    /** One U(0,1) draw per sample (chain) from the auxiliary stream. */
    public double[] uniform() {
        return noise.uniform();
    }

    /** One U(0,1) draw shared by every sample of the run (the same for every batch). */
    public double uniformShared() {
        return noise.uniformShared();
    }

    private static ai.djl.ndarray.types.Shape eventShape(NDArray x) {
        return x.getShape().slice(1);
    }

    /**
     * Ends step i: keeps {@code next} and {@code carry} (arrays needed by the next step), hands them to the noise
     * stream's {@link NoiseStream#stepEnded} hook (which may rewrite them in place), frees everything else created
     * since the previous step, and notifies the observers.
     *
     * @return {@code next}, for {@code x = ctx.endStep(i, x, ...)}
     * @throws RunInterruptedException when the thread was interrupted (the flag is consumed; the run frees its memory)
     */
    public NDArray endStep(int i, NDArray next, NDArray... carry) {
        List<NDArray> kept = memory.keep(next, carry);
        noise.stepEnded(i, Collections.unmodifiableList(kept));
        memory.nextStep();
        if (!observers.isEmpty()) {
            StepEvent event = new StepEvent(integrator, i, steps, (i + 1.0) / steps, time(i), time(i + 1), next, nfe, noise.first());
            for (StepObserver o : observers) {
                o.onStep(event);
            }
        }
        if (Thread.interrupted()) {
            throw new RunInterruptedException(integrator, i, steps, time(i + 1));
        }
        return next;
    }

    /**
     * For loops inside one {@link Integrator#run} that span several steps (ParaDiGMS rounds, Picard sweeps, noise drawn
     * up front): stops the run when the thread was interrupted, as {@link #endStep} does once per step, so that an
     * interrupt is seen within one pass of the loop and not only when the whole run ends.
     *
     * @param where     which loop, e.g. "in round 12"
     * @param finalSteps how many steps are already final
     * @throws RunInterruptedException when the thread was interrupted (the flag is consumed; the run frees what the
     *                                 context holds, the caller frees what it took out of the context's scope)
     */
    public void stopIfInterrupted(String where, int finalSteps) {
        if (Thread.interrupted()) {
            throw new RunInterruptedException(integrator, where, finalSteps, steps, time(finalSteps));
        }
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
