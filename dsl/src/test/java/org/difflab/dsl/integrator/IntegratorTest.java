package org.difflab.dsl.integrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.difflab.dsl.Diffusion;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.model.Parameterization;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.dsl.noise.ForwardingNoiseStream;
import org.difflab.dsl.noise.NoiseSources;
import org.difflab.dsl.noise.NoiseStream;
import org.difflab.dsl.observe.NonFiniteStateException;
import org.difflab.dsl.observe.TrajectoryCapture;
import org.difflab.dsl.problem.DiffusionProblem;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.spec.Registry;
import org.difflab.dsl.target.Target;
import org.difflab.dsl.target.Targets;
import org.difflab.dsl.testing.FunctionModel;
import org.junit.jupiter.api.Test;

class IntegratorTest {
    private static final Target TARGET = Targets.gaussian(3, 1, 0.05);

    private static double[][] sample(Integrator integrator, int steps, long seed) {
        try (Samples s = Diffusion.sampler().target(TARGET).integrator(integrator).grid(Grids.uniform(steps)).seed(seed)
                .dataType(DataType.FLOAT64).sample(16)) {
            return s.rows();
        }
    }

    /** DDPM with the posterior (small) variance is DDIM with eta = 1 (Song et al. 2021, section 4.1). */
    @Test
    void ddpmSmallVarianceIsDdimEtaOne() {
        double[][] a = sample(Integrators.ddpm(Ddpm.Variance.SMALL), 40, 3);
        double[][] b = sample(Integrators.ddim(1), 40, 3);
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                assertThat(a[i][j]).isCloseTo(b[i][j], org.assertj.core.api.Assertions.within(1e-10));
            }
        }
    }

    /** With one step from the prior, DDIM returns alpha_p x0(x) exactly (no noise, grid ends at t = 0). */
    @Test
    void singleDdimStepIsTheDenoiser() {
        double[][] out = sample(Integrators.ddim(), 1, 1);
        // x0 of the exact score at t = T for a Gaussian: alpha m + ... is close to the mean 1 for a prior draw
        for (double[] row : out) {
            for (double v : row) {
                assertThat(v).isBetween(0.0, 2.0);
            }
        }
    }

    /**
     * On one Brownian path, Euler-Maruyama converges strongly: runs with 500 and 1000 steps end closer to each other
     * than two runs with independent noise do.
     */
    @Test
    void brownianPathGivesStrongConvergence() {
        var schedule = Schedules.vp();
        double coupled = 0;
        double independent = 0;
        double[][] fine = brownian(schedule, 1000, 9);
        double[][] coarse = brownian(schedule, 500, 9);
        double[][] other;
        try (Samples s = Diffusion.sampler().schedule(schedule).target(TARGET).integrator(Integrators.eulerMaruyama())
                .grid(Grids.uniform(1000)).seed(99).dataType(DataType.FLOAT64).sample(16)) {
            other = s.rows();
        }
        for (int i = 0; i < fine.length; i++) {
            for (int j = 0; j < fine[i].length; j++) {
                coupled += Math.pow(fine[i][j] - coarse[i][j], 2);
                independent += Math.pow(fine[i][j] - other[i][j], 2);
            }
        }
        assertThat(Math.sqrt(coupled)).isLessThan(0.05 * Math.sqrt(independent));
    }

    private static double[][] brownian(org.difflab.dsl.schedule.NoiseSchedule schedule, int steps, long seed) {
        try (Samples s = Diffusion.sampler().schedule(schedule).target(TARGET).integrator(Integrators.eulerMaruyama())
                .grid(Grids.uniform(steps)).noise(NoiseSources.brownianPath(seed, schedule.tMax())).dataType(DataType.FLOAT64)
                .sample(16)) {
            return s.rows();
        }
    }

    /** A model that returns NaN below t = 500 stops the run with the sampler's name and the step. */
    @Test
    void nanIsReportedWithSamplerAndStep() {
        ScoreModel poisoned = new FunctionModel(Parameterization.SCORE, new Shape(3), (x, level) -> {
            NDArray s = TARGET.score(x, level);
            return level.t() < 500 ? s.mul(Double.NaN) : s;
        });
        assertThatThrownBy(() -> Diffusion.sampler().model(poisoned).integrator(Integrators.heun()).grid(Grids.uniform(10)).sample(4))
                .isInstanceOf(NonFiniteStateException.class)
                .hasMessageContaining("heun")
                .hasMessageContaining("step 5 of 10")
                .satisfies(e -> assertThat(((NonFiniteStateException) e).stoppedAt().step()).isEqualTo(4));
    }

    /** Trajectory capture sees every step, ending at the returned samples. */
    @Test
    void trajectoryCaptureRecordsEveryStep() {
        TrajectoryCapture capture = new TrajectoryCapture(1);
        double[][] out;
        try (Samples s = Diffusion.sampler().target(TARGET).integrator(Integrators.dpmSolverPP2M()).grid(Grids.uniform(12))
                .observer(capture).dataType(DataType.FLOAT64).sample(5)) {
            out = s.rows();
        }
        assertThat(capture.states()).hasSize(12);
        assertThat(capture.times().get(11)).isZero();
        assertThat(capture.states().get(11)).containsExactly(java.util.Arrays.stream(out).flatMapToDouble(java.util.Arrays::stream).toArray());
    }

    /**
     * momentumStochastic:clip=inf parses, round-trips through its spec, never clips (no NaN from inf/inf) and equals a
     * finite clip so large that it never fires; clip must be > 0.
     */
    @Test
    void momentumStochasticWithoutClipping() {
        Integrator unclipped = Integrators.parse("momentumStochastic:clip=inf");
        assertThat(unclipped.spec()).isEqualTo("momentumStochastic:clip=Infinity");
        assertThat(Integrators.parse(unclipped.spec()).spec()).isEqualTo(unclipped.spec());
        Map<String, Long> counters;
        double[][] a;
        try (Samples s = Diffusion.sampler().target(TARGET).integrator(unclipped).grid(Grids.uniform(20)).seed(3)
                .dataType(DataType.FLOAT64).sample(16)) {
            a = s.rows();
            counters = s.counters();
        }
        assertThat(counters).doesNotContainKey("clipped").containsEntry("corrected", 16L * 19);
        assertThat(a).isEqualTo(sample(new MomentumStochastic(1e300), 20, 3));
        assertThatThrownBy(() -> Integrators.parse("momentumStochastic:clip=0")).hasMessageContaining("clip = 0.0");
        assertThatThrownBy(() -> Integrators.parse("momentumStochastic:clip=-inf")).hasMessageContaining("clip = -inf");
        assertThatThrownBy(() -> new MomentumStochastic(Double.NaN)).hasMessageContaining("clip = NaN");
    }

    /** The noise stream's step-end hook sees every step end with the kept arrays, and may rewrite them in place. */
    @Test
    void stepEndHookSeesAndMayRewriteTheKeptArrays() {
        List<Integer> kept = new ArrayList<>();
        NoiseStream zeroing = new ForwardingNoiseStream(NoiseSources.perSample(5).open(0, 2)) {
            @Override
            public void stepEnded(int step, List<NDArray> arrays) {
                kept.add(arrays.size());
                arrays.get(0).set(new double[Math.toIntExact(arrays.get(0).size())]);
            }
        };
        try (NDManager manager = NDManager.newBaseManager()) {
            DiffusionProblem problem = new DiffusionProblem(Schedules.vp(), TARGET.exactScore());
            NDArray x = manager.ones(new Shape(2, 3), DataType.FLOAT64);
            var grid = Grids.uniform(6).on(Schedules.vp());
            NDArray out = Solve.run(Integrators.dpmSolverPP2M(), problem, grid, zeroing, List.of(), x).x();
            assertThat(out.toDoubleArray()).containsOnly(0.0);
        }
        assertThat(kept).containsExactly(2, 2, 2, 2, 2, 1);
    }

    /** The registry lists what each integrator states once: its registered name and metadata come from its info(). */
    @Test
    void everyRegistrationStatesItsNameAndMetadataOnce() {
        for (Registry.Entry<Integrator> r : Integrators.registrations()) {
            Integrator i = Integrators.parse(r.name());
            assertThat(i.name()).as(r.name()).isEqualTo(r.name());
            assertThat(List.of(i.nfePerStep(), i.stochastic(), i.expectedOrder())).as(r.name())
                    .containsExactly(i.info().nfePerStep(), i.info().stochastic(), i.info().expectedOrder());
        }
        assertThat(Integrators.parse("ddim:eta=0.5").info()).isEqualTo(new IntegratorInfo("ddim", 1, true, 1));
        assertThat(Integrators.parse("heun").info()).isEqualTo(IntegratorInfo.deterministic("heun", 2, 2));
        assertThat(Integrators.parse("liCai").info()).isEqualTo(IntegratorInfo.stochastic("liCai", 1, 2));
    }

    @Test
    void integratorInfoRefusesBadMetadataNamingTheField() {
        assertThatThrownBy(() -> IntegratorInfo.stochastic(" ", 1, 1)).hasMessageContaining("name = ' '");
        assertThatThrownBy(() -> IntegratorInfo.stochastic("x", 0, 1)).hasMessageContaining("nfePerStep = 0");
        assertThatThrownBy(() -> IntegratorInfo.deterministic("x", 1, Double.NaN)).hasMessageContaining("expectedOrder = NaN");
    }
}
