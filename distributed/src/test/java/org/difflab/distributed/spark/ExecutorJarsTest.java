package org.difflab.distributed.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is shipped to executors: class path jars that are not Spark's, class folders packed into jars. */
class ExecutorJarsTest {
    private static final String TREE = """
            org.difflab:distributed:jar:0.1.0-SNAPSHOT
            +- org.difflab:theory-checks:jar:0.1.0-SNAPSHOT:compile
            |  \\- org.apache.commons:commons-math3:jar:3.6.1:compile
            +- org.apache.spark:spark-core_2.13:jar:4.0.1:provided
            |  +- com.fasterxml.jackson.core:jackson-core:jar:2.18.2:provided (version managed from 2.17.2)
            |  +- (org.apache.commons:commons-math3:jar:3.6.1:compile - omitted for duplicate)
            |  \\- io.netty:netty-transport-native-epoll:jar:linux-x86_64:4.1.118.Final:provided
            \\- org.apache.parquet:parquet-hadoop:jar:1.15.2:compile
            """;

    @TempDir
    Path dir;

    @Test
    void sparksArtifactsAreItsSubtreeOmittedDuplicatesIncludedMatchedByArtifactId() throws IOException {
        SparkArtifacts spark = SparkArtifacts.parse(new BufferedReader(new StringReader(TREE)));
        assertThat(spark.size()).isEqualTo(4);
        assertThat(spark.contains(Path.of("/m2/spark-core_2.13-4.0.1.jar"))).isTrue();
        assertThat(spark.contains(Path.of("lib/commons-math3-3.6.1.jar"))).as("shared with DiffLab, omitted in Spark's subtree").isTrue();
        assertThat(spark.contains(Path.of("jackson-core-2.19.0.jar"))).as("any version").isTrue();
        assertThat(spark.contains(Path.of("netty-transport-native-epoll-4.1.118.Final-linux-x86_64.jar"))).isTrue();
        assertThat(spark.contains(Path.of("jackson-core-asl-1.9.13.jar"))).as("another artifact with the same start").isFalse();
        assertThat(spark.contains(Path.of("parquet-hadoop-1.15.2.jar"))).isFalse();
        assertThat(SparkArtifacts.load().size()).as("the tree built with this module").isGreaterThan(100);
    }

    @Test
    void classFoldersArePackedAndSparksJarsLeftOut() throws IOException {
        SparkArtifacts spark = SparkArtifacts.parse(new BufferedReader(new StringReader(TREE)));
        Path classes = dir.resolve("mod/target/classes");
        Files.createDirectories(classes.resolve("org/x"));
        Files.writeString(classes.resolve("org/x/A.class"), "a");
        Path empty = Files.createDirectories(dir.resolve("other/target/test-classes"));
        Path ours = Files.writeString(dir.resolve("pytorch-engine-0.35.1.jar"), "jar");
        Path theirs = Files.writeString(dir.resolve("spark-core_2.13-4.0.1.jar"), "jar");
        Path work = dir.resolve("work");
        List<Path> shipped = ExecutorJars.of(List.of(classes, empty, ours, theirs), spark, work);
        assertThat(shipped).containsExactly(work.resolve("classes-00-mod-classes.jar"), ours);
        try (JarFile jar = new JarFile(shipped.get(0).toFile())) {
            assertThat(Collections.list(jar.entries())).extracting(e -> e.getName()).containsExactly("org/x/A.class");
        }
    }
}
