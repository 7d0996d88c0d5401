package org.difflab.runtime.unet;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.difflab.dsl.model.Parameterization;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.runtime.DiffLabRuntime;
import org.difflab.runtime.torchscript.TimeConvention;
import org.difflab.runtime.torchscript.TorchScriptModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export route: a checkpoint in DiffLab's format (written by gpu-runtime/src/main/python/unet_to_torchscript.py
 * --fixture, every parameter random) loaded into the Java UNet answers as the TorchScript file the same script rebuilt
 * and traced from it, loaded by TorchScriptModel, and as PyTorch 1.13 did when it wrote the fixture; Java writes the
 * format byte for byte as the script does.
 */
class UNetTorchScriptTest {
    private static final TimeConvention TIME = TimeConvention.trainingIndex(1000);

    @Test
    void javaUNetMatchesTheTorchScriptRebuildOfItsCheckpoint() throws IOException {
        JsonObject pairs = JsonParser.parseString(Files.readString(fixture("unet_fixture.json"))).getAsJsonObject();
        float[] x = floats(pairs.getAsJsonArray("x"));
        float[] y = floats(pairs.getAsJsonArray("y"));
        float[] t = floats(pairs.getAsJsonArray("t"));
        NoiseSchedule ddpm = Schedules.ddpm();
        NoiseLevel[] levels = new NoiseLevel[t.length];
        for (int r = 0; r < t.length; r++) {
            levels[r] = ddpm.level(t[r] + 1); // network index n = DiffLab time n + 1
        }
        Shape shape = new Shape(4, 3, 8, 8);
        try (UNetScoreModel java = UNetScoreModel.load(fixture("unet_fixture.ckpt"), TIME);
                TorchScriptModel torch = TorchScriptModel.load(fixture("unet_fixture.pt"), new Shape(3, 8, 8),
                        Parameterization.EPS, TIME);
                NDManager m = DiffLabRuntime.engine().newBaseManager()) {
            assertThat(java.network().config()).isEqualTo(UNetConfig.of(3, 8, 8, new int[] {1, 2}, 1, 2));
            float[] fromJava = java.predict(m.create(x, shape), levels).toFloatArray();
            float[] fromTorchScript = torch.predict(m.create(x, shape), levels).toFloatArray();
            double javaVsTorchScript = maxAbsDiff(fromJava, fromTorchScript);
            double javaVsPyTorch113 = maxAbsDiff(fromJava, y);
            System.out.printf("UNet export: max |Java - TorchScript (DJL, PyTorch 2.7.1)| = %.3g, max |Java - PyTorch 1.13| = "
                    + "%.3g, max |output| = %.3g over %d outputs%n", javaVsTorchScript, javaVsPyTorch113, maxAbs(y), y.length);
            assertThat(maxAbs(y)).isGreaterThan(0.5); // outputs of order 1: the tolerance is relative to something
            assertThat(javaVsTorchScript).isLessThan(1e-4);
            assertThat(javaVsPyTorch113).isLessThan(1e-4);
        }
    }

    @Test
    void theCheckpointHoldsTwoDifferentPartsAndTheScoreModelUsesTheEma() throws IOException {
        UNetCheckpoint c = UNetCheckpoint.load(fixture("unet_fixture.ckpt"));
        assertThat(c.iteration()).isEqualTo(7);
        assertThat(c.names()).hasSize(2 * 104).contains("ema/03convIn_weight", "net/03convIn_weight"); // 104 tensors per part
        JsonObject pairs = JsonParser.parseString(Files.readString(fixture("unet_fixture.json"))).getAsJsonObject();
        float[] x = floats(pairs.getAsJsonArray("x"));
        NoiseLevel level = Schedules.ddpm().level(500);
        try (NDManager m = DiffLabRuntime.engine().newBaseManager();
                UNetScoreModel loaded = UNetScoreModel.load(fixture("unet_fixture.ckpt"), TIME)) {
            UNetScoreModel ema = UNetScoreModel.of(c.network("ema", m), TIME);
            UNetScoreModel net = UNetScoreModel.of(c.network("net", m), TIME);
            float[] a = loaded.predict(m.create(x, new Shape(4, 3, 8, 8)), level).toFloatArray();
            assertThat(ema.predict(m.create(x, new Shape(4, 3, 8, 8)), level).toFloatArray()).isEqualTo(a);
            assertThat(maxAbsDiff(net.predict(m.create(x, new Shape(4, 3, 8, 8)), level).toFloatArray(), a))
                    .isGreaterThan(1e-2);
        }
    }

    @Test
    void javaWritesTheFixtureCheckpointByteForByteAsThePythonScriptDid(@TempDir Path dir) throws IOException {
        Path fixture = fixture("unet_fixture.ckpt");
        UNetCheckpoint c = UNetCheckpoint.load(fixture);
        try (NDManager m = DiffLabRuntime.engine().newBaseManager()) {
            Map<String, NDArray> tensors = new LinkedHashMap<>();
            for (String part : new String[] {"net", "ema"}) {
                for (Pair<String, Parameter> p : c.network(part, m).getParameters()) {
                    tensors.put(part + "/" + p.getKey(), p.getValue().getArray());
                }
            }
            Path copy = dir.resolve("copy.ckpt");
            UNetCheckpoint.save(copy, c.config(), c.iteration(), tensors);
            assertThat(Files.mismatch(copy, fixture)).isEqualTo(-1L); // so the script reads what Java writes
        }
    }

    static double maxAbsDiff(float[] a, float[] b) {
        assertThat(a).hasSameSizeAs(b);
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }

    private static double maxAbs(float[] a) {
        double d = 0;
        for (float v : a) {
            d = Math.max(d, Math.abs(v));
        }
        return d;
    }

    private static float[] floats(JsonArray array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).getAsFloat();
        }
        return out;
    }

    static Path fixture(String name) {
        try {
            return Path.of(UNetTorchScriptTest.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
