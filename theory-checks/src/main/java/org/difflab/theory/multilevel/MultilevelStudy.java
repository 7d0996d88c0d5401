package org.difflab.theory.multilevel;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.difflab.dsl.Require;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.hierarchy.LevelDifferences;
import org.difflab.dsl.hierarchy.ModelHierarchy;
import org.difflab.dsl.hierarchy.StateBatch;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.integrator.MultilevelEulerMaruyama;
import org.difflab.dsl.integrator.Mutant;
import org.difflab.dsl.integrator.Solve;
import org.difflab.dsl.noise.BrownianPathNoise;
import org.difflab.dsl.noise.NoiseStream;
import org.difflab.dsl.noise.PerSampleNoise;
import org.difflab.dsl.observe.TrajectoryCapture;
import org.difflab.dsl.problem.DiffusionProblem;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.target.Gaussian;
import org.difflab.dsl.target.GaussianReverseTransition;

/**
 * Strong errors and costs of multilevel samplers on a diagonal Gaussian target or any hierarchy of models, trained
 * networks included (research note mlem_parallel.md, sections A.3 and A.7): every run starts from the same prior draws, on a uniform grid over the schedule ending at
 * tMin, in float64; costs are per sample, sum_k C_k (rows that called level k) / rows, the base counted as free.
 *
 * <ul>
 *   <li>{@link #flowError}: a probability-flow run (lambda = 0) against the exact flow of the exact score
 *       ({@link GaussianReverseTransition}), so the error has no reference error of its own: bias of the top level,
 *       discretization and randomization together, as in the theorem's (E||X~_T - X_T||^2)^{1/2};</li>
 *   <li>{@link #coupledDistance}: two SDE runs driven by one Brownian path ({@link BrownianPathNoise}), e.g. ML-EM
 *       against Euler-Maruyama with the top level at the same step, which isolates the randomization error (the
 *       note's eta-plateau table).</li>
 * </ul>
 */
public final class MultilevelStudy {
    /** Depth of the Brownian path: resolution tMax 2^-20, far below any step or event gap used here. */
    private static final int PATH_DEPTH = 20;

    /**
     * One method at one setting.
     *
     * @param error   RMS distance per sample (Euclidean norm over coordinates)
     * @param errorSe its standard error (delta method over the rows)
     * @param cost    mean cost per sample
     * @param calls   level calls per sample, level 1 first
     */
    public record Point(double error, double errorSe, double cost, double[] calls) {}

    /**
     * The multilevel drift estimate v at one state, over independent gates (research note section A.7 test (ii)).
     *
     * @param mean          per coordinate, the mean of v over the rows
     * @param meanSe        per coordinate, its standard error
     * @param top           the top level's score s^K(x), which v estimates
     * @param variance      the total variance E|v - E v|^2 measured over the rows
     * @param varianceSe    its standard error
     * @param predicted     sum_k (1/p_k - 1) |Delta_k(x)|^2
     * @param probabilities the gate probabilities p_k of the step, level 1 first
     */
    public record DriftEstimate(double[] mean, double[] meanSe, double[] top, double variance, double varianceSe, double predicted,
            double[] probabilities) {}

    /** The target when it is a Gaussian (flowError needs its exact flow); null for a study of networks. */
    private final Gaussian target;
    private final Shape event;
    private final int dim;
    private final NoiseSchedule schedule;
    private final GaussianReverseTransition flow;
    private final int samples;
    private final long seed;
    /** Final states of reference runs, by integrator spec and steps: a study compares many runs with one reference. */
    private final Map<String, double[]> references = new HashMap<>();

    /**
     * @param target   a diagonal Gaussian target
     * @param schedule the forward process
     * @param samples  rows per run, &gt;= 2
     * @param seed     seed of the prior draws, the noise and the gates
     */
    public MultilevelStudy(Gaussian target, NoiseSchedule schedule, int samples, long seed) {
        this.target = Require.notNull("target", target);
        this.event = new Shape(target.dim());
        this.dim = target.dim();
        this.schedule = Require.notNull("schedule", schedule);
        this.flow = new GaussianReverseTransition(target, schedule, 0); // also checks that the target is diagonal
        this.samples = Require.inRange("samples", samples, 2, 1_000_000);
        this.seed = seed;
    }

    /**
     * A study without a target (e.g. of trained networks): {@link #coupledDistance} and {@link #withPilotDifferences}
     * only, since there is no exact flow to compare with.
     *
     * @param eventShape the shape of one sample, e.g. [3, 16, 16]
     */
    public MultilevelStudy(Shape eventShape, NoiseSchedule schedule, int samples, long seed) {
        this.target = null;
        this.event = Require.notNull("eventShape", eventShape);
        if (eventShape.dimension() < 1 || eventShape.size() < 1) {
            throw new IllegalArgumentException("eventShape = " + eventShape + " is not allowed: a sample needs at least 1 coordinate");
        }
        this.dim = Math.toIntExact(eventShape.size());
        this.schedule = Require.notNull("schedule", schedule);
        this.flow = null;
        this.samples = Require.inRange("samples", samples, 2, 1_000_000);
        this.seed = seed;
    }

    /**
     * The hierarchy with pilot level differences measured on the states that Euler-Maruyama with the top level
     * visits ({@code steps} steps, {@code rows} rows, every grid point; research note section A.4 (a)), per time bin
     * when {@code binEdges} is given (null: one bin).
     */
    public ModelHierarchy withPilotDifferences(ModelHierarchy hierarchy, int steps, int rows, double[] binEdges) {
        return hierarchy.withDifferences(pilotDifferences(hierarchy, steps, rows, binEdges).pilot());
    }

    /** The level differences behind {@link #withPilotDifferences}, measured on the states Euler-Maruyama with the top level visits. */
    public LevelDifferences pilotDifferences(ModelHierarchy hierarchy, int steps, int rows, double[] binEdges) {
        TimeGrid grid = grid(steps);
        TrajectoryCapture capture = new TrajectoryCapture(1);
        try (NDManager m = NDManager.newBaseManager()) {
            Solve.run(Integrators.parse("eulerMaruyama"), new DiffusionProblem(schedule, hierarchy), grid,
                    new PerSampleNoise(seed ^ 0x5EED).open(0, rows), List.of(capture), prior(m, rows, seed ^ 0x5EED));
            List<StateBatch> states = new ArrayList<>();
            Shape shape = rows(rows);
            for (int i = 0; i < capture.states().size(); i++) {
                states.add(new StateBatch(schedule.level(capture.times().get(i)), m.create(capture.states().get(i), shape)));
            }
            return LevelDifferences.measure(hierarchy, states, binEdges);
        }
    }

    /** A probability-flow run of the integrator against the exact flow from the same prior draws. */
    public Point flowError(Integrator integrator, ModelHierarchy hierarchy, int steps) {
        if (flow == null) {
            throw new IllegalStateException("flowError needs a Gaussian target, and this study of " + event + " samples has none: use "
                    + "coupledDistance");
        }
        if (integrator.stochastic()) {
            throw new IllegalArgumentException("integrator = " + integrator.spec() + " is not allowed: flowError compares with the exact "
                    + "probability-flow map, so the integrator must be deterministic apart from its gates (lambda = 0)");
        }
        TimeGrid grid = grid(steps);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x0 = prior(m, samples, seed);
            double[] start = x0.toDoubleArray();
            Solve.Solution s = Solve.run(integrator, new DiffusionProblem(schedule, hierarchy), grid, new PerSampleNoise(seed).open(0, samples),
                    List.of(), x0);
            double[][] c = flow.coefficients(grid.t(0), grid.t(steps));
            int d = dim;
            double[] exact = new double[start.length];
            for (int i = 0; i < start.length; i++) {
                exact[i] = c[0][i % d] * start[i] + c[1][i % d];
            }
            return point(s.x().toDoubleArray(), exact, s.counters(), hierarchy);
        }
    }

    /**
     * The distance between a run of {@code integrator} on {@code steps} steps and one of {@code reference} on
     * {@code referenceSteps} steps, both on {@code hierarchy}, driven by one Brownian path and started from the same
     * prior draws; the point's cost is the first run's.
     */
    public Point coupledDistance(Integrator integrator, int steps, Integrator reference, int referenceSteps, ModelHierarchy hierarchy) {
        return coupledDistance(integrator, steps, hierarchy, reference, referenceSteps, hierarchy);
    }

    /**
     * As {@link #coupledDistance(Integrator, int, Integrator, int, ModelHierarchy)} with the reference on its own hierarchy,
     * e.g. Euler-Maruyama with a small network against a fine run with the largest. The reference's final states are
     * kept for later calls with the same reference, steps and hierarchy.
     */
    public Point coupledDistance(Integrator integrator, int steps, ModelHierarchy hierarchy, Integrator reference, int referenceSteps,
                                 ModelHierarchy referenceHierarchy) {
        double[] r = references.computeIfAbsent(reference.spec() + " x " + referenceSteps + " on " + System.identityHashCode(referenceHierarchy),
                k -> finalStates(reference, referenceSteps, new DiffusionProblem(schedule, referenceHierarchy)));
        Solve.Solution[] s = new Solve.Solution[1];
        double[] x = finalStates(integrator, steps, new DiffusionProblem(schedule, hierarchy), s);
        return point(x, r, s[0].counters(), hierarchy);
    }

    private double[] finalStates(Integrator integrator, int steps, DiffusionProblem problem) {
        return finalStates(integrator, steps, problem, new Solve.Solution[1]);
    }

    /** The run's final states on the study's Brownian path; the solution (its counters) is left in {@code out[0]}. */
    private double[] finalStates(Integrator integrator, int steps, DiffusionProblem problem, Solve.Solution[] out) {
        BrownianPathNoise path = new BrownianPathNoise(seed, schedule.tMax(), PATH_DEPTH);
        try (NDManager m = NDManager.newBaseManager()) {
            out[0] = Solve.run(integrator, problem, grid(steps), path.open(0, samples), List.of(), prior(m, samples, seed));
            return out[0].x().toDoubleArray();
        }
    }

    /**
     * Monte Carlo over the gates of one Euler step of probability-flow ML-EM ({@code lambda = 0}, Euler form, gates per
     * sample) from t to t - eta, every row starting at the state {@code x}: the drift estimate of a row is
     * v = (x + f dt x - x') / (g^2 dt / 2), read back from the step it took.
     */
    public DriftEstimate driftEstimate(ModelHierarchy hierarchy, double rate, double[] x, double t, double eta, int rows) {
        return driftEstimate(hierarchy, rate, x, t, eta, rows, "");
    }

    /**
     * {@link #driftEstimate(ModelHierarchy, double, double[], double, double, int)} with the step run as a mutant
     * ({@code mutation} as after '@' in an integrator spec, e.g. {@code gates=2}; empty: none), for negative controls;
     * the prediction stays that of the correct estimator.
     */
    public DriftEstimate driftEstimate(ModelHierarchy hierarchy, double rate, double[] x, double t, double eta, int rows, String mutation) {
        MultilevelEulerMaruyama mlem = new MultilevelEulerMaruyama(rate, 0, MultilevelEulerMaruyama.Form.EULER, MultilevelEulerMaruyama.Share.SAMPLE);
        Integrator run = mutation == null || mutation.isEmpty() ? mlem : Mutant.parse(mlem, mutation);
        int d = dim;
        Require.sameDimension("x", Require.finite("x", x).length, d);
        Require.inRange("rows", rows, 2, 10_000_000);
        TimeGrid grid = new TimeGrid(schedule, new double[] {t, t - Require.positive("eta", eta)});
        double dt = -eta;
        double f = schedule.drift(t);
        double c = schedule.diffusionSquared(t) / 2;
        try (NDManager m = NDManager.newBaseManager()) {
            double[] start = new double[rows * d];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(x, 0, start, r * d, d);
            }
            NDArray states = m.create(start, rows(rows));
            double[] out = Solve.run(run, new DiffusionProblem(schedule, hierarchy), grid, new PerSampleNoise(seed).open(0, rows), List.of(), states)
                    .x().toDoubleArray();
            NDArray state = m.create(x, rows(1));
            var level = grid.level(0);
            double[] p = mlem.probabilities(hierarchy, t, eta);
            double predicted = 0;
            for (int k = 1; k <= hierarchy.size(); k++) {
                double[] delta = hierarchy.difference(k, state, level).toDoubleArray();
                for (double v : delta) {
                    predicted += (1 / p[k - 1] - 1) * v * v;
                }
            }
            double[] v = new double[out.length];
            double[] mean = new double[d];
            for (int i = 0; i < out.length; i++) {
                v[i] = (x[i % d] + f * dt * x[i % d] - out[i]) / (c * dt);
                mean[i % d] += v[i] / rows;
            }
            double[] meanSq = new double[d];
            double spread = 0;
            double spreadSq = 0;
            for (int r = 0; r < rows; r++) {
                double e = 0;
                for (int j = 0; j < d; j++) {
                    double dev = v[r * d + j] - mean[j];
                    meanSq[j] += dev * dev / rows;
                    e += dev * dev;
                }
                spread += e / rows;
                spreadSq += e * e / rows;
            }
            double[] meanSe = new double[d];
            for (int j = 0; j < d; j++) {
                meanSe[j] = Math.sqrt(meanSq[j] / (rows - 1));
            }
            double variance = spread * rows / (rows - 1);
            double varianceSe = Math.sqrt(Math.max(0, spreadSq - spread * spread) / (rows - 1));
            return new DriftEstimate(mean, meanSe, hierarchy.score(hierarchy.size(), state, level).toDoubleArray(), variance, varianceSe, predicted, p);
        }
    }

    /** The study's grid of {@code steps} uniform steps over the schedule, ending at tMin. */
    public TimeGrid grid(int steps) {
        return Grids.uniform(Require.positive("steps", steps)).endingAtTMin().on(schedule);
    }

    /** Prior draws N(0, priorStd^2 I), float64, from the given seed (the same rows for every run of the study). */
    private NDArray prior(NDManager m, int rows, long priorSeed) {
        var normal = ZigguratSampler.NormalizedGaussian.of(RandomSource.XO_RO_SHI_RO_128_PP.create(priorSeed));
        double[] x = new double[rows * dim];
        for (int i = 0; i < x.length; i++) {
            x[i] = schedule.priorStd() * normal.sample();
        }
        return m.create(x, rows(rows)).toType(DataType.FLOAT64, false);
    }

    /** The shape of a batch of n samples: [n, event...]. */
    private Shape rows(int n) {
        return new Shape(n).addAll(event);
    }

    private Point point(double[] x, double[] reference, Map<String, Long> counters, ModelHierarchy hierarchy) {
        int d = dim;
        int rows = x.length / d;
        double mean = 0;
        double sq = 0;
        for (int r = 0; r < rows; r++) {
            double e = 0;
            for (int j = 0; j < d; j++) {
                double diff = x[r * d + j] - reference[r * d + j];
                e += diff * diff;
            }
            mean += e / rows;
            sq += e * e / rows;
        }
        double rms = Math.sqrt(mean);
        double seMean = Math.sqrt(Math.max(0, sq - mean * mean) / (rows - 1));
        double[] calls = new double[hierarchy.size()];
        double cost = 0;
        for (int k = 1; k <= calls.length; k++) {
            Long levelRows = counters.get("levelRows" + k);
            calls[k - 1] = levelRows == null ? 0 : levelRows / (double) rows;
            cost += hierarchy.cost(k) * calls[k - 1];
        }
        return new Point(rms, rms > 0 ? seMean / (2 * rms) : 0, cost, calls);
    }
}
