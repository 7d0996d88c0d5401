package org.difflab.dsl.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.difflab.dsl.Diffusion;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.model.Parameterization;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.dsl.noise.NoiseSources;
import org.difflab.dsl.observe.StepEvent;
import org.difflab.dsl.problem.DiffusionProblem;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Gaussian;
import org.difflab.dsl.target.GaussianFlowMap;
import org.difflab.dsl.target.Targets;
import org.difflab.dsl.testing.FunctionModel;
import org.junit.jupiter.api.Test;

class AdaptiveSolveTest {
    private static final NoiseSchedule EDM = Schedules.edm();
    private static final Gaussian TARGET = Targets.rotatedGaussian(4, 0.5, 1e-2, 1e2, 3);

    /** Per-path error against the exact flow shrinks with the tolerance, and the run pays for it in evaluations. */
    @Test
    void followsTheExactFlowCloserAtTighterTolerance() {
        for (EmbeddedPair pair : List.of(EmbeddedPairs.heunEuler(), EmbeddedPairs.dpmSolver12(), EmbeddedPairs.dpmSolver23())) {
            Run loose = run(pair, StepController.pi(1e-2, 1e-3));
            Run tight = run(pair, StepController.pi(1e-4, 1e-5));
            assertThat(loose.error).as(pair.name()).isLessThan(1e-1).isGreaterThan(1e-4);
            assertThat(tight.error).as(pair.name()).isLessThan(loose.error / 10);
            assertThat(tight.nfe).as(pair.name()).isGreaterThan(loose.nfe);
        }
    }

    /** NFE of a sample = its first evaluation + one per accepted move + the pair's evaluations per attempt. */
    @Test
    void countsEvaluationsAndStepsPerSample() {
        for (EmbeddedPair pair : List.of(EmbeddedPairs.heunEuler(), EmbeddedPairs.dpmSolver23())) {
            TimeGrid grid = Grids.karras(2, 7).on(EDM); // a first step across the whole range: rejected
            AdaptiveResult r = solve(pair, StepController.pi(1e-3, 1e-4), grid, 16, DataType.FLOAT64);
            try (NDArray x = r.x()) {
                for (int i = 0; i < 16; i++) {
                    int moves = r.accepted()[i] - 1; // the final step to sigma = 0 reuses the last evaluation
                    assertThat(r.rejected()[i]).isPositive();
                    assertThat(r.nfe()[i]).isEqualTo(1 + moves + (long) (moves + r.rejected()[i]) * pair.evaluationsPerAttempt());
                }
                assertThat(r.solution().counters()).containsEntry(AdaptiveResult.ACCEPTED, (long) java.util.Arrays.stream(r.accepted()).sum());
            }
        }
    }

    /** A run that cannot finish stops with an error naming the sample: too few attempts, or a model that turns NaN. */
    @Test
    void stuckRunsNameTheSample() {
        TimeGrid grid = Grids.karras(10, 7).on(EDM);
        StepController few = new StepController(1e-6, 1e-7, 0, 1, 0.9, 0.2, 10, 5);
        assertThatThrownBy(() -> solve(EmbeddedPairs.heunEuler(), few, grid, 2, DataType.FLOAT64))
                .hasMessageContaining("sample 0 took maxSteps = 5 attempts");
        ScoreModel nanBelowOne = new FunctionModel(Parameterization.EPS, new Shape(TARGET.dim()),
                (x, level) -> level.sigma() < 1 ? x.mul(Double.NaN) : x.zerosLike());
        try (NDManager m = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> AdaptiveSolve.run(EmbeddedPairs.heunEuler(), StepController.pi(1e-3, 1e-4), new DiffusionProblem(EDM, nanBelowOne),
                    grid, List.of(), 0, prior(m, 2))).hasMessageContaining("sample 0").hasMessageContaining("scaled error NaN");
        }
    }

    /** Each sample takes its own steps: the same bits alone, in 3s and in one batch of 8, on a nonlinear target. */
    @Test
    void sameBitsWhateverTheBatch() {
        for (EmbeddedPair pair : List.of(EmbeddedPairs.heunEuler(), EmbeddedPairs.dpmSolver23())) {
            double[][] whole = ring(pair, 8);
            double[][] sevens = ring(pair, 3);
            double[][] ones = ring(pair, 1);
            for (int i = 0; i < whole.length; i++) {
                assertThat(sevens[i]).as(pair.name() + " sample " + i).containsExactly(whole[i]);
                assertThat(ones[i]).as(pair.name() + " sample " + i).containsExactly(whole[i]);
            }
        }
    }

    @Test
    void observersSeeTheShareOfTheTimeSpanCoveredNotRoundsAgainstMaxSteps() {
        List<StepEvent> events = new ArrayList<>();
        try (Samples s = Diffusion.sampler().schedule(EDM).target(Targets.ring(8, 2, 0.01)).grid(Grids.karras(10, 7))
                .controller(StepController.pi(1e-2, 1e-2), EmbeddedPairs.heunEuler()).seed(7).batchSize(4)
                .observer(e -> events.add(new StepEvent(e.integrator(), e.step(), e.steps(), e.done(), e.t(), e.tNext(), null, e.nfe(), e.firstSample())))
                .sample(4)) {
            assertThat(s.size()).isEqualTo(4);
        }
        assertThat(events).hasSizeGreaterThan(5);
        StepEvent last = events.get(events.size() - 1);
        assertThat(last.done()).isEqualTo(1.0);
        assertThat((double) (last.step() + 1) / last.steps()).as("rounds against maxSteps").isLessThan(0.1);
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).done()).isGreaterThanOrEqualTo(events.get(i - 1).done()).isBetween(0.0, 1.0);
        }
        assertThat(events.get(events.size() / 2).done()).isStrictlyBetween(0.0, 1.0);
    }

    private static double[][] ring(EmbeddedPair pair, int batch) {
        try (Samples s = Diffusion.sampler().schedule(EDM).target(Targets.ring(8, 2, 0.01)).grid(Grids.karras(10, 7))
                .controller(StepController.pi(1e-2, 1e-2), pair).seed(7).batchSize(batch).sample(8)) {
            assertThat(s.counters().get(AdaptiveResult.REJECTED)).isPositive();
            return s.rows();
        }
    }

    private record Run(double error, double nfe) {
    }

    /** Mean per-path distance to the exact flow end at sigma_min (a grid that ends there: no final jump). */
    private static Run run(EmbeddedPair pair, StepController controller) {
        TimeGrid grid = Grids.karras(10, 7).endingAtTMin().on(EDM);
        int n = 8;
        AdaptiveResult r = solve(pair, controller, grid, n, DataType.FLOAT64);
        try (NDArray x = r.x(); NDManager m = NDManager.newBaseManager()) {
            double[][] exact = new GaussianFlowMap(TARGET).map(rows(prior(m, n), n), grid.level(0), grid.level(grid.steps()));
            double[][] got = rows(x, n);
            double error = 0;
            for (int i = 0; i < n; i++) {
                double sq = 0;
                for (int j = 0; j < exact[i].length; j++) {
                    sq += (got[i][j] - exact[i][j]) * (got[i][j] - exact[i][j]);
                }
                error += Math.sqrt(sq) / n;
            }
            return new Run(error, java.util.Arrays.stream(r.nfe()).average().orElseThrow());
        }
    }

    private static AdaptiveResult solve(EmbeddedPair pair, StepController controller, TimeGrid grid, int n, DataType type) {
        NDManager m = NDManager.newBaseManager();
        try {
            AdaptiveResult r = AdaptiveSolve.run(pair, controller, new DiffusionProblem(EDM, TARGET.exactScore()), grid, List.of(), 0,
                    prior(m, n).toType(type, false));
            r.x().attach(NDManager.newBaseManager());
            return r;
        } finally {
            m.close();
        }
    }

    private static NDArray prior(NDManager m, int n) {
        return NoiseSources.perSample(11).open(0, n).normal(m, new Shape(TARGET.dim()), DataType.FLOAT64).mul(EDM.priorStd());
    }

    private static double[][] rows(NDArray x, int n) {
        double[] flat = x.toType(DataType.FLOAT64, false).toDoubleArray();
        int d = flat.length / n;
        double[][] out = new double[n][d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * d, out[i], 0, d);
        }
        return out;
    }
}
