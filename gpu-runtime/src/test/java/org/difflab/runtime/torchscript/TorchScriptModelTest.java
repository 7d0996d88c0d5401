package org.difflab.runtime.torchscript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.difflab.dsl.conformance.NativeMemory;
import org.difflab.dsl.model.Parameterization;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.runtime.DiffLabRuntime;
import org.difflab.runtime.NetworkModelChecks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network of fixtures/make_fixture.py (traced by Debian's PyTorch 1.13) loaded by DJL's PyTorch 2.7.1: outputs equal
 * PyTorch's, time mapped by the declared convention, one forward per call, no native memory kept, precise errors.
 */
class TorchScriptModelTest {
    private static final Shape EVENT = new Shape(3, 8, 8);
    private static final NoiseSchedule DDPM = Schedules.ddpm();
    private static Path net;
    private static TorchScriptModel model;
    private static float[] x;
    private static float[] y;
    private static NoiseLevel[] levels;

    @BeforeAll
    static void load() throws IOException {
        net = fixture("tiny_eps_net.pt");
        model = TorchScriptModel.load(net, EVENT, Parameterization.EPS, TimeConvention.trainingIndex(1000));
        JsonObject pairs = JsonParser.parseString(Files.readString(fixture("tiny_eps_net.json"))).getAsJsonObject();
        x = floats(pairs.getAsJsonArray("x"));
        y = floats(pairs.getAsJsonArray("y"));
        float[] t = floats(pairs.getAsJsonArray("t"));
        levels = new NoiseLevel[t.length];
        for (int r = 0; r < t.length; r++) {
            levels[r] = DDPM.level(t[r] + 1); // network index n = DiffLab time n + 1
        }
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void reproducesPyTorchsOutputsInOneForwardWithATimePerRow() {
        try (NDManager m = DiffLabRuntime.engine().newBaseManager()) {
            long before = model.forwards();
            float[] out = model.predict(m.create(x, new Shape(4, 3, 8, 8)), levels).toFloatArray();
            assertThat(model.forwards() - before).isEqualTo(1);
            double diff = maxAbsDiff(out, y, 0, y.length);
            System.out.printf("TorchScript: max |DJL - PyTorch| = %.3g over %d outputs%n", diff, y.length);
            assertThat(diff).isLessThan(1e-5);
            assertThat(model.describe()).isEqualTo("TorchScript tiny_eps_net.pt (eps, time index:N=1000)");
        }
    }

    @Test
    void oneLevelForEveryRowEqualsRowByRowCalls() {
        int per = y.length / 4;
        try (NDManager m = DiffLabRuntime.engine().newBaseManager()) {
            NDArray batch = m.create(x, new Shape(4, 3, 8, 8));
            for (int r = 0; r < 4; r++) {
                float[] row = model.predict(batch.get(r + ":" + (r + 1)), levels[r]).toFloatArray();
                assertThat(maxAbsDiff(row, Arrays.copyOfRange(y, r * per, (r + 1) * per), 0, per)).isLessThan(1e-5);
            }
            float[] shared = model.predict(batch, levels[2]).toFloatArray();
            float[] row0 = model.predict(batch.get("0:1"), levels[2]).toFloatArray();
            assertThat(maxAbsDiff(Arrays.copyOf(shared, per), row0, 0, per)).isLessThan(1e-6);
            assertThat(maxAbsDiff(Arrays.copyOf(shared, per), Arrays.copyOf(y, per), 0, per)).isGreaterThan(1e-2); // t matters
        }
    }

    @Test
    void float64InputIsEvaluatedInFloat32AndReturnedInFloat64() {
        try (NDManager m = DiffLabRuntime.engine().newBaseManager()) {
            NDArray x64 = m.create(x, new Shape(4, 3, 8, 8)).toType(DataType.FLOAT64, false);
            NDArray out = model.predict(x64, levels);
            assertThat(out.getDataType()).isEqualTo(DataType.FLOAT64);
            double[] d = out.toDoubleArray();
            float[] f = new float[d.length];
            for (int i = 0; i < d.length; i++) {
                f[i] = (float) d[i];
            }
            assertThat(maxAbsDiff(f, y, 0, y.length)).isLessThan(1e-5);
        }
    }

    /** Native growth allowed over 5000 calls: a kept 4-row input or output alone would be 15 MB. */
    private static final long LIMIT = 16_000_000L;

    @Test
    void temporariesAreClosedAndNativeMemoryStaysFlat() {
        try (NDManager m = DiffLabRuntime.engine().newBaseManager()) {
            NDArray x32 = m.create(x, new Shape(4, 3, 8, 8));
            NDArray x64 = x32.toType(DataType.FLOAT64, false);
            for (int i = 0; i < 50; i++) {
                model.predict(x32, levels);
                model.predict(x64, levels[1]);
            }
            assertThat(m.getManagedArrays()).hasSize(2 + 100); // the inputs and one prediction per call, nothing else
        }
        try (NDManager m = DiffLabRuntime.engine().newBaseManager()) {
            NDArray x32 = m.create(x, new Shape(4, 3, 8, 8));
            for (int i = 0; i < 1000; i++) {
                model.predict(x32, levels).close();
            }
            // a leak grows on every pass of 5000 calls; a one-off growth of the allocator's arenas shows on one (the
            // smallest of up to three passes, as the conformance suite's memory check)
            long[] growths = NativeMemory.growthsUntilWithin(LIMIT, 3, () -> {
                for (int i = 0; i < 5000; i++) {
                    model.predict(x32, levels).close();
                }
            });
            long growth = java.util.Arrays.stream(growths).min().orElseThrow();
            System.out.printf("TorchScript: native memory growth over 5000 calls = %.1f MB (passes: %s)%n", growth / 1e6,
                    java.util.Arrays.toString(growths));
            assertThat(growth).isLessThan(LIMIT);
        }
    }

    @Test
    void runsInsideASamplerWithOneForwardPerModelEvaluation() {
        NetworkModelChecks.assertOneForwardPerEvaluation(model, model::forwards, s -> assertThat(s.model()).contains("tiny_eps_net.pt"));
    }

    @Test
    void missingCorruptAndEmptyFilesNameTheFile(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("absent.pt");
        assertThatThrownBy(() -> load(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist")
                .hasMessageContaining("torch.jit.save");
        byte[] bytes = Files.readAllBytes(net);
        Path truncated = Files.write(dir.resolve("truncated.pt"), Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> load(truncated)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(truncated.toString()).hasMessageContaining("could not be loaded")
                .hasMessageContaining("failed reading zip archive");
        Path text = Files.writeString(dir.resolve("notes.pt"), "not a TorchScript archive\n");
        assertThatThrownBy(() -> load(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text.toString()).hasMessageContaining("could not be loaded");
        Path empty = Files.write(dir.resolve("empty.pt"), new byte[0]);
        assertThatThrownBy(() -> load(empty)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(empty.toString());
        assertThatThrownBy(() -> load(dir)).hasMessageContaining("not a readable file");
    }

    @Test
    void wrongSignaturesAndShapesNameTheFileAndTheExpectedSignature() {
        String expected = "forward(x: [B, 3, 8, 8] float32, t: [B] float32) -> one tensor [B, 3, 8, 8]";
        Path oneInput = fixture("one_input_net.pt");
        assertThatThrownBy(() -> load(oneInput)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(oneInput.toString()).hasMessageContaining(expected)
                .hasMessageContaining("Declaration: forward(__torch__.OneInputNet self, Tensor x)");
        Path oneChannel = fixture("one_channel_net.pt");
        assertThatThrownBy(() -> load(oneChannel)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(oneChannel.toString()).hasMessageContaining("returns 1 output(s) [(1, 1, 8, 8)]")
                .hasMessageContaining(expected);
        assertThatThrownBy(() -> TorchScriptModel.load(net, new Shape(1, 8, 8), Parameterization.EPS,
                TimeConvention.trainingIndex(1000))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(net.toString()).hasMessageContaining("x: [B, 1, 8, 8]")
                .hasMessageContaining("expected input[1, 1, 8, 8] to have 3 channels"); // the error under TorchScript's traceback
        assertThatThrownBy(() -> TorchScriptModel.load(net, new Shape(3, 0, 8), Parameterization.EPS,
                TimeConvention.trainingIndex(1000))).hasMessageContaining("eventShape = (3, 0, 8)");
    }

    @Test
    void badCallsNameTheArgumentAndWhatIsAllowed() {
        try (NDManager m = DiffLabRuntime.engine().newBaseManager()) {
            NetworkModelChecks.assertBadCallsAreNamed(model, m, levels);
            assertThatThrownBy(() -> model.predict(m.zeros(new Shape(2, 3, 4, 4)), levels[0])).hasMessageContaining("tiny_eps_net.pt");
            int before = m.getManagedArrays().size();
            TorchScriptModel other = load(net);
            other.close();
            assertThatThrownBy(() -> other.predict(m.zeros(new Shape(1, 3, 8, 8)), levels[0]))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("is closed");
            assertThat(m.getManagedArrays()).hasSize(before + 1);
        }
    }

    private static TorchScriptModel load(Path file) {
        return TorchScriptModel.load(file, EVENT, Parameterization.EPS, TimeConvention.trainingIndex(1000));
    }

    private static Path fixture(String name) {
        try {
            return Path.of(TorchScriptModelTest.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static float[] floats(JsonArray values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).getAsFloat();
        }
        return out;
    }

    private static double maxAbsDiff(float[] a, float[] b, int from, int to) {
        assertThat(a).hasSameSizeAs(b);
        double max = 0;
        for (int i = from; i < to; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
