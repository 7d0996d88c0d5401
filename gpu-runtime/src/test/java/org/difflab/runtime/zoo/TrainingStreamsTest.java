package org.difflab.runtime.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.difflab.runtime.unet.TrainingSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two training streams through the real zoo code path, on ZooTest's tiny entries (8 x 8 images). */
class TrainingStreamsTest {
    private static final TrainingSettings TINY = ZooTest.TINY;
    private static final ZooEntry W4 = ZooTest.W4;
    private static final ZooEntry W8 = ZooTest.W8;

    @TempDir
    Path one;
    @TempDir
    Path two;

    @Test
    void twoStreamsTrainingAtOnceGiveTheSameBitsAsOneStream() throws Exception {
        Map<String, String> single = new ConcurrentHashMap<>();
        try (Zoo zoo = Zoo.of(List.of(W4, W8), one, s -> { })) {
            TrainingStreams.run(List.of(zoo.trainingJob("tiny-w4"), zoo.trainingJob("tiny-w8")), 1, s -> { });
            zoo.names().forEach(n -> single.put(n, zoo.record(n).orElseThrow().sha256()));
            assertThat(zoo.trainings()).isEqualTo(2);
        }
        CyclicBarrier together = new CyclicBarrier(2); // both entries start training at the same moment, on two threads
        List<String> threads = new CopyOnWriteArrayList<>();
        try (Zoo zoo = Zoo.of(List.of(W4, W8), two, s -> { })) {
            List<TrainingStreams.Job> jobs = zoo.names().stream().map(n -> new TrainingStreams.Job(n, 1, () -> {
                threads.add(Thread.currentThread().getName());
                await(together);
                zoo.train(n);
            })).toList();
            TrainingStreams.run(jobs, 2, s -> { });
            assertThat(threads).containsExactlyInAnyOrder("difflab-train-1", "difflab-train-2");
            for (String n : zoo.names()) {
                assertThat(zoo.record(n).orElseThrow().sha256()).as(n).isEqualTo(single.get(n));
                assertThat(zoo.record(n).orElseThrow().trainCpuSeconds()).isPositive();
            }
        }
    }

    @Test
    void anInterruptStopsEveryStreamAndCachesNothing() throws Exception {
        ZooEntry long4 = new ZooEntry("tiny-w4", W4.config(), TINY, 300);
        ZooEntry long8 = new ZooEntry("tiny-w8", W8.config(), TINY, 300);
        CountDownLatch bothTraining = new CountDownLatch(2);
        List<String> messages = new CopyOnWriteArrayList<>();
        Consumer<String> progress = s -> {
            messages.add(s);
            if (s.contains(": iteration 30/300,")) {
                bothTraining.countDown();
            }
        };
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        try (Zoo zoo = Zoo.of(List.of(long4, long8), one, progress)) {
            Thread caller = new Thread(() -> {
                try {
                    TrainingStreams.run(List.of(zoo.trainingJob("tiny-w4"), zoo.trainingJob("tiny-w8")), 2, progress);
                } catch (RuntimeException e) {
                    outcome.set(e);
                }
            });
            caller.start();
            while (caller.isAlive() && !bothTraining.await(100, TimeUnit.MILLISECONDS)) {
                // wait until both entries are well into training (or the run ended early: the assertions below say why)
            }
            assertThat(outcome.get()).as("the run before the interrupt").isNull();
            caller.interrupt();
            caller.join();
            assertThat(outcome.get()).isInstanceOf(CancellationException.class).hasMessageContaining("every stream stopped");
            assertThat(zoo.record("tiny-w4")).isEmpty();
            assertThat(zoo.record("tiny-w8")).isEmpty();
            assertThat(zoo.trainings()).isZero();
        }
        assertThat(messages).noneMatch(s -> s.contains("trained in"));
        try (Stream<Path> files = Files.list(one)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(f -> f.endsWith(".ckpt") || f.endsWith(".tmp"));
        }
    }

    @Test
    void aFailedJobStopsTheOtherStreamAndIsRethrown() throws IOException {
        ZooEntry long8 = new ZooEntry("tiny-w8", W8.config(), TINY, 300);
        CountDownLatch training = new CountDownLatch(1);
        try (Zoo zoo = Zoo.of(List.of(long8), one, s -> {
            if (s.contains(": iteration ")) {
                training.countDown();
            }
        })) {
            TrainingStreams.Job failing = new TrainingStreams.Job("broken", 1, () -> {
                try {
                    training.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("broken job");
            });
            assertThatThrownBy(() -> TrainingStreams.run(List.of(zoo.trainingJob("tiny-w8"), failing), 2, s -> { }))
                    .isInstanceOf(IllegalStateException.class).hasMessage("broken job");
            assertThat(zoo.record("tiny-w8")).isEmpty();
        }
        try (Stream<Path> files = Files.list(one)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(f -> f.endsWith(".ckpt") || f.endsWith(".tmp"));
        }
    }

    @Test
    void badArgumentsAreNamed() {
        Runnable nothing = () -> { };
        assertThatThrownBy(() -> new TrainingStreams.Job("w", Double.NaN, nothing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("estimatedCost = NaN").hasMessageContaining("job w");
        assertThatThrownBy(() -> TrainingStreams.run(List.of(), 0, s -> { })).hasMessageContaining("streams = 0");
        assertThat(W8.estimatedTrainingCost()).isGreaterThan(W4.estimatedTrainingCost());
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
