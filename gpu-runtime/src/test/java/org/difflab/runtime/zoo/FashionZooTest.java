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
import org.difflab.dsl.schedule.Schedules;
import org.difflab.runtime.DiffLabRuntime;
import org.difflab.runtime.data.FashionMnist;
import org.difflab.runtime.data.FashionMnistImages;
import org.difflab.runtime.unet.TrainingSettings;
import org.difflab.runtime.unet.UNetConfig;
import org.difflab.runtime.unet.UNetScoreModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fashion-MNIST entries through the real zoo code path and the real files, with a tiny network (3 iterations of 4 images). */
class FashionZooTest {
    private static final FashionMnistImages DATA = FashionMnistImages.standard();
    private static final TrainingSettings TINY = TrainingSettings.ddpm().withBatchSize(4);
    private static final ZooEntry TINY_W4 = new ZooEntry("fashion-tiny-w4", DATA, UNetConfig.of(1, 28, 4, new int[] {1, 2}, 1, 1), TINY, 3);

    @TempDir
    Path dir;

    @Test
    void aTinyFashionEntryTrainsOnTheRealImagesLoadsAgainAndTheCacheChecksHold() throws IOException {
        List<String> messages = new ArrayList<>();
        float[] first;
        String sha;
        try (Zoo zoo = Zoo.of(List.of(TINY_W4), dir, messages::add)) {
            UNetScoreModel m = zoo.model("fashion-tiny-w4");
            assertThat(zoo.trainings()).isEqualTo(1);
            assertThat(messages).anyMatch(s -> s.startsWith("fashion-tiny-w4: training unet:channels=1,size=28,width=4") && s.contains(" on fashion28,"));
            assertThat(m.eventShape()).isEqualTo(new Shape(1, 28, 28));
            ZooRecord r = zoo.record("fashion-tiny-w4").orElseThrow();
            assertThat(r.recipe()).startsWith("data=fashion28,unet:channels=1,size=28,width=4,");
            assertThat(r.heldOutLoss()).isBetween(0.1, 10.0);
            assertThat(r.trainCpuSeconds()).isPositive();
            first = predict(m);
            sha = r.sha256();
        }
        try (Zoo again = Zoo.of(List.of(TINY_W4), dir, messages::add)) {
            assertThat(predict(again.model("fashion-tiny-w4"))).isEqualTo(first);
            assertThat(again.trainings()).isZero();
        }
        ZooEntry longer = new ZooEntry("fashion-tiny-w4", DATA, TINY_W4.config(), TINY, 4);
        try (Zoo changed = Zoo.of(List.of(longer), dir, messages::add)) {
            assertThat(changed.record("fashion-tiny-w4")).as("a recipe change is not used").isEmpty();
        }
        Path file = dir.resolve("fashion-tiny-w4.ckpt");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 1;
        Files.write(file, bytes);
        try (Zoo tampered = Zoo.of(List.of(TINY_W4), dir, messages::add)) {
            assertThatThrownBy(() -> tampered.model("fashion-tiny-w4")).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining(file.toString()).hasMessageContaining(sha).hasMessageContaining("corrupt")
                    .hasMessageContaining("difflab train --model fashion-tiny-w4 --force");
        }
    }

    @Test
    void theFashionFamilyIsFourWidthsTrainedAlikeBesideTheShapes() {
        List<ZooEntry> entries = Zoo.fashionEntries();
        assertThat(entries).extracting(ZooEntry::name).containsExactly("fashion28-w4", "fashion28-w8", "fashion28-w12", "fashion28-w16");
        for (ZooEntry e : entries) {
            assertThat(e.config().channels()).isEqualTo(1);
            assertThat(e.config().size()).isEqualTo(FashionMnist.SIDE);
            assertThat(e.config().multipliers()).containsExactly(1, 2, 2);
            assertThat(e.iterations()).isEqualTo(2000);
            assertThat(e.settings()).isEqualTo(entries.get(0).settings());
            assertThat(e.settings().toString()).isEqualTo(TrainingSettings.ddpm().toString());
            assertThat(e.recipe()).startsWith("data=fashion28,");
        }
        assertThat(Zoo.standardFamilies()).hasSize(2);
        assertThat(Zoo.standardNames()).hasSize(8).startsWith("shapes16-w8").endsWith("fashion28-w16");
        try (Zoo fashion = Zoo.standardFamilyOf("fashion28-w12", dir, s -> { })) {
            assertThat(fashion.names()).containsExactly("fashion28-w4", "fashion28-w8", "fashion28-w12", "fashion28-w16");
        }
        assertThatThrownBy(() -> Zoo.standardFamilyOf("fashion28-w99", dir, s -> { })).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model = fashion28-w99").hasMessageContaining("shapes16-w8").hasMessageContaining("fashion28-w16");
        assertThatThrownBy(() -> new ZooEntry("odd", DATA, UNetConfig.of(28, 8), TINY, 3)).hasMessageContaining("fashion28 has 1 channels of 28 x 28");
    }

    @Test
    void trainingImagesFollowTheSeededOrderWhateverTheBatchAndHeldOutImagesAreTheTestSplit() {
        FashionMnist data = FashionMnist.standard();
        float[] whole = DATA.images(2, 5, 6);
        float[] parts = new float[whole.length];
        System.arraycopy(DATA.images(2, 5, 2), 0, parts, 0, 2 * 784);
        System.arraycopy(DATA.images(2, 7, 4), 0, parts, 2 * 784, 4 * 784);
        assertThat(parts).isEqualTo(whole);
        assertThat(DATA.images(3, 5, 6)).isNotEqualTo(whole);
        assertThat(DATA.heldOutImages(3)).isEqualTo(data.test().images(new int[] {0, 1, 2}));
        assertThatThrownBy(() -> DATA.heldOutImages(10_001)).hasMessageContaining("count = 10001");
    }

    private static float[] predict(UNetScoreModel model) {
        try (NDManager m = DiffLabRuntime.engine().newBaseManager()) {
            NDArray x = m.linspace(-1f, 1f, 2 * 28 * 28).reshape(2, 1, 28, 28);
            return model.predict(x, Schedules.ddpm().level(300)).toFloatArray();
        }
    }
}
