package org.difflab.runtime.unet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.runtime.DiffLabRuntime;
import org.difflab.runtime.torchscript.TimeConvention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Denoising score matching on SyntheticShapes: the loss falls, runs are reproducible and resumable, no tensor
 * outlives its iteration. */
class UNetTrainerTest {
    private static final UNetConfig SMALL = UNetConfig.of(3, 8, 8, new int[] {1, 2}, 1, 2);

    @Test
    void theLossFallsTheEmaDenoisesBetterAndNothingAccumulates() {
        TrainingSettings settings = TrainingSettings.ddpm().withBatchSize(16);
        try (UNetTrainer trainer = UNetTrainer.start(UNetConfig.of(16, 8), settings)) {
            double before = heldOutLoss(trainer.scoreModel());
            trainer.step();
            int live = trainer.liveArrays();
            long start = System.nanoTime();
            double[] losses = trainer.train(149);
            double msPerIteration = (System.nanoTime() - start) / 1e6 / 149;
            double first = mean(losses, 0, 20);
            double last = mean(losses, 129, 149);
            double after = heldOutLoss(trainer.scoreModel());
            System.out.printf("UNet training (width 8, 16x16, batch 16): loss %.3f over iterations 2-21 -> %.3f over 131-150; "
                    + "held-out EMA loss %.3f -> %.3f; %.1f ms per iteration; %d parameters%n", first, last, before, after,
                    msPerIteration, trainer.network().parameterCount());
            assertThat(trainer.iteration()).isEqualTo(150);
            assertThat(last).isLessThan(0.5 * first);
            assertThat(after).isLessThan(0.6 * before);
            int tensors = trainer.network().getParameters().size();
            assertThat(live).isEqualTo(4 * tensors + 5); // weights, EMA, Adam's two moments, Adam's 5 constants
            assertThat(trainer.liveArrays()).isEqualTo(live); // nothing kept per iteration
            NDManager system; // the engine's root manager: its arrays are those of every manager
            try (NDManager probe = DiffLabRuntime.engine().newBaseManager()) {
                system = probe.getParentManager();
            }
            int everywhere = system.getManagedArrays().size();
            trainer.train(20);
            assertThat(system.getManagedArrays()).hasSize(everywhere);
        }
    }

    @Test
    void anInterruptStopsTrainingBeforeTheNextIterationWhichThenRunsAsIfNothingHappened() {
        TrainingSettings settings = TrainingSettings.ddpm().withBatchSize(4).withSeeds(7, 8);
        double[] straight;
        try (UNetTrainer trainer = UNetTrainer.start(SMALL, settings)) {
            straight = trainer.train(3);
        }
        try (UNetTrainer trainer = UNetTrainer.start(SMALL, settings)) {
            trainer.step();
            Thread.currentThread().interrupt();
            assertThatThrownBy(() -> trainer.train(2)).isInstanceOf(CancellationException.class)
                    .hasMessage("training was interrupted before iteration 2; the network holds the weights of 1 iterations");
            assertThat(Thread.currentThread().isInterrupted()).isFalse();
            assertThat(new double[] {trainer.step(), trainer.step()}).containsExactly(straight[1], straight[2]);
        }
    }

    @Test
    void aResumedRunContinuesBitForBitAndTheCheckpointRoundTripIsExact(@TempDir Path dir) {
        TrainingSettings settings = TrainingSettings.ddpm().withBatchSize(4).withSeeds(7, 8);
        Path file = dir.resolve("run.ckpt");
        double[] straight;
        float[][] straightWeights;
        try (UNetTrainer trainer = UNetTrainer.start(SMALL, settings)) {
            straight = trainer.train(10);
            straightWeights = weights(trainer);
        }
        double[] resumed = new double[10];
        try (UNetTrainer first = UNetTrainer.start(SMALL, settings)) {
            System.arraycopy(first.train(6), 0, resumed, 0, 6);
            first.save(file);
            float[] fromTrainer = evaluate(first.ema(), first.ema().getParameters().get(0).getValue().getArray().getManager());
            try (NDManager m = DiffLabRuntime.engine().newBaseManager()) {
                UNetCheckpoint c = UNetCheckpoint.load(file);
                assertThat(c.iteration()).isEqualTo(6);
                assertThat(c.config()).isEqualTo(SMALL);
                assertThat(evaluate(c.network("ema", m), m)).isEqualTo(fromTrainer);
            }
        }
        try (UNetTrainer second = UNetTrainer.resume(file, settings)) {
            assertThat(second.iteration()).isEqualTo(6);
            System.arraycopy(second.train(4), 0, resumed, 6, 4);
            assertThat(resumed).isEqualTo(straight);
            float[][] w = weights(second);
            for (int k = 0; k < w.length; k++) {
                assertThat(w[k]).isEqualTo(straightWeights[k]);
            }
        }
        try (UNetTrainer other = UNetTrainer.start(SMALL, settings.withSeeds(7, 9))) {
            assertThat(other.train(10)).isNotEqualTo(straight);
        }
    }

    @Test
    void badSettingsAndFilesNameTheParameterAndWhatIsAllowed(@TempDir Path dir) throws IOException {
        TrainingSettings d = TrainingSettings.ddpm();
        assertThatThrownBy(() -> d.withBatchSize(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batchSize = 0");
        assertThatThrownBy(() -> d.withLearningRate(0)).hasMessageContaining("learningRate = 0.0").hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> d.withEmaDecay(1)).hasMessageContaining("emaDecay = 1.0").hasMessageContaining("[0, 1)");
        assertThatThrownBy(() -> new TrainingSettings(Schedules.ddpm(), TimeConvention.trainingIndex(500), 8, 1e-3, 0.99, 1, 2))
                .hasMessageContaining("t = 1000.0").hasMessageContaining("[1, 500]");
        assertThatThrownBy(() -> UNetTrainer.start(UNetConfig.of(1, 8, 8, new int[] {1}, 1, 2), d))
                .hasMessageContaining("config.channels = 1").hasMessageContaining("3 channels");
        assertThatThrownBy(() -> UNetTrainer.start(UNetConfig.of(12, 8), d)).hasMessageContaining("size = 12")
                .hasMessageContaining("multiple of 8");
        Path missing = dir.resolve("absent.ckpt");
        assertThatThrownBy(() -> UNetCheckpoint.load(missing)).hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
        Path text = Files.writeString(dir.resolve("notes.ckpt"), "not a checkpoint");
        assertThatThrownBy(() -> UNetCheckpoint.load(text)).hasMessageContaining(text.toString())
                .hasMessageContaining("not a DiffLab UNet checkpoint");
        Path good = dir.resolve("good.ckpt");
        try (UNetTrainer t = UNetTrainer.start(SMALL, d.withBatchSize(2))) {
            t.save(good);
            byte[] bytes = Files.readAllBytes(good);
            Path truncated = Files.write(dir.resolve("truncated.ckpt"), Arrays.copyOf(bytes, bytes.length - 10));
            assertThatThrownBy(() -> UNetCheckpoint.load(truncated)).hasMessageContaining("truncated");
            byte[] v2 = bytes.clone();
            v2[2 + "difflab-unet".length() + 3] = 2;
            Path version = Files.write(dir.resolve("v2.ckpt"), v2);
            assertThatThrownBy(() -> UNetCheckpoint.load(version)).hasMessageContaining("has version 2")
                    .hasMessageContaining("reads version 1");
            UNetCheckpoint c = UNetCheckpoint.load(good);
            assertThatThrownBy(() -> c.copyParameters("ema", new UNet(UNetConfig.of(16, 8)).initialize(t.network().getParameters()
                    .get(0).getValue().getArray().getManager(), 1))).hasMessageContaining("net has architecture")
                    .hasMessageContaining("it holds " + SMALL);
            assertThatThrownBy(() -> c.network("swa", t.network().getParameters().get(0).getValue().getArray().getManager()))
                    .hasMessageContaining("tensor swa/01timeDense1_weight is not in the checkpoint");
        }
    }

    /** The EMA noise-prediction loss on a fixed batch of 32 images at 8 fixed times: the test's held-out measure. */
    private static double heldOutLoss(UNetScoreModel model) {
        int n = 32;
        float[] x0 = SyntheticShapesFixture.images(n, 16);
        java.util.SplittableRandom rng = new java.util.SplittableRandom(99);
        float[] eps = new float[x0.length];
        float[] xt = new float[x0.length];
        NoiseLevel[] levels = new NoiseLevel[n];
        int per = 3 * 16 * 16;
        for (int r = 0; r < n; r++) {
            levels[r] = Schedules.ddpm().level(1 + 125 * (r % 8) + 62);
            for (int k = r * per; k < (r + 1) * per; k++) {
                eps[k] = (float) gaussian(rng);
                xt[k] = (float) (levels[r].alpha() * x0[k] + levels[r].sigma() * eps[k]);
            }
        }
        try (NDManager m = DiffLabRuntime.engine().newBaseManager()) {
            Shape s = new Shape(n, 3, 16, 16);
            return model.predict(m.create(xt, s), levels).sub(m.create(eps, s)).square().mean().getFloat();
        }
    }

    private static double gaussian(java.util.SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    private static float[] evaluate(UNet net, NDManager m) {
        try (NDManager sub = m.newSubManager()) {
            NDArray x = sub.create(SyntheticShapesFixture.images(2, 8), new Shape(2, 3, 8, 8));
            return net.forward(new ParameterStore(sub, false), new NDList(x, sub.create(new float[] {10, 900})), false)
                    .head().toFloatArray();
        }
    }

    private static float[][] weights(UNetTrainer t) {
        int n = t.network().getParameters().size();
        float[][] out = new float[2 * n][];
        int k = 0;
        for (UNet net : new UNet[] {t.network(), t.ema()}) {
            for (Pair<String, Parameter> p : net.getParameters()) {
                out[k++] = p.getValue().getArray().toFloatArray();
            }
        }
        return out;
    }

    private static double mean(double[] a, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += a[i];
        }
        return s / (to - from);
    }

    @Test
    void aThreadTheEngineDidNotStartOnTrainsWhileAnotherThreadRecordsGradientsToo() throws InterruptedException {
        TrainingSettings d = TrainingSettings.ddpm().withBatchSize(2);
        double[][] losses = new double[2][];
        RuntimeException[] failure = new RuntimeException[1];
        try (UNetTrainer here = UNetTrainer.start(SMALL, d); UNetTrainer there = UNetTrainer.start(SMALL, d)) {
            Thread fresh = new Thread(() -> { // PyTorch's grad mode starts on there: the updates must still be allowed
                try {
                    losses[1] = there.train(3);
                } catch (RuntimeException e) {
                    failure[0] = e;
                }
            });
            fresh.start();
            losses[0] = here.train(3);
            fresh.join();
        }
        assertThat(failure[0]).isNull();
        assertThat(losses[0]).hasSize(3).doesNotContain(Double.NaN);
        assertThat(losses[1]).hasSize(3).doesNotContain(Double.NaN);
        assertThat(Arrays.stream(losses[1]).max().orElseThrow()).isLessThan(10.0);
    }
}
