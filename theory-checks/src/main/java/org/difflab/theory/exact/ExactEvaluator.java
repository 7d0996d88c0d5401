package org.difflab.theory.exact;

import static org.difflab.theory.exact.StudyArguments.nonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.IntToDoubleFunction;
import java.util.function.UnaryOperator;
import org.difflab.dsl.grid.GridSpec;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.RunContext;
import org.difflab.dsl.integrator.Solve;
import org.difflab.dsl.model.PerturbedScore;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.dsl.problem.DiffusionProblem;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.target.Gaussian;
import org.difflab.dsl.tensor.Scalars;
import org.difflab.theory.metric.DiagonalGaussian;

/**
 * Exact output law of an integrator on a Gaussian target, computed with the integrator's own code and no Monte
 * Carlo error (DESIGN.md, "Exact evaluation").
 *
 * <p>With an exact (or affinely perturbed) score the run is an affine map of its Gaussian draws, so its output is
 * Gaussian given the auxiliary randomness. The evaluator replaces the target N(m, U diag(lambda) U^T) by the
 * diagonal Gaussian N(U^T m, diag(lambda)) in its eigenbasis, runs the integrator once on a counting stream and
 * once on the probe rows of {@link ProbeNoise} (1 + H + F rows: the mean, the run's state collapsed from the past
 * draws, the current step's draws; a run of T steps costs O(T)), and reads the mean and per-coordinate variance off
 * the rows. The counting pass is skipped where earlier ones give the run's layout ({@link KnownLayouts}: the probe
 * pass checks it as it goes, and a run that departs from it is counted after all): the same bits, one run fewer. This is repeated for M auxiliary seeds, giving an equal-weight Gaussian mixture ({@link ExactLaw}); a run
 * that draws no auxiliary randomness is evaluated once and its law repeated M times (the same bits, 1/M of the work).
 * Everything runs in float64 on the default engine (PyTorch).
 *
 * <p>The run must be affine in its Gaussian draws. A run that reports the statistic {@code clipped}
 * ({@link org.difflab.dsl.integrator.RunContext#count}) applies a clip, and is refused: on probe rows a clip acts on
 * meaningless norms, and on samples it makes the law non-Gaussian (use {@code momentumStochastic:clip=inf}). So is a
 * run that reports {@link RunContext#TOLERANCE_STOPS} (picardBlocks, paradigms with tol &gt; 0): it decides how far
 * to iterate by comparing its iterates with a tolerance, a decision on the draws (use {@code tol=0}).
 *
 * <p>A score-model wrapper (e.g. {@link PerturbedScore} with a CONSTANT or RELATIVE error) is applied to the exact
 * score of the rotated target, so a CONSTANT error direction u is drawn in the eigenbasis (U u in the original
 * coordinates). The wrapper must keep the model affine: a SINUSOIDAL perturbation is rejected.
 *
 * <p>The reference law is the target noised at the grid's last time t_n: N(a U^T m, diag(a^2 lambda + s^2)) with
 * a = alpha(t_n), s = sigma(t_n): law(X_0) when the grid ends at 0, law(X_1) when it ends at tMin = 1 on the Li
 * schedule.
 */
public final class ExactEvaluator {
    /** The run statistic by which an integrator says that it clips; such runs are refused. */
    static final String CLIPPED = "clipped";

    private final Integrator integrator;
    private Gaussian target;
    private NoiseSchedule schedule;
    private GridSpec gridSpec;
    private TimeGrid timeGrid;
    private UnaryOperator<ScoreModel> model = UnaryOperator.identity();
    private Init init = Init.PRIOR;
    private int repetitions = 1;
    private long auxSeed;
    private DiagonalGaussian start;
    private IntToDoubleFunction forcedShared;

    private ExactEvaluator(Integrator integrator) {
        this.integrator = integrator;
    }

    /** An evaluator of this integrator; set target, schedule (or a TimeGrid) and grid, then {@link #evaluate()}. */
    public static ExactEvaluator of(Integrator integrator) {
        if (integrator == null) {
            throw new IllegalArgumentException("integrator is null, which is not allowed: see Integrators");
        }
        return new ExactEvaluator(integrator);
    }

    /** The Gaussian target (diagonal or full covariance, any dimension). */
    public ExactEvaluator target(Gaussian target) {
        this.target = nonNull("target", target);
        return this;
    }

    public ExactEvaluator schedule(NoiseSchedule schedule) {
        this.schedule = nonNull("schedule", schedule);
        return this;
    }

    /** A grid rule, placed on the schedule. */
    public ExactEvaluator grid(GridSpec grid) {
        this.gridSpec = nonNull("grid", grid);
        this.timeGrid = null;
        return this;
    }

    /** An explicit time grid; it carries its schedule. */
    public ExactEvaluator grid(TimeGrid grid) {
        this.timeGrid = nonNull("grid", grid);
        this.gridSpec = null;
        this.schedule = grid.schedule();
        return this;
    }

    /** Wraps the exact score of the rotated target, e.g. {@code s -> new PerturbedScore(s, 0.1, CONSTANT, 1)}. */
    public ExactEvaluator model(UnaryOperator<ScoreModel> wrapper) {
        this.model = nonNull("model", wrapper);
        return this;
    }

    public ExactEvaluator init(Init init) {
        this.init = nonNull("init", init);
        return this;
    }

    /**
     * Starts the chain at t_0 from this diagonal Gaussian law, given in the target's eigenbasis (a zero variance is a
     * point mass), instead of {@link #init}: how {@link SelectionMoments} reads one step's affine map.
     */
    public ExactEvaluator start(DiagonalGaussian law) {
        this.start = nonNull("start", law);
        return this;
    }

    /**
     * Forces the shared auxiliary draws: the n-th {@code uniformShared()} of the run returns {@code draws.applyAsDouble(n)}
     * (one repetition: the run is then conditional on these draws).
     */
    public ExactEvaluator sharedAux(IntToDoubleFunction draws) {
        this.forcedShared = nonNull("sharedAux", draws);
        return this;
    }

    /** Number M of auxiliary-randomness repetitions (mixture components), in [1, 100000]. */
    public ExactEvaluator repetitions(int m) {
        if (m < 1 || m > 100_000) {
            throw new IllegalArgumentException("repetitions = " + m + " is not allowed: must be in [1, 100000]");
        }
        this.repetitions = m;
        return this;
    }

    /** Seed of the auxiliary randomness; repetition r uses auxSeed + r. */
    public ExactEvaluator auxSeed(long seed) {
        this.auxSeed = seed;
        return this;
    }

    /** The time grid of this evaluation. */
    public TimeGrid timeGrid() {
        if (timeGrid != null) {
            return timeGrid;
        }
        if (schedule == null || gridSpec == null) {
            throw new IllegalStateException("schedule and grid must be set before evaluation (schedule = " + schedule + ", grid = " + gridSpec + ")");
        }
        return gridSpec.on(schedule);
    }

    /** Computes the exact law. */
    public ExactLaw evaluate() {
        Setup setup = setup();
        int d = setup.mean.length;
        List<DiagonalGaussian> components = new ArrayList<>();
        ProbeRows first = null;
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int r = 0; r < repetitions; r++) {
                if (Thread.interrupted()) { // each pass stops at its step ends; this stops between repetitions too
                    throw new CancellationException("the exact evaluation of " + integrator.spec() + " was interrupted after "
                            + r + " of " + repetitions + " repetitions; nothing was reported");
                }
                if (r > 0 && first.sharedAux() == 0 && first.sampleAux() == 0) {
                    // repetition 0 drew no auxiliary randomness, so the auxiliary seed never entered the run: every other
                    // repetition would repeat its two passes bit for bit (deterministic samplers, DDPM, Euler-Maruyama)
                    components.add(components.get(0));
                    continue;
                }
                ProbeRows out = pass(manager, setup, r);
                double[] m = new double[d];
                double[] v = new double[d];
                System.arraycopy(out.values(), 0, m, 0, d);
                for (int row = 1; row < out.rows(); row++) {
                    for (int j = 0; j < d; j++) {
                        double a = out.values()[row * d + j] - m[j];
                        v[j] += a * a;
                    }
                }
                components.add(new DiagonalGaussian(m, v));
                if (r == 0) {
                    first = out;
                }
            }
        }
        DiagonalGaussian reference = NoisedTarget.law(setup.grid.level(setup.grid.steps()), setup.mean, setup.lambda);
        return new ExactLaw(components, reference, first.nfe(), first.draws(), first.sharedAux());
    }

    /**
     * The raw output rows of one probe pass (repetition 0): row 0 is the output with every Gaussian draw zero, row r &gt;= 1
     * minus row 0 the output's coefficients on the r-th probe row (the r-th draw of the run while no past collapse has
     * happened, as in a one-step run). For {@link SelectionMoments}, which needs the coefficients draw by draw.
     *
     * @param values    rows x d values, row-major
     * @param rows      the number of rows
     * @param nfe       model evaluations of the run
     * @param draws     Gaussian draws of the run, the initial draw included
     * @param sharedAux shared auxiliary draws of the run
     * @param sampleAux per-sample auxiliary draws of the run
     */
    record ProbeRows(double[] values, int rows, long nfe, int draws, int sharedAux, int sampleAux) {
    }

    /** The raw rows of one probe pass (repetition 0). */
    ProbeRows probeRows() {
        Setup setup = setup();
        try (NDManager manager = NDManager.newBaseManager()) {
            return pass(manager, setup, 0);
        }
    }

    /**
     * One counting pass with the forced shared draws set by {@link #sharedAux}, whose plan then serves probe passes with
     * other forced shared draws ({@link ProbePlan#rows}): one pass per selection pattern instead of two, for runs whose
     * Gaussian draws do not depend on the selections (each probe pass checks that it sees the same draws).
     */
    ProbePlan plan() {
        Setup setup = setup();
        ProbeNoise counting = forcedShared == null ? ProbeNoise.counting(auxSeed) : ProbeNoise.counting(auxSeed, forcedShared);
        try (NDManager manager = NDManager.newBaseManager()) {
            countingRun(manager, setup, counting);
        }
        return new ProbePlan(setup, counting);
    }

    /** A recorded counting pass and the probe passes it serves. */
    final class ProbePlan {
        private final Setup setup;
        private final ProbeNoise counting;

        private ProbePlan(Setup setup, ProbeNoise counting) {
            this.setup = setup;
            this.counting = counting;
        }

        /** The shared auxiliary draws the counting pass made. */
        int sharedDraws() {
            return counting.sharedDraws();
        }

        /** The per-sample auxiliary draws the counting pass made. */
        int sampleDraws() {
            return counting.sampleDraws();
        }

        /** The rows of a probe pass with the shared draws forced to {@code shared}. */
        ProbeRows rows(IntToDoubleFunction shared) {
            ProbeNoise probe = counting.probe(shared);
            try (NDManager manager = NDManager.newBaseManager()) {
                Run out = ExactEvaluator.this.run(manager, setup.problem, setup.grid, probe, setup.mean, setup.lambda);
                probe.verifyComplete();
                return new ProbeRows(out.values, probe.size(), out.nfe, probe.draws().size(), probe.sharedDraws(), probe.sampleDraws());
            }
        }
    }

    private record Setup(DiffusionProblem problem, TimeGrid grid, double[] mean, double[] lambda) {
    }

    private Setup setup() {
        if (target == null) {
            throw new IllegalStateException("target must be set before evaluation");
        }
        TimeGrid grid = timeGrid();
        int d = target.dim();
        double[] lambda = target.eigenvalues();
        double[] mean = rotatedMean(target);
        Gaussian rotated = Gaussian.diagonal(mean, lambda);
        ScoreModel scoreModel = model.apply(rotated.exactScore());
        if (scoreModel instanceof PerturbedScore p && p.shape() == PerturbedScore.ErrorShape.SINUSOIDAL) {
            throw new IllegalArgumentException("model = " + p.describe() + " is not allowed: exact evaluation needs an affine score "
                    + "(PerturbedScore shapes CONSTANT or RELATIVE)");
        }
        if (start != null && start.dim() != d) {
            throw new IllegalArgumentException("start of dimension " + start.dim() + " is not allowed: the target has dimension " + d);
        }
        if (forcedShared != null && repetitions != 1) {
            throw new IllegalArgumentException("repetitions = " + repetitions + " is not allowed with forced auxiliary draws: must be 1");
        }
        return new Setup(new DiffusionProblem(grid.schedule(), scoreModel), grid, mean, lambda);
    }

    /**
     * The probe pass of repetition r, after a counting pass unless earlier ones give a guess of the run's layout
     * ({@link KnownLayouts}): then the probe pass follows the guess, and only if the run departs from it (which it
     * detects) is the layout counted, so the rows are the same bits either way.
     */
    private ProbeRows pass(NDManager manager, Setup setup, int r) {
        KnownLayouts.Key key = new KnownLayouts.Key(integrator.spec(), setup.grid.steps(), forcedShared != null);
        KnownLayouts.Guess guess = KnownLayouts.guess(key);
        if (guess != null) {
            try {
                return probeRun(manager, setup, ProbeNoise.known(auxSeed + r, guess.layout(), forcedShared));
            } catch (ProbeLayout.Mismatch departed) {
                KnownLayouts.failed(key, guess);
            }
        }
        ProbeNoise counting = forcedShared == null ? ProbeNoise.counting(auxSeed + r) : ProbeNoise.counting(auxSeed + r, forcedShared);
        countingRun(manager, setup, counting);
        ProbeRows rows = probeRun(manager, setup, counting.probe());
        KnownLayouts.record(key, counting.layout());
        return rows;
    }

    private ProbeRows probeRun(NDManager manager, Setup setup, ProbeNoise probe) {
        Run out = run(manager, setup.problem, setup.grid, probe, setup.mean, setup.lambda);
        probe.verifyComplete();
        return new ProbeRows(out.values, probe.size(), out.nfe, probe.draws().size(), probe.sharedDraws(), probe.sampleDraws());
    }

    /** The counting pass: a run on one row of zero draws, only to record the draws (its own method, so profiles tell the passes apart). */
    private void countingRun(NDManager manager, Setup setup, ProbeNoise counting) {
        run(manager, setup.problem, setup.grid, counting, setup.mean, setup.lambda);
    }

    /** U^T m: the target mean in the eigenbasis. */
    static double[] rotatedMean(Gaussian target) {
        double[] m = target.mean();
        double[][] u = target.eigenbasis();
        if (u == null) {
            return m;
        }
        double[] out = new double[m.length];
        for (int k = 0; k < m.length; k++) {
            for (int i = 0; i < m.length; i++) {
                out[k] += u[i][k] * m[i];
            }
        }
        return out;
    }

    private record Run(double[] values, long nfe) {
    }

    /** One pass; its Java values (probe rows, collapsed rows, coefficients) reach the engine through {@link Scalars}. */
    private Run run(NDManager manager, DiffusionProblem problem, TimeGrid grid, ProbeNoise noise, double[] mean, double[] lambda) {
        try (Scalars.Session numbers = Scalars.open(); NDManager batch = manager.newSubManager()) {
            int d = mean.length;
            NDArray z = noise.normal(batch, new Shape(d), DataType.FLOAT64);
            NDArray x;
            if (start != null) {
                x = NoisedTarget.draw(batch, z, start);
            } else if (init == Init.PRIOR) {
                x = z.mul(problem.schedule().priorStd());
            } else {
                x = NoisedTarget.draw(batch, z, NoisedTarget.law(grid.level(0), mean, lambda));
            }
            Solve.Solution sol = Solve.run(integrator, problem, grid, noise, List.of(), x);
            if (sol.counters().containsKey(CLIPPED)) {
                throw new IllegalArgumentException("integrator = " + integrator.spec() + " is not allowed: its run reports the statistic '"
                        + CLIPPED + "', so it clips (a nonlinear map of the draws) and its law is not Gaussian; evaluate it without "
                        + "clipping (e.g. momentumStochastic:clip=inf) and measure how often the clip fires by Monte Carlo");
            }
            if (sol.counters().containsKey(RunContext.TOLERANCE_STOPS)) {
                throw new IllegalArgumentException("integrator = " + integrator.spec() + " is not allowed: its run reports the statistic '"
                        + RunContext.TOLERANCE_STOPS + "', so it decides how far to iterate by comparing its iterates with tol (a decision "
                        + "on the draws) and its law is not Gaussian; evaluate it with tol=0 (e.g. picardBlocks:sweeps=4,tol=0 or paradigms:tol=0)");
            }
            return new Run(sol.x().toDoubleArray(), sol.nfe());
        }
    }
}
