package org.difflab.runtime.unet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.difflab.dsl.model.Parameterization;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.runtime.DiffLabRuntime;
import org.difflab.runtime.NetworkModelChecks;
import org.difflab.runtime.torchscript.TimeConvention;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The UNet as a ScoreModel: one forward per call also with a level per row, equal to row-by-row calls; precise errors. */
class UNetScoreModelTest {
    private static final NoiseSchedule DDPM = Schedules.ddpm();
    private static final Shape BATCH = new Shape(4, 3, 8, 8);
    private static NDManager weights;
    private static UNetScoreModel model;
    private static float[] x;
    private static final NoiseLevel[] LEVELS = {DDPM.level(1), DDPM.level(37), DDPM.level(500.5), DDPM.level(1000)};

    @BeforeAll
    static void build() {
        weights = DiffLabRuntime.engine().newBaseManager();
        UNet net = new UNet(UNetConfig.of(3, 8, 8, new int[] {1, 2}, 1, 2)).initialize(weights, 3);
        model = UNetScoreModel.of(net, TimeConvention.trainingIndex(1000));
        x = SyntheticShapesFixture.images(4, 8);
    }

    @AfterAll
    static void close() {
        model.close();
        weights.close();
    }

    @Test
    void aLevelPerRowIsOneForwardEqualToRowByRowCalls() {
        int per = 3 * 8 * 8;
        try (NDManager m = DiffLabRuntime.engine().newBaseManager()) {
            NDArray batch = m.create(x, BATCH);
            long before = model.forwards();
            float[] all = model.predict(batch, LEVELS).toFloatArray();
            assertThat(model.forwards() - before).isEqualTo(1);
            double worst = 0;
            for (int r = 0; r < 4; r++) {
                float[] row = model.predict(batch.get(r + ":" + (r + 1)), LEVELS[r]).toFloatArray();
                worst = Math.max(worst, UNetTorchScriptTest.maxAbsDiff(row, Arrays.copyOfRange(all, r * per, (r + 1) * per)));
            }
            System.out.printf("UNet score model: max |batched per-row levels - row by row| = %.3g%n", worst);
            assertThat(worst).isLessThan(1e-5);
            float[] shared = model.predict(batch, LEVELS[2]).toFloatArray();
            assertThat(UNetTorchScriptTest.maxAbsDiff(Arrays.copyOf(shared, per), Arrays.copyOf(all, per))).isGreaterThan(1e-3);
        }
    }

    @Test
    void declaresEpsAndTheImageShapeAndReadsTimeByItsConvention() {
        assertThat(model.parameterization()).isEqualTo(Parameterization.EPS);
        assertThat(model.eventShape()).isEqualTo(new Shape(3, 8, 8));
        assertThat(model.describe()).isEqualTo("UNet unet:channels=3,size=8,width=8,multipliers=1/2,blocks=1,groups=2 (eps, "
                + "time index:N=1000)");
        try (NDManager m = DiffLabRuntime.engine().newBaseManager()) {
            NDArray batch = m.create(x, BATCH);
            float[] viaLevel = model.predict(batch, DDPM.level(37)).toFloatArray();
            UNetScoreModel continuous = UNetScoreModel.of(model.network(), TimeConvention.continuous(1));
            float[] viaTime36 = continuous.predict(batch, new NoiseLevel(36, 0.5, 0.5)).toFloatArray(); // network t = 36
            assertThat(viaTime36).isEqualTo(viaLevel);
        }
    }

    @Test
    void float64InputIsEvaluatedInFloat32AndReturnedInFloat64() {
        try (NDManager m = DiffLabRuntime.engine().newBaseManager()) {
            float[] f32 = model.predict(m.create(x, BATCH), LEVELS).toFloatArray();
            NDArray out = model.predict(m.create(x, BATCH).toType(DataType.FLOAT64, false), LEVELS);
            assertThat(out.getDataType()).isEqualTo(DataType.FLOAT64);
            assertThat(out.toType(DataType.FLOAT32, false).toFloatArray()).isEqualTo(f32);
        }
    }

    @Test
    void onlyThePredictionOutlivesACall() {
        try (NDManager m = DiffLabRuntime.engine().newBaseManager()) {
            NDArray x32 = m.create(x, BATCH);
            NDArray x64 = x32.toType(DataType.FLOAT64, false);
            int weightsBefore = weights.getManagedArrays().size();
            for (int i = 0; i < 50; i++) {
                model.predict(x32, LEVELS);
                model.predict(x64, LEVELS[1]);
            }
            assertThat(m.getManagedArrays()).hasSize(2 + 100); // the inputs and one prediction per call, nothing else
            assertThat(weights.getManagedArrays()).hasSize(weightsBefore);
        }
    }

    @Test
    void runsInsideASamplerWithOneForwardPerModelEvaluation() {
        NetworkModelChecks.assertOneForwardPerEvaluation(model, model::forwards, s -> assertThat(s.tensor().isNaN().any().getBoolean()).isFalse());
    }

    @Test
    void badCallsNameTheArgumentAndWhatIsAllowed() {
        try (NDManager m = DiffLabRuntime.engine().newBaseManager()) {
            NetworkModelChecks.assertBadCallsAreNamed(model, m, LEVELS);
            assertThatThrownBy(() -> model.predict(m.zeros(new Shape(2, 3, 8, 8)), new NoiseLevel[] {LEVELS[0], null}))
                    .hasMessageContaining("levels[1] is missing");
            assertThatThrownBy(() -> UNetScoreModel.of(new UNet(UNetConfig.of(16, 8)), TimeConvention.sigma()))
                    .hasMessageContaining("net is not initialised");
        }
    }
}
