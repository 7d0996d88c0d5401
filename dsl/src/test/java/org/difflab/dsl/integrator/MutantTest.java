package org.difflab.dsl.integrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.difflab.dsl.Diffusion;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.model.PerturbedScore;
import org.difflab.dsl.noise.MutatedNoise;
import org.difflab.dsl.noise.NoiseStream;
import org.difflab.dsl.noise.PerSampleNoise;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.target.Target;
import org.difflab.dsl.target.Targets;
import org.junit.jupiter.api.Test;

/** The negative controls' broken samplers: each defect does what its spec says, and bad mutations are refused. */
class MutantTest {
    private static final Target TARGET = Targets.gaussian(2, 1, 0.05);

    @Test
    void specsParseIntoMutantsAndBack() {
        Integrator m = Integrators.parse("ddim@score=0.05");
        assertThat(m).isInstanceOf(Mutant.class);
        assertThat(m.spec()).isEqualTo(Integrators.ddim().spec() + "@score=0.05");
        assertThat(Integrators.parse(m.spec()).spec()).isEqualTo(m.spec());
        assertThat(Integrators.parse("poissonMidpoint:lambda=2@gates=40").spec()).endsWith("@gates=40");
        assertThat(m.name()).isEqualTo("ddim");
        assertThat(m.expectedOrder()).isEqualTo(1);
        assertThat(m.selectionLaw()).as("a mutant's selections are not the integrator's").isEmpty();
    }

    @Test
    void scoreMutantIsTheSamplerOnAScaledModel() {
        double[][] mutant = sample(Integrators.parse("ddim@score=0.05"), null);
        double[][] scaled = sample(Integrators.ddim(), new PerturbedScore(TARGET.exactScore(), 0.05, PerturbedScore.ErrorShape.RELATIVE, 0));
        double[][] plain = sample(Integrators.ddim(), null);
        for (int i = 0; i < mutant.length; i++) {
            for (int j = 0; j < mutant[i].length; j++) {
                assertThat(mutant[i][j]).isEqualTo(scaled[i][j]);
            }
        }
        assertThat(Math.abs(mutant[0][0] - plain[0][0])).as("the defect changes the samples").isGreaterThan(1e-3);
    }

    @Test
    void gatesMutantClosesSelections() {
        try (Samples s = Diffusion.sampler().target(TARGET).integrator(Integrators.parse("poissonMidpoint@gates=1e9"))
                .grid(Grids.power(10, 1)).seed(1).sample(4)) {
            assertThat(s.nfe()).as("no midpoint is ever selected: one evaluation per block").isEqualTo(10);
        }
        try (Samples s = Diffusion.sampler().target(TARGET).integrator(Integrators.poissonMidpoint()).grid(Grids.power(10, 1)).seed(1).sample(4)) {
            assertThat(s.nfe()).isGreaterThan(10);
        }
    }

    @Test
    void mutatedNoiseScalesGaussianDrawsAndUniforms() {
        try (NDManager m = NDManager.newBaseManager()) {
            NoiseStream plain = new PerSampleNoise(3).open(0, 4);
            NoiseStream scaled = MutatedNoise.gaussianVariance(new PerSampleNoise(3).open(0, 4), 1.21);
            NDArray a = plain.normal(m, new Shape(2), DataType.FLOAT64, 1, 0.5);
            NDArray b = scaled.normal(m, new Shape(2), DataType.FLOAT64, 1, 0.5);
            double[] x = a.toDoubleArray();
            double[] y = b.toDoubleArray();
            for (int i = 0; i < x.length; i++) {
                assertThat(y[i]).isCloseTo(1.1 * x[i], within(1e-12));
            }
            NoiseStream gates = MutatedNoise.uniformFactor(new PerSampleNoise(3).open(0, 4), 4);
            double u = new PerSampleNoise(3).open(0, 4).uniformShared();
            assertThat(gates.uniformShared()).isEqualTo(Math.min(4 * u, Math.nextDown(1.0)));
        }
    }

    @Test
    void badMutationsAreNamed() {
        assertThatThrownBy(() -> Integrators.parse("ddim@foo=1")).hasMessageContaining("mutation = 'foo=1' is not allowed")
                .hasMessageContaining("score=DELTA, noise=DELTA, gates=FACTOR");
        assertThatThrownBy(() -> Integrators.parse("ddim@noise=1.5")).hasMessageContaining("mutation noise = 1.5 is not allowed");
        assertThatThrownBy(() -> Integrators.parse("ddim@gates=0.5")).hasMessageContaining("mutation gates = 0.5 is not allowed")
                .hasMessageContaining("> 1");
        assertThatThrownBy(() -> Integrators.parse("ddim@score=x")).hasMessageContaining("mutation score = 'x' is not allowed: a number");
        assertThatThrownBy(() -> Integrators.parse("ddim@score=0.1@noise=0.1")).hasMessageContaining("a mutant has one defect");
    }

    private static double[][] sample(Integrator integrator, org.difflab.dsl.model.ScoreModel model) {
        var s = Diffusion.sampler().integrator(integrator).grid(Grids.uniform(20)).seed(7).dataType(DataType.FLOAT64);
        s = model == null ? s.target(TARGET) : s.model(model);
        try (Samples out = s.sample(8)) {
            return out.rows();
        }
    }
}
