package org.difflab.runtime.unet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.nn.Parameter;
import org.difflab.runtime.DiffLabRuntime;
import org.junit.jupiter.api.Test;

/** The network and the blocks written for it: shapes, seeded initialisation, GroupNorm, up-sampling, time features. */
class UNetTest {

    @Test
    void parameterCountsOfTheHierarchyWidths() {
        long[] expected = {66_843, 263_603, 1_046_883, 4_172_483}; // widths 8, 16, 32, 64; the side does not matter
        int[] widths = {8, 16, 32, 64};
        try (NDManager m = DiffLabRuntime.engine().newBaseManager()) {
            for (int k = 0; k < widths.length; k++) {
                try (NDManager sub = m.newSubManager()) {
                    assertThat(new UNet(UNetConfig.of(32, widths[k])).initialize(sub, 1).parameterCount()).isEqualTo(expected[k]);
                }
            }
            assertThat(new UNet(UNetConfig.of(16, 8)).initialize(m, 1).parameterCount()).isEqualTo(expected[0]);
        }
    }

    @Test
    void theSeedFixesTheInitialWeightsBitForBit() {
        try (NDManager m = DiffLabRuntime.engine().newBaseManager()) {
            UNet a = new UNet(UNetConfig.of(16, 8)).initialize(m, 5);
            UNet b = new UNet(UNetConfig.of(16, 8)).initialize(m, 5);
            UNet c = new UNet(UNetConfig.of(16, 8)).initialize(m, 6);
            for (int k = 0; k < a.getParameters().size(); k++) {
                Parameter p = a.getParameters().get(k).getValue();
                float[] va = p.getArray().toFloatArray();
                assertThat(b.getParameters().get(k).getValue().getArray().toFloatArray()).isEqualTo(va);
                if (p.getType() == Parameter.Type.WEIGHT) {
                    assertThat(c.getParameters().get(k).getValue().getArray().toFloatArray()).isNotEqualTo(va);
                    double bound = 1 / Math.sqrt(p.getShape().size() / p.getShape().get(0));
                    for (float v : va) {
                        assertThat(Math.abs(v)).isLessThanOrEqualTo((float) bound);
                    }
                } else {
                    float expected = p.getType() == Parameter.Type.GAMMA ? 1f : 0f;
                    for (float v : va) {
                        assertThat(v).isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void forwardKeepsTheShapeAndDependsOnTime() {
        try (NDManager m = DiffLabRuntime.engine().newBaseManager()) {
            UNet net = new UNet(UNetConfig.of(16, 8)).initialize(m, 1);
            ParameterStore store = new ParameterStore(m, false);
            NDArray x = m.create(SyntheticShapesFixture.images(3, 16), new Shape(3, 3, 16, 16));
            NDArray early = net.forward(store, new NDList(x, m.create(new float[] {0, 0, 0})), false).head();
            NDArray late = net.forward(store, new NDList(x, m.create(new float[] {999, 999, 999})), false).head();
            assertThat(early.getShape()).isEqualTo(new Shape(3, 3, 16, 16));
            assertThat(early.sub(late).abs().max().getFloat()).isGreaterThan(1e-3f);
        }
    }

    @Test
    void badInputsNameTheArgumentAndTheExpectedShape() {
        try (NDManager m = DiffLabRuntime.engine().newBaseManager()) {
            UNet net = new UNet(UNetConfig.of(16, 8)).initialize(m, 1);
            ParameterStore store = new ParameterStore(m, false);
            assertThatThrownBy(() -> net.forward(store, new NDList(m.zeros(new Shape(2, 3, 8, 8)), m.zeros(new Shape(2))), false))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x has shape (2, 3, 8, 8)")
                    .hasMessageContaining("expected [B, 3, 16, 16]");
            assertThatThrownBy(() -> net.forward(store, new NDList(m.zeros(new Shape(2, 3, 16, 16)), m.zeros(new Shape(3))), false))
                    .hasMessageContaining("t has shape (3)").hasMessageContaining("expected [2], one time per row");
            assertThatThrownBy(() -> net.forward(store, new NDList(m.zeros(new Shape(2, 3, 16, 16))), false))
                    .hasMessageContaining("inputs has 1 arrays").hasMessageContaining("(x [B, 3, 16, 16], t [B])");
            assertThatThrownBy(() -> new UNet(null)).hasMessageContaining("config is missing");
        }
    }

    @Test
    void groupNormNormalisesEachGroupOfEachSampleThenScalesAndShiftsPerChannel() {
        try (NDManager m = DiffLabRuntime.engine().newBaseManager()) {
            GroupNorm norm = new GroupNorm(4, 2);
            norm.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(2, 4, 3, 3));
            norm.getParameters().get("gamma").getArray().set(new float[] {1, 2, 3, 4});
            norm.getParameters().get("beta").getArray().set(new float[] {0, 0.5f, -1, 2});
            float[] x = new float[2 * 4 * 9];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) Math.sin(1.7 * i) * (1 + i % 5);
            }
            float[] y = norm.forward(new ParameterStore(m, false), new NDList(m.create(x, new Shape(2, 4, 3, 3))), false)
                    .head().toFloatArray();
            float[] gamma = {1, 2, 3, 4};
            float[] beta = {0, 0.5f, -1, 2};
            for (int b = 0; b < 2; b++) {
                for (int g = 0; g < 2; g++) {
                    int from = b * 36 + g * 18;
                    double mean = 0;
                    for (int i = from; i < from + 18; i++) {
                        mean += x[i] / 18.0;
                    }
                    double var = 0;
                    for (int i = from; i < from + 18; i++) {
                        var += (x[i] - mean) * (x[i] - mean) / 18.0;
                    }
                    for (int i = from; i < from + 18; i++) {
                        int c = (i - b * 36) / 9;
                        double expected = (x[i] - mean) / Math.sqrt(var + GroupNorm.EPSILON) * gamma[c] + beta[c];
                        assertThat((double) y[i]).isCloseTo(expected, within(1e-5));
                    }
                }
            }
            assertThatThrownBy(() -> new GroupNorm(6, 4)).hasMessageContaining("groups = 4").hasMessageContaining("6 channels");
        }
    }

    @Test
    void nearestUpsamplingRepeatsEachPixelInATwoByTwoPatch() {
        try (NDManager m = DiffLabRuntime.engine().newBaseManager()) {
            NDArray x = m.create(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, new Shape(1, 2, 2, 2));
            NDArray y = Upsample.nearest(x);
            assertThat(y.getShape()).isEqualTo(new Shape(1, 2, 4, 4));
            assertThat(y.toFloatArray()).containsExactly(
                    1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4,
                    5, 5, 6, 6, 5, 5, 6, 6, 7, 7, 8, 8, 7, 7, 8, 8);
        }
    }

    @Test
    void timeFeaturesAreSinesThenCosinesOfGeometricFrequencies() {
        try (NDManager m = DiffLabRuntime.engine().newBaseManager()) {
            float[] e = TimeEmbedding.sinusoidal(m.create(new float[] {0, 250}), 8).toFloatArray();
            assertThat(e).hasSize(16);
            for (int i = 0; i < 4; i++) {
                double f = Math.pow(10000, -i / 4.0);
                assertThat((double) e[i]).isCloseTo(0, within(1e-7));
                assertThat((double) e[4 + i]).isCloseTo(1, within(1e-7));
                assertThat((double) e[8 + i]).isCloseTo(Math.sin(250 * f), within(1e-4));
                assertThat((double) e[12 + i]).isCloseTo(Math.cos(250 * f), within(1e-4));
            }
        }
    }

    @Test
    void parametersAreNamedByTheirPlaceInTheNetwork() {
        try (NDManager m = DiffLabRuntime.engine().newBaseManager()) {
            UNet net = new UNet(UNetConfig.of(3, 8, 8, new int[] {1, 2}, 1, 2)).initialize(m, 1);
            assertThat(net.getParameters().keys()).startsWith("01timeDense1_weight", "01timeDense1_bias",
                    "02timeDense2_weight", "02timeDense2_bias", "03convIn_weight", "03convIn_bias", "04down0_0_01norm1_gamma")
                    .endsWith("14normOut_gamma", "14normOut_beta", "15convOut_weight", "15convOut_bias").hasSize(104);
            Pair<String, Parameter> skip = net.getParameters().get(net.getParameters().keys().indexOf("06down1_0_06skip_weight"));
            assertThat(skip.getValue().getShape()).isEqualTo(new Shape(16, 8, 1, 1));
        }
    }
}
