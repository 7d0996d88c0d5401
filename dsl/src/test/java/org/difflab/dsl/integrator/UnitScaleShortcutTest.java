package org.difflab.dsl.integrator;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.model.Prediction;
import org.difflab.dsl.noise.NoiseSources;
import org.difflab.dsl.noise.NoiseStream;
import org.difflab.dsl.problem.DiffusionProblem;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Gaussian;
import org.difflab.dsl.target.Targets;
import org.junit.jupiter.api.Test;

/**
 * probabilityFlowEuler leaves out its drift term when the drift is zero, heun its scalings when alpha = 1 (VE): the
 * samples must keep their bits, i.e. equal those of the full formulas written out here.
 */
class UnitScaleShortcutTest {
    private static final int STEPS = 12;
    private static final NoiseSchedule VE = Schedules.ve();
    private static final Gaussian TARGET = Targets.gaussian(3, 0.5, 0.2);
    private static final TimeGrid GRID = Grids.uniform(STEPS).on(VE);

    /** Five prior draws in d = 3. */
    private static NDArray start(NDManager m) {
        NoiseStream noise = NoiseSources.perSample(7).open(0, 5);
        return noise.normal(m, new Shape(3), DataType.FLOAT64).mul(VE.priorStd());
    }

    /** The integrator's own run from x. */
    private static NDArray run(String integrator, NDArray x) {
        return Solve.run(Integrators.parse(integrator), new DiffusionProblem(VE, TARGET.exactScore()), GRID, NoiseSources.perSample(7).open(0, 5),
                List.of(), x).x();
    }

    /** The state after step i of a full formula, from the state before it. */
    private interface FullStep {
        NDArray apply(int i, NDArray x);
    }

    /** The integrator's run from the prior draws has the bits of the full formula applied step by step. */
    private static void assertKeepsTheBitsOf(String integrator, FullStep step) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = start(m);
            NDArray full = x.duplicate();
            for (int i = 0; i < STEPS; i++) {
                full = step.apply(i, full);
            }
            assertThat(run(integrator, x).toDoubleArray()).containsExactly(full.toDoubleArray());
        }
    }

    @Test
    void probabilityFlowEulerOnAZeroDriftKeepsTheBitsOfTheFullFormula() {
        TimeGrid grid = GRID;
        assertKeepsTheBitsOf("probabilityFlowEuler", (i, full) -> {
            double t = grid.t(i);
            assertThat(VE.drift(t)).isZero();
            NDArray score = new Prediction(full, grid.level(i), TARGET.exactScore().parameterization(), TARGET.exactScore().predict(full, grid.level(i))).score();
            NDArray velocity = full.mul(VE.drift(t)).sub(score.mul(0.5 * VE.diffusionSquared(t)));
            return full.add(velocity.mul(grid.t(i + 1) - t));
        });
    }

    private static NDArray eps(DiffusionProblem p, NDArray x, NoiseLevel level) {
        return new Prediction(x, level, p.model().parameterization(), p.model().predict(x, level)).eps();
    }

    @Test
    void heunAtAlphaOneKeepsTheBitsOfTheFullFormula() {
        TimeGrid grid = GRID;
        DiffusionProblem problem = new DiffusionProblem(VE, TARGET.exactScore());
        assertKeepsTheBitsOf("heun", (i, full) -> {
            NoiseLevel now = grid.level(i);
            NoiseLevel next = grid.level(i + 1);
            assertThat(now.alpha()).isEqualTo(1);
            double h = next.sigmaOverAlpha() - now.sigmaOverAlpha();
            NDArray y = full.div(now.alpha());
            NDArray d = eps(problem, full, now);
            NDArray yNext = y.add(d.mul(h));
            if (next.sigma() > 0) {
                NDArray dNext = eps(problem, yNext.mul(next.alpha()), next);
                yNext = y.add(d.add(dNext).mul(0.5 * h));
            }
            return yNext.mul(next.alpha());
        });
    }
}
