package org.difflab.runtime.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.difflab.runtime.DiffLabRuntime;
import org.difflab.runtime.FileSha256;
import org.difflab.runtime.data.FashionMnist;
import org.difflab.runtime.data.LabelledImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny recipe on the real Fashion-MNIST files: trained, cached, reloaded, refused when it does not match. */
class ClassifierCacheTest {
    private static final ClassifierRecipe TINY = new ClassifierRecipe("tiny", 4, 8, 16, 32, 3e-3, 60, 1, 2);

    @Test
    void trainsCachesAndReloadsTheSameBitsAndBeatsChance(@TempDir Path dir, @TempDir Path other) {
        List<String> lines = new ArrayList<>();
        ClassifierCache cache = ClassifierCache.of(dir, lines::add);
        ClassifierRecord r = cache.train(TINY);
        assertThat(lines).anyMatch(l -> l.contains("tiny: 60 of 60 iterations")).anyMatch(l -> l.contains("test accuracy"));
        assertThat(r.recipe()).isEqualTo(TINY.describe());
        assertThat(r.sha256()).hasSize(64).isEqualTo(FileSha256.of(cache.file(TINY), "file"));
        assertThat(cache.record("tiny")).contains(r);
        // 60 iterations of 32 images: far from trained, but well above chance (0.1) and a loss below log(10) = 2.30
        assertThat(r.testAccuracy()).isGreaterThan(0.4);
        assertThat(r.trainLoss()).isLessThan(2.0);
        // the same recipe elsewhere gives the same file bit for bit
        assertThat(ClassifierCache.of(other, s -> { }).train(TINY).sha256()).isEqualTo(r.sha256());

        LabelledImages test = FashionMnist.standard().test();
        try (FeatureClassifier loaded = cache.obtain(TINY); NDManager m = DiffLabRuntime.engine().newBaseManager()) {
            assertThat(cache.record("tiny").orElseThrow().sha256()).isEqualTo(r.sha256()); // loaded, not retrained
            assertThat(loaded.accuracy(test)).isEqualTo(r.testAccuracy());
            int[] indices = IntStream.range(0, 600).toArray(); // several chunks of 100
            NDArray images = test.batch(m, indices);
            double[][] features = loaded.features(images);
            assertThat(loaded.dimension()).isEqualTo(16);
            assertThat(features).hasNumberOfRows(600);
            assertThat(features[599]).hasSize(16);
            assertThat(java.util.Arrays.stream(features).flatMapToDouble(java.util.Arrays::stream).min().orElseThrow())
                    .isEqualTo(0.0); // ReLU features: none negative, some switched off
            // rows do not depend on the chunk they were evaluated in
            assertThat(loaded.features(test.batch(m, new int[] {599}))[0]).containsExactly(features[599]);
            assertThat(loaded.predict(images)).hasSize(600);
            assertThatThrownBy(() -> loaded.features(m.zeros(new ai.djl.ndarray.types.Shape(2, 28, 28))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("images has shape (2, 28, 28)")
                    .hasMessageContaining("[N, 1, 28, 28]");
        }
    }

    @Test
    void refusesAnotherRecipeAChangedFileAndAMissingOne(@TempDir Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        ClassifierCache cache = ClassifierCache.of(dir, lines::add);
        ClassifierRecipe small = new ClassifierRecipe("tiny", 2, 2, 4, 8, 1e-3, 3, 1, 2);
        assertThatThrownBy(() -> cache.load(small)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("classifier tiny is not cached").hasMessageContaining(cache.file(small).toString());
        String sha = cache.train(small).sha256();
        ClassifierRecipe longer = new ClassifierRecipe("tiny", 2, 2, 4, 8, 1e-3, 4, 1, 2);
        assertThatThrownBy(() -> cache.load(longer)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(cache.file(small) + " was trained from the recipe " + small.describe())
                .hasMessageContaining("not allowed for the recipe " + longer.describe());
        Files.write(cache.file(small), new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
        String changed = FileSha256.of(cache.file(small), "file");
        assertThatThrownBy(() -> cache.load(small)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("has SHA-256 " + changed).hasMessageContaining("records " + sha);
        assertThatThrownBy(() -> cache.obtain(small)).isInstanceOf(UncheckedIOException.class); // never overwritten silently
        assertThat(FileSha256.of(cache.file(small), "file")).isEqualTo(changed);
        // obtain retrains for another recipe, and says so
        try (FeatureClassifier retrained = cache.obtain(longer)) {
            assertThat(retrained.recipe()).isEqualTo(longer);
        }
        assertThat(lines).anyMatch(l -> l.contains("trained from another recipe (" + small.describe() + "); retraining"));
        assertThat(cache.record("tiny").orElseThrow().recipe()).isEqualTo(longer.describe());
    }

    @Test
    void badRecipesAreNamed() {
        assertThatThrownBy(() -> new ClassifierRecipe("Bad Name", 2, 2, 4, 8, 1e-3, 3, 1, 2)).hasMessageContaining("name = 'Bad Name'");
        assertThatThrownBy(() -> new ClassifierRecipe("x", 0, 2, 4, 8, 1e-3, 3, 1, 2)).hasMessageContaining("conv1 = 0");
        assertThatThrownBy(() -> new ClassifierRecipe("x", 2, 2, 4, 8, 0, 3, 1, 2)).hasMessageContaining("learningRate = 0.0");
        assertThatThrownBy(() -> new ClassifierRecipe("x", 2, 2, 4, 8, 1e-3, 0, 1, 2)).hasMessageContaining("iterations = 0");
    }
}
