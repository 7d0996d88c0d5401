package org.difflab.runtime.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.difflab.dsl.hierarchy.ModelHierarchy;
import org.difflab.dsl.model.Parameterization;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.runtime.DiffLabRuntime;
import org.difflab.runtime.data.SyntheticShapes;
import org.difflab.runtime.torchscript.TimeConvention;
import org.difflab.runtime.unet.TrainingSettings;
import org.difflab.runtime.unet.UNetConfig;
import org.difflab.runtime.unet.UNetScoreModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zoo through its real code path, with tiny entries (8 x 8 images, a few iterations) cached in a temporary directory. */
class ZooTest {
    static final TrainingSettings TINY = TrainingSettings.ddpm().withBatchSize(4);
    static final ZooEntry W4 = new ZooEntry("tiny-w4", UNetConfig.of(3, 8, 4, new int[] {1, 2}, 1, 2), TINY, 3);
    static final ZooEntry W8 = new ZooEntry("tiny-w8", UNetConfig.of(3, 8, 8, new int[] {1, 2}, 1, 2), TINY, 3);

    @TempDir
    Path dir;

    private final List<String> messages = new ArrayList<>();

    private Zoo zoo(ZooEntry... entries) {
        return Zoo.of(List.of(entries), dir, messages::add);
    }

    @Test
    void trainsOnFirstUseThenLoadsFromTheCacheWithoutTraining() throws IOException {
        float[] first;
        try (Zoo zoo = zoo(W4, W8)) {
            UNetScoreModel m = zoo.model("tiny-w8");
            assertThat(zoo.trainings()).isEqualTo(1);
            assertThat(messages).anyMatch(s -> s.startsWith("tiny-w8: training unet:channels=3,size=8,width=8"))
                    .anyMatch(s -> s.contains("iteration 3/3")).anyMatch(s -> s.contains("held-out loss"));
            assertThat(zoo.model("tiny-w8")).isSameAs(m);
            assertThat(zoo.trainings()).isEqualTo(1);
            first = predict(m);

            Path file = zoo.checkpoint("tiny-w8");
            assertThat(file).isEqualTo(dir.resolve("tiny-w8.ckpt")).isRegularFile();
            Properties manifest = manifest();
            assertThat(manifest.getProperty("tiny-w8.sha256")).isEqualTo(Zoo.sha256(file)).hasSize(64);
            assertThat(manifest.getProperty("tiny-w8.recipe")).isEqualTo(W8.recipe());
            ZooRecord r = zoo.record("tiny-w8").orElseThrow();
            assertThat(r.parameters()).isEqualTo(m.network().parameterCount());
            assertThat(r.trainLoss()).isFinite().isPositive();
            assertThat(r.heldOutLoss()).isBetween(0.1, 10.0);
            assertThat(r.secondsPerEvaluation()).isPositive();
            assertThat(zoo.record("tiny-w4")).isEmpty();
        }
        messages.clear();
        try (Zoo again = zoo(W4, W8)) {
            UNetScoreModel m = again.model("tiny-w8");
            assertThat(again.trainings()).isZero();
            assertThat(messages).isEmpty();
            assertThat(m.parameterization()).isEqualTo(Parameterization.EPS);
            assertThat(m.eventShape()).isEqualTo(new Shape(3, 8, 8));
            assertThat(predict(m)).isEqualTo(first);
        }
    }

    @Test
    void trainingIsDeterministicBySeedAndARecipeChangeRetrains(@TempDir Path other) {
        String sha;
        try (Zoo zoo = zoo(W8)) {
            zoo.model("tiny-w8");
            sha = zoo.record("tiny-w8").orElseThrow().sha256();
        }
        try (Zoo elsewhere = Zoo.of(List.of(W8), other, s -> { })) {
            elsewhere.model("tiny-w8");
            assertThat(elsewhere.record("tiny-w8").orElseThrow().sha256()).isEqualTo(sha);
        }
        ZooEntry longer = new ZooEntry("tiny-w8", W8.config(), TINY, 4);
        try (Zoo zoo = zoo(longer)) {
            assertThat(zoo.record("tiny-w8")).isEmpty();
            zoo.model("tiny-w8");
            assertThat(zoo.trainings()).isEqualTo(1);
            assertThat(messages).anyMatch(s -> s.contains("trained from another recipe"));
            assertThat(zoo.record("tiny-w8").orElseThrow().sha256()).isNotEqualTo(sha);
        }
    }

    @Test
    void aTamperedCacheFileIsNamedWithBothChecksumsAndForceRetrainsIt() throws IOException {
        Path file;
        try (Zoo zoo = zoo(W8)) {
            zoo.model("tiny-w8");
            file = zoo.checkpoint("tiny-w8");
        }
        String recorded = manifest().getProperty("tiny-w8.sha256");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 1;
        Files.write(file, bytes);
        try (Zoo zoo = zoo(W8)) {
            assertThatThrownBy(() -> zoo.model("tiny-w8")).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining(file.toString()).hasMessageContaining(recorded).hasMessageContaining(Zoo.sha256(file))
                    .hasMessageContaining("corrupt").hasMessageContaining("difflab train --model tiny-w8 --force");
            assertThat(zoo.trainings()).isZero();
            zoo.train("tiny-w8");
            assertThat(Zoo.sha256(file)).isEqualTo(recorded);
            assertThat(zoo.model("tiny-w8")).isNotNull();
        }
    }

    @Test
    void theHierarchyHasOneLevelPerEntryWithMeasuredCostsAndLevelDifferencesAreRecorded() {
        try (Zoo zoo = zoo(W4, W8)) {
            ModelHierarchy h = zoo.hierarchy();
            assertThat(zoo.trainings()).isEqualTo(2);
            assertThat(h.size()).isEqualTo(2);
            assertThat(h.model(1)).isSameAs(zoo.model("tiny-w4"));
            assertThat(h.model(2)).isSameAs(zoo.model("tiny-w8"));
            for (double c : h.costs()) {
                assertThat(c).isPositive().isLessThan(1.0);
            }

            double[][] d = zoo.measureDifferences();
            assertThat(d).hasNumberOfRows(2);
            assertThat(d[0]).containsOnly(Double.NaN);
            assertThat(d[1]).hasSize(Zoo.DIFFERENCE_TIMES.length);
            for (double v : d[1]) {
                assertThat(v).isFinite().isPositive();
            }
            assertThat(zoo.differences("tiny-w8")).containsExactly(roundTrip(d[1]));
            assertThat(zoo.differences("tiny-w4")).containsOnly(Double.NaN);
            assertThat(manifest().getProperty("tiny-w8.difference.t500")).isNotNull();
            zoo.train("tiny-w8");
            assertThat(zoo.differences("tiny-w8")).containsOnly(Double.NaN);
        }
    }

    @Test
    void badNamesAndEntriesAreNamedWithWhatIsAllowed() {
        try (Zoo zoo = zoo(W4, W8)) {
            assertThatThrownBy(() -> zoo.model("tiny-w16")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("model = tiny-w16").hasMessageContaining("tiny-w4, tiny-w8");
            assertThatThrownBy(() -> zoo.spec("nope")).hasMessageContaining("model = nope");
        }
        assertThatThrownBy(() -> new ZooEntry("Tiny W8", W8.config(), TINY, 3)).hasMessageContaining("name = 'Tiny W8'");
        assertThatThrownBy(() -> new ZooEntry("tiny", W8.config(), TINY, 0)).hasMessageContaining("iterations = 0");
        assertThatThrownBy(() -> zoo(W8, W8)).hasMessageContaining("tiny-w8 twice");
        ZooEntry big = new ZooEntry("big", UNetConfig.of(16, 8), TINY, 3);
        assertThatThrownBy(() -> zoo(W8, big)).hasMessageContaining("entries[1] (big)").hasMessageContaining("3 x 8 x 8");
        assertThatThrownBy(() -> Zoo.of(List.of(), dir, s -> { })).hasMessageContaining("entries = []");
        assertThatThrownBy(() -> new ZooEntry("odd", SyntheticShapes.of(16), W8.config(), TINY, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("config = " + W8.config()).hasMessageContaining("shapes16 has 3 channels of 16 x 16");
    }

    @Test
    void theStandardZooIsFourWidthsTrainedAlikeOnSixteenPixelShapes() {
        List<ZooEntry> entries = Zoo.standardEntries();
        try (Zoo standard = Zoo.standard()) {
            assertThat(standard.names()).isEqualTo(entries.stream().map(ZooEntry::name).toList());
            assertThat(standard.directory()).isEqualTo(Zoo.defaultDirectory());
        }
        assertThat(entries).extracting(ZooEntry::name).containsExactly("shapes16-w8", "shapes16-w16", "shapes16-w32", "shapes16-w64");
        assertThat(entries).extracting(e -> e.config().width()).containsExactly(8, 16, 32, 64);
        for (ZooEntry e : entries) {
            assertThat(e.config()).isEqualTo(UNetConfig.of(16, e.config().width()));
            assertThat(e.settings()).isEqualTo(entries.get(0).settings());
            assertThat(e.iterations()).isEqualTo(entries.get(0).iterations());
            assertThat(e.settings().schedule().spec()).isEqualTo(Schedules.ddpm().spec());
            assertThat(e.settings().time().describe()).isEqualTo(TimeConvention.trainingIndex(1000).describe());
        }
        assertThat(entries.get(3).recipe()).startsWith("data=shapes16,unet:channels=3,size=16,width=64,multipliers=1/2/2,blocks=1,groups=16,"
                + "schedule=linear:T=1000").contains(",time=index:N=1000,batch=").endsWith(",iterations=" + entries.get(3).iterations());
    }

    @Test
    void theCacheDirectoryComesFromThePropertyThenTheEnvironmentThenTheHome() {
        String before = System.getProperty(Zoo.CACHE_PROPERTY);
        try {
            System.setProperty(Zoo.CACHE_PROPERTY, dir.toString());
            assertThat(Zoo.defaultDirectory()).isEqualTo(dir.resolve("zoo"));
            System.clearProperty(Zoo.CACHE_PROPERTY);
            String env = System.getenv(Zoo.CACHE_ENVIRONMENT);
            assertThat(Zoo.defaultDirectory()).isEqualTo(env != null && !env.isBlank() ? Path.of(env, "zoo")
                    : Path.of(System.getProperty("user.home"), ".cache", "difflab", "zoo"));
        } finally {
            if (before != null) {
                System.setProperty(Zoo.CACHE_PROPERTY, before);
            }
        }
    }

    private Properties manifest() {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(dir.resolve(ZooManifest.FILE))) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Values as the manifest stores them (six significant digits). */
    private static double[] roundTrip(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Double.parseDouble(String.format(java.util.Locale.ROOT, "%.6g", values[i]));
        }
        return out;
    }

    private static float[] predict(UNetScoreModel model) {
        try (NDManager m = DiffLabRuntime.engine().newBaseManager()) {
            NDArray x = m.linspace(-1f, 1f, 4 * 3 * 8 * 8).reshape(4, 3, 8, 8);
            return model.predict(x, Schedules.ddpm().level(300)).toFloatArray();
        }
    }
}
