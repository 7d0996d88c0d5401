package org.difflab.dsl.langevin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.difflab.dsl.Langevin;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.IntegratorInfo;
import org.difflab.dsl.integrator.MidpointNoise;
import org.difflab.dsl.integrator.MidpointSelection;
import org.difflab.dsl.integrator.PoissonMidpoint;
import org.difflab.dsl.integrator.RunContext;
import org.difflab.dsl.integrator.Solve;
import org.difflab.dsl.noise.NoiseSources;
import org.difflab.dsl.observe.NonFiniteStateException;
import org.difflab.dsl.problem.DiffusionProblem;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Targets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Langevin registry's specs, its argument checks, and identities between the samplers. */
class LangevinIntegratorTest {

    @Test
    void registryHoldsTheFourSamplers() {
        assertThat(LangevinIntegrators.all()).extracting(LangevinIntegrator::name).containsExactly("lmc", "ulmc", "randomizedMidpoint", "plmc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lmc", "ulmc", "randomizedMidpoint", "randomizedMidpoint:form=underdamped,noise=independent", "plmc",
            "plmc:K=100,lambda=2.5,form=underdamped", "plmc:K=7,select=one,noise=sparse", "plmc:K=3,noise=sparse,share=batch"})
    void specsRoundTrip(String spec) {
        LangevinIntegrator i = LangevinIntegrators.parse(spec);
        assertThat(LangevinIntegrators.parse(i.spec()).spec()).isEqualTo(i.spec());
    }

    @Test
    void declaredGradientCounts() {
        assertThat(LangevinIntegrators.parse("plmc:K=10").gradientsPerStep()).isEqualTo(1.9);
        assertThat(LangevinIntegrators.parse("plmc:K=10").gradientsPerStepVariance()).isCloseTo(9 * 0.1 * 0.9, within(1e-15));
        assertThat(LangevinIntegrators.parse("plmc:K=10,lambda=2").gradientsPerStep()).isEqualTo(2.8);
        assertThat(LangevinIntegrators.parse("plmc:K=10,select=one").gradientsPerStepVariance()).isCloseTo(0.09, within(1e-15));
        assertThat(LangevinIntegrators.parse("randomizedMidpoint").gradientsPerStep()).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "plmc:K=0|K = 0", "plmc:K=4,lambda=5|lambda = 5.0", "plmc:lambda=0|lambda = 0.0", "plmc:select=one,lambda=2|lambda = 2",
            "plmc:select=two|select = two", "plmc:noise=sparse|noise = sparse", "plmc:share=all|share = all",
            "plmc:form=critical|form = critical", "randomizedMidpoint:noise=shared|noise = shared", "randomizedMidpoint:K=2|unknown key 'K'",
            "lmc:h=0.1|unknown key 'h'", "hmc|name = hmc"})
    void badSpecsAreNamed(String spec, String message) {
        assertThatThrownBy(() -> LangevinIntegrators.parse(spec)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void badConstructorArgumentsAreNamed() {
        assertThatThrownBy(() -> PoissonMidpoint.langevin(4, 1, MidpointSelection.Rule.BERNOULLI, Dynamics.OVERDAMPED,
                MidpointNoise.SPARSE, MidpointSelection.Share.SAMPLE)).hasMessageContaining("noise = sparse");
        assertThatThrownBy(() -> PoissonMidpoint.langevin(4, 2, MidpointSelection.Rule.ONE, Dynamics.OVERDAMPED,
                MidpointNoise.DENSE, MidpointSelection.Share.SAMPLE)).hasMessageContaining("lambda = 2.0");
        assertThatThrownBy(() -> new RandomizedMidpoint(null, RandomizedMidpoint.Coupling.COUPLED)).hasMessageContaining("form is missing");
    }

    /** PLMC with K = 1 has no midpoint: it is LMC (overdamped) or ULMC (underdamped), bit for bit. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"plmc:K=1|lmc", "plmc:K=1,form=underdamped|ulmc", "plmc:K=1,noise=sparse,share=batch|lmc"})
    void oneSubStepIsTheFineChain(String plmc, String fine) {
        assertThat(run(plmc)).isEqualTo(run(fine));
    }

    private static double[][] run(String spec) {
        try (Samples s = Langevin.sampler().potential(Potentials.doubleWell(2, 1)).integrator(LangevinIntegrators.parse(spec))
                .stepSize(0.02).steps(30).seed(4).dataType(DataType.FLOAT64).sample(16)) {
            return s.rows();
        }
    }

    @Test
    void nonFiniteStateNamesSamplerAndStep() {
        assertThatThrownBy(() -> Langevin.sampler().potential(Potentials.doubleWell(1, 1)).integrator(LangevinIntegrators.lmc()).stepSize(1)
                .initialStd(3).steps(50).seed(1).sample(8)).isInstanceOf(NonFiniteStateException.class).hasMessageContaining("lmc produced NaN or Inf at step");
    }

    @Test
    void initialStateMustMatchTheDynamics() {
        try (NDManager m = NDManager.newBaseManager()) {
            LangevinProblem problem = new LangevinProblem(Potentials.doubleWell(2, 1), 0.1, 2);
            assertThatThrownBy(() -> Solve.run(LangevinIntegrators.ulmc(), problem, 1, NoiseSources.perSample(1).open(0, 3), List.of(),
                    m.zeros(new Shape(3, 2)))).hasMessageContaining("needs [B, 4]");
        }
    }

    @Test
    void oneSolveServesBothKindsAndRefusesTheWrongProblem() {
        DiffusionProblem diffusion = new DiffusionProblem(Schedules.ddpm(), Targets.gaussian(2).exactScore());
        Integrator readsTheDrift = new Integrator() {
            @Override
            public IntegratorInfo info() {
                return IntegratorInfo.deterministic("readsTheDrift", 1, 1);
            }

            @Override
            public NDArray run(RunContext ctx, NDArray x) {
                return ctx.drift(x);
            }
        };
        try (NDManager m = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> Solve.run(LangevinIntegrators.lmc(), diffusion, Grids.uniform(4).on(diffusion.schedule()),
                    NoiseSources.perSample(1).open(0, 3), List.of(), m.zeros(new Shape(3, 2))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("integrator = lmc is not allowed on a diffusion problem");
            assertThatThrownBy(() -> Solve.run(readsTheDrift, diffusion, Grids.uniform(4).on(diffusion.schedule()), NoiseSources.perSample(1).open(0, 3),
                    List.of(), m.zeros(new Shape(3, 2)))).isInstanceOf(IllegalStateException.class)
                    .hasMessage("drift(...) is not allowed in readsTheDrift's run: it needs a Langevin problem, and this run solves a diffusion problem");
            LangevinProblem langevin = new LangevinProblem(Potentials.doubleWell(2, 1), 0.1, 2);
            Solve.Solution s = Solve.run(LangevinIntegrators.parse("randomizedMidpoint"), langevin, 5, NoiseSources.perSample(1).open(0, 3), List.of(),
                    m.zeros(new Shape(3, 2)));
            assertThat(s.nfe()).isEqualTo(2 * 5);
            assertThat(s.counter(RunContext.DRIFT_EVALUATIONS)).isEqualTo(2 * 5 * 3);
        }
    }
}
