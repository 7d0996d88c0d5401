package org.difflab.distributed.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.difflab.distributed.spark.Cluster;
import org.difflab.distributed.spark.ExecutorRuntime;
import org.difflab.distributed.spark.SparkOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The job runner on local[2,3] (three attempts per task): results in item order, a task lost to a JVM-level failure
 * retried to the same result, an item's own failure stopping the job early with the item named, the engine started once.
 */
class SparkTasksTest {
    /** Items seen by this JVM (local master: the tasks run here). */
    private static final AtomicInteger RUN = new AtomicInteger();
    private static final Set<Integer> FAILED_ONCE = ConcurrentHashMap.newKeySet();
    private static Cluster spark;

    record Item(int value) implements TaskItem {
        @Override
        public String describe() {
            return "value=" + value;
        }
    }

    @BeforeAll
    static void start() {
        spark = Cluster.start(SparkOptions.of("local[2,3]"), line -> { });
    }

    @AfterAll
    static void stop() {
        spark.close();
    }

    private static List<Item> items(int n) {
        return IntStream.range(0, n).mapToObj(Item::new).toList();
    }

    @Test
    void outcomesComeBackInItemOrderAndTheEngineStartsOncePerJvm() {
        List<Outcome<Integer>> out = SparkTasks.run(spark, "squares", "item", items(12), i -> i.value() * i.value(), ProgressListener.NONE);
        assertThat(out).extracting(Outcome::value).containsExactly(0, 1, 4, 9, 16, 25, 36, 49, 64, 81, 100, 121);
        assertThat(out).extracting(Outcome::index).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(out).extracting(Outcome::executor).containsOnly(ExecutorRuntime.jvmId());
        assertThat(ExecutorRuntime.starts()).isEqualTo(1);
    }

    @Test
    void aTaskLostToAFailureOfItsJvmIsRetriedToTheSameResult() {
        List<Outcome<Integer>> out = SparkTasks.run(spark, "retried", "item", items(6), i -> {
            if (i.value() % 2 == 0 && FAILED_ONCE.add(i.value())) {
                throw new LinkageError("simulated loss of the task's executor (item " + i.value() + ", first attempt)");
            }
            return 10 * i.value();
        }, ProgressListener.NONE);
        assertThat(FAILED_ONCE).containsExactlyInAnyOrder(0, 2, 4);
        assertThat(out).extracting(Outcome::value).containsExactly(0, 10, 20, 30, 40, 50);
    }

    @Test
    void anItemsOwnFailureStopsTheJobEarlyNamingTheItemInOneLine() {
        RUN.set(0);
        assertThatThrownBy(() -> SparkTasks.run(spark, "slow", "item", items(40), i -> {
            RUN.incrementAndGet();
            if (i.value() == 1) {
                throw new IllegalStateException("no convergence\nsecond line");
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return i.value();
        }, ProgressListener.NONE)).isInstanceOf(JobFailedException.class).hasMessage("item 2 of 40 (value=1) failed: no convergence");
        assertThat(RUN.get()).as("items started before the job was cancelled").isLessThan(40);
    }

    @Test
    void badInputInAnItemStaysAnIllegalArgumentException() {
        assertThatThrownBy(() -> SparkTasks.run(spark, "checked", "item", items(3), i -> {
            if (i.value() == 2) {
                throw new IllegalArgumentException("value = 2 is not allowed: must be odd");
            }
            return i.value();
        }, ProgressListener.NONE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("item 3 of 3 (value=2) failed: value = 2 is not allowed: must be odd");
        assertThatThrownBy(() -> SparkTasks.run(spark, "empty", "item", List.<Item>of(), Item::value, ProgressListener.NONE))
                .hasMessageContaining("needs at least one item");
    }
}
