package org.difflab.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.difflab.runtime.zoo.Zoo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code difflab train} without training the standard zoo (minutes): the listing of an empty cache and bad names. The
 * training path itself is the one ZooTest (gpu-runtime) runs with tiny entries.
 */
class TrainCommandTest {
    @TempDir
    Path dir;

    private String before;

    @BeforeEach
    void pointTheCacheAtATemporaryDirectory() {
        before = System.getProperty(Zoo.CACHE_PROPERTY);
        System.setProperty(Zoo.CACHE_PROPERTY, dir.toString());
    }

    @AfterEach
    void restoreTheCache() {
        if (before == null) {
            System.clearProperty(Zoo.CACHE_PROPERTY);
        } else {
            System.setProperty(Zoo.CACHE_PROPERTY, before);
        }
    }

    @Test
    void listNamesEveryEntryItsArchitectureAndThatNothingIsCached() {
        Cli r = Cli.run("train", "--list");
        assertThat(r.exitCode()).as(r.err()).isZero();
        String[] lines = r.out().split("\\R");
        assertThat(lines).hasSize(11);
        assertThat(lines[0]).startsWith("name").contains("data", "architecture", "MFLOP/image", "iterations", "cached", "file");
        String[] mflops = {" 8.0 ", " 31.1 ", " 122.7 ", " 487.4 "}; // counted from the layers (UNetFlops), about 4x per doubling
        for (int i = 0; i < 4; i++) {
            String name = "shapes16-w" + (8 << i);
            assertThat(lines[i + 2]).startsWith(name).contains(" shapes16 ", "width=" + (8 << i) + ",", mflops[i], " 800 ", " no ",
                    dir.resolve("zoo").resolve(name + ".ckpt").toString());
        }
        String[] fashionMflops = {" 6.2 ", " 23.9 ", " 53.3 ", " 94.2 "};
        for (int i = 0; i < 4; i++) {
            String name = "fashion28-w" + 4 * (i + 1);
            assertThat(lines[i + 6]).startsWith(name).contains(" fashion28 ", "channels=1,size=28,width=" + 4 * (i + 1) + ",",
                    fashionMflops[i], " 2000 ", " no ", dir.resolve("zoo").resolve(name + ".ckpt").toString());
        }
        assertThat(lines[10]).startsWith("fashion-classifier").contains(" fashion28 ", "cnn:conv=32/64,features=128", " 5000 ", " 64 ",
                " no ", dir.resolve("classifier").resolve("fashion-classifier.params").toString());
    }

    @Test
    void aBadJobCountIsNamedWithWhatIsAllowed() {
        Cli r = Cli.run("train", "--jobs", "0");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("difflab: error: --jobs = 0 is not allowed").contains("[1, 64]");
        assertThat(dir.resolve("zoo")).doesNotExist();
    }

    @Test
    void unknownNamesAreNamedWithTheAllowedOnesBeforeAnythingIsTrained() {
        Cli r = Cli.run("train", "--model", "shapes16-w8", "--model", "shapes16-w128");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("difflab: error: model = shapes16-w128 is not allowed")
                .contains("shapes16-w8, shapes16-w16, shapes16-w32, shapes16-w64, fashion28-w4, fashion28-w8, fashion28-w12, fashion28-w16");
        assertThat(r.out()).isEmpty();
        assertThat(dir.resolve("zoo")).doesNotExist();
    }
}
