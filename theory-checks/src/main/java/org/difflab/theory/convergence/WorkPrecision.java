package org.difflab.theory.convergence;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.difflab.dsl.Require;
import org.difflab.dsl.control.AdaptiveResult;
import org.difflab.dsl.control.AdaptiveSolve;
import org.difflab.dsl.control.EmbeddedPair;
import org.difflab.dsl.control.StepController;
import org.difflab.dsl.grid.GridSpec;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.Solve;
import org.difflab.dsl.noise.NoiseSources;
import org.difflab.dsl.noise.NoiseStream;
import org.difflab.dsl.problem.DiffusionProblem;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.target.Gaussian;
import org.difflab.dsl.target.GaussianFlowMap;

/**
 * Error against work (model evaluations) of probability-flow ODE samplers on a Gaussian target, where the end of every
 * path is known exactly ({@link GaussianFlowMap}): the same seeded paths are run by fixed-step samplers on grids of
 * several sizes and by adaptive runs at several tolerances, in float64, each to the grid's smallest noise level (no
 * final jump, which both would share), and the error is the mean over paths of the Euclidean distance to the exact end.
 * The work-precision diagram of numerical ODE practice (Hairer, Norsett and Wanner, Solving ODEs I, section II.10).
 *
 * @param target   the Gaussian target (its exact score is the model)
 * @param schedule the forward process
 * @param paths    number of seeded paths, at least 1
 * @param seed     seed of their starting points
 */
public record WorkPrecision(Gaussian target, NoiseSchedule schedule, int paths, long seed) {

    public WorkPrecision {
        Require.notNull("target", target);
        Require.notNull("schedule", schedule);
        Require.positive("paths", paths);
    }

    /**
     * One run: its label, model evaluations per path (mean over paths), error, and accepted and rejected steps per path
     * (NaN for fixed grids).
     */
    public record Point(String label, double nfe, double error, double accepted, double rejected) {
    }

    /** A fixed-step integrator on the grid rule at each step count (ending at the rule's smallest positive level). */
    public List<Point> fixed(Integrator integrator, GridSpec rule, int... steps) {
        List<Point> out = new ArrayList<>();
        for (int n : steps) {
            TimeGrid grid = rule.withSteps(n).endingAtTMin().on(schedule);
            try (NDManager m = NDManager.newBaseManager()) {
                NDArray start = start(m, grid);
                double[][] exact = exact(start, grid);
                Solve.Solution s = Solve.run(integrator, problem(), grid, stream(), List.of(), start);
                try (NDArray x = s.x()) {
                    out.add(new Point(integrator.spec() + " on " + n + " steps", s.nfe(), error(x, exact), Double.NaN, Double.NaN));
                }
            }
        }
        return out;
    }

    /** An embedded pair under each controller, from the grid rule's end points and first step. */
    public List<Point> adaptive(EmbeddedPair pair, GridSpec rule, List<StepController> controllers) {
        List<Point> out = new ArrayList<>();
        TimeGrid grid = rule.endingAtTMin().on(schedule);
        for (StepController c : controllers) {
            try (NDManager m = NDManager.newBaseManager()) {
                NDArray start = start(m, grid);
                double[][] exact = exact(start, grid);
                AdaptiveResult r = AdaptiveSolve.run(pair, c, problem(), grid, List.of(), 0, start);
                try (NDArray x = r.x()) {
                    out.add(new Point(String.format(java.util.Locale.ROOT, "%s rtol=%.3g atol=%.3g", pair.name(), c.rtol(), c.atol()), Arrays.stream(r.nfe()).average().orElseThrow(),
                            error(x, exact), Arrays.stream(r.accepted()).average().orElseThrow(), Arrays.stream(r.rejected()).average().orElseThrow()));
                }
            }
        }
        return out;
    }

    /**
     * The model evaluations the fixed runs would need for {@code error}: log-log interpolation between the two fixed
     * points that bracket it, or extrapolation along the nearest two when none does (their local order).
     */
    public static double nfeAt(List<Point> fixed, double error) {
        List<Point> byNfe = fixed.stream().sorted((a, b) -> Double.compare(a.nfe(), b.nfe())).toList();
        if (byNfe.size() < 2) {
            throw new IllegalArgumentException("fixed has " + byNfe.size() + " points, which is not allowed: at least 2 to interpolate");
        }
        int i = 0;
        while (i < byNfe.size() - 2 && byNfe.get(i + 1).error() > error) {
            i++;
        }
        Point a = byNfe.get(i);
        Point b = byNfe.get(i + 1);
        double slope = Math.log(b.error() / a.error()) / Math.log(b.nfe() / a.nfe());
        return a.nfe() * Math.exp(Math.log(error / a.error()) / slope);
    }

    private DiffusionProblem problem() {
        return new DiffusionProblem(schedule, target.exactScore());
    }

    private NoiseStream stream() {
        return NoiseSources.perSample(seed).open(0, paths);
    }

    private NDArray start(NDManager m, TimeGrid grid) {
        return stream().normal(m, new Shape(target.dim()), DataType.FLOAT64).mul(schedule.priorStd());
    }

    private double[][] exact(NDArray start, TimeGrid grid) {
        return new GaussianFlowMap(target).map(rows(start), grid.level(0), grid.level(grid.steps()));
    }

    private double error(NDArray x, double[][] exact) {
        double[][] got = rows(x);
        double sum = 0;
        for (int i = 0; i < got.length; i++) {
            double sq = 0;
            for (int j = 0; j < got[i].length; j++) {
                sq += (got[i][j] - exact[i][j]) * (got[i][j] - exact[i][j]);
            }
            sum += Math.sqrt(sq);
        }
        return sum / got.length;
    }

    private double[][] rows(NDArray x) {
        double[] flat = x.toType(DataType.FLOAT64, false).toDoubleArray();
        int d = target.dim();
        double[][] out = new double[flat.length / d][d];
        for (int i = 0; i < out.length; i++) {
            System.arraycopy(flat, i * d, out[i], 0, d);
        }
        return out;
    }
}
