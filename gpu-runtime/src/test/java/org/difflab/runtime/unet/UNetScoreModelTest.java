package org.difflab.runtime.unet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.difflab.dsl.Diffusion;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.model.Parameterization;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.runtime.DiffLabRuntime;
import org.difflab.runtime.NetworkModelChecks;
import org.difflab.runtime.torchscript.TimeConvention;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The UNet as a ScoreModel: one forward per call also with a level per row, equal to row-by-row calls; precise errors. */
class UNetScoreModelTest {
    private static final NoiseSchedule DDPM = Schedules.ddpm();
    private static final Shape BATCH = new Shape(4, 3, 8, 8);
    private static NDManager weights;
    private static UNetScoreModel model;
    private static float[] x;
    private static final NoiseLevel[] LEVELS = {DDPM.level(1), DDPM.level(37), DDPM.level(500.5), DDPM.level(1000)};

    @BeforeAll
    static void build() {
        weights = DiffLabRuntime.engine().newBaseManager();
        UNet net = new UNet(UNetConfig.of(3, 8, 8, new int[] {1, 2}, 1, 2)).initialize(weights, 3);
        model = UNetScoreModel.of(net, TimeConvention.trainingIndex(1000));
        x = SyntheticShapesFixture.images(4, 8);
    }

    @AfterAll
    static void close() {
        model.close();
        weights.close();
    }

    @Test
    void aLevelPerRowIsOneForwardEqualToRowByRowCalls() {
        int per = 3 * 8 * 8;
        try (NDManager m = DiffLabRuntime.engine().newBaseManager()) {
            NDArray batch = m.create(x, BATCH);
            long before = model.forwards();
            float[] all = model.predict(batch, LEVELS).toFloatArray();
            assertThat(model.forwards() - before).isEqualTo(1);
            double worst = 0;
            for (int r = 0; r < 4; r++) {
                float[] row = model.predict(batch.get(r + ":" + (r + 1)), LEVELS[r]).toFloatArray();
                worst = Math.max(worst, UNetTorchScriptTest.maxAbsDiff(row, Arrays.copyOfRange(all, r * per, (r + 1) * per)));
            }
            System.out.printf("UNet score model: max |batched per-row levels - row by row| = %.3g%n", worst);
            assertThat(worst).isLessThan(1e-5);
            float[] shared = model.predict(batch, LEVELS[2]).toFloatArray();
            assertThat(UNetTorchScriptTest.maxAbsDiff(Arrays.copyOf(shared, per), Arrays.copyOf(all, per))).isGreaterThan(1e-3);
        }
    }

    @Test
    void declaresEpsAndTheImageShapeAndReadsTimeByItsConvention() {
        assertThat(model.parameterization()).isEqualTo(Parameterization.EPS);
        assertThat(model.eventShape()).isEqualTo(new Shape(3, 8, 8));
        assertThat(model.describe()).isEqualTo("UNet unet:channels=3,size=8,width=8,multipliers=1/2,blocks=1,groups=2 (eps, "
                + "time index:N=1000)");
        try (NDManager m = DiffLabRuntime.engine().newBaseManager()) {
            NDArray batch = m.create(x, BATCH);
            float[] viaLevel = model.predict(batch, DDPM.level(37)).toFloatArray();
            UNetScoreModel continuous = UNetScoreModel.of(model.network(), TimeConvention.continuous(1));
            float[] viaTime36 = continuous.predict(batch, new NoiseLevel(36, 0.5, 0.5)).toFloatArray(); // network t = 36
            assertThat(viaTime36).isEqualTo(viaLevel);
        }
    }

    @Test
    void float64InputIsEvaluatedInFloat32AndReturnedInFloat64() {
        try (NDManager m = DiffLabRuntime.engine().newBaseManager()) {
            float[] f32 = model.predict(m.create(x, BATCH), LEVELS).toFloatArray();
            NDArray out = model.predict(m.create(x, BATCH).toType(DataType.FLOAT64, false), LEVELS);
            assertThat(out.getDataType()).isEqualTo(DataType.FLOAT64);
            assertThat(out.toType(DataType.FLOAT32, false).toFloatArray()).isEqualTo(f32);
        }
    }

    @Test
    void onlyThePredictionOutlivesACall() {
        try (NDManager m = DiffLabRuntime.engine().newBaseManager()) {
            NDArray x32 = m.create(x, BATCH);
            NDArray x64 = x32.toType(DataType.FLOAT64, false);
            int weightsBefore = weights.getManagedArrays().size();
            for (int i = 0; i < 50; i++) {
                model.predict(x32, LEVELS);
                model.predict(x64, LEVELS[1]);
            }
            assertThat(m.getManagedArrays()).hasSize(2 + 100); // the inputs and one prediction per call, nothing else
            assertThat(weights.getManagedArrays()).hasSize(weightsBefore);
        }
    }

    @Test
    void runsInsideASamplerWithOneForwardPerModelEvaluation() {
        NetworkModelChecks.assertOneForwardPerEvaluation(model, model::forwards, s -> assertThat(s.tensor().isNaN().any().getBoolean()).isFalse());
    }

    /**
     * Issue 23: {@code difflab check} runs claims on plain worker threads, where PyTorch records gradients (its default
     * for a thread; DJL turns recording off only on the thread that starts the engine), and the UNet's weights require
     * gradients, so a forward pass there records its graph. A sampler feeds each prediction into the next state, so the
     * last state then holds the graph, saved activations included, of every step before it. Here, on such a thread: the
     * network called directly leaves history (the detector works), a 10-step DDIM sample through the score model leaves
     * none, and the thread still records afterwards. Without {@code NetworkScoreModel}'s fix the sample has history.
     */
    @Test
    void aSampleDrawnOnAThreadThatRecordsGradientsCarriesNoAutogradHistory() throws Exception {
        DiffLabRuntime.engine(); // started here, not on the worker, as difflab check starts it on its main thread
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "like-difflab-check"));
        boolean[] seen;
        try {
            seen = worker.submit(UNetScoreModelTest::historyOnThisThread).get();
        } finally {
            worker.shutdown();
        }
        assertThat(seen[0]).as("a new thread records gradients (PyTorch's default)").isTrue();
        assertThat(seen[1]).as("the network called directly on it leaves autograd history").isTrue();
        assertThat(seen[2]).as("a sample drawn through the score model carries autograd history").isFalse();
        assertThat(seen[3]).as("the thread still records gradients after the run").isTrue();
    }

    /** {recording at the start, history of a direct forward, history of a sample, recording at the end} on this thread. */
    private static boolean[] historyOnThisThread() {
        boolean recording = JniUtils.isGradMode();
        try (NDManager m = DiffLabRuntime.engine().newBaseManager()) {
            UNet net = new UNet(UNetConfig.of(3, 8, 8, new int[] {1, 2}, 1, 2)).initialize(m, 5);
            NDArray direct = net.forward(new ParameterStore(m, false), new NDList(m.create(x, BATCH), m.create(new float[] {9, 99,
                    499, 999})), false).head();
            boolean directHistory = carriesHistory(direct);
            try (Samples s = Diffusion.sampler().schedule(DDPM).model(UNetScoreModel.of(net, TimeConvention.trainingIndex(1000)))
                    .integrator(Integrators.ddim()).grid(Grids.uniform(10)).seed(3).batchSize(8).sample(8)) {
                return new boolean[] {recording, directHistory, carriesHistory(s.tensor()), JniUtils.isGradMode()};
            }
        }
    }

    /**
     * Whether y ends a recorded autograd graph. A backward pass from its sum (recorded) is refused at once with "does not
     * require grad" when it has none; with one it runs, or fails inside the graph (a sampler's state also reports saved
     * scalars that the run later overwrote in place). DJL's {@code NDArray.hasGradient} cannot tell: in 0.35.1 it is true
     * only for a leaf (or a tensor that retains its gradient), never for the output of a recorded operation.
     */
    private static boolean carriesHistory(NDArray y) {
        boolean recording = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
        try (NDArray total = y.sum(); NDArray ones = total.onesLike()) {
            JniUtils.backward((PtNDArray) total, (PtNDArray) ones, false, false);
            return true;
        } catch (EngineException e) {
            return !String.valueOf(e.getMessage()).contains("does not require grad");
        } finally {
            JniUtils.setGradMode(recording);
        }
    }

    @Test
    void badCallsNameTheArgumentAndWhatIsAllowed() {
        try (NDManager m = DiffLabRuntime.engine().newBaseManager()) {
            NetworkModelChecks.assertBadCallsAreNamed(model, m, LEVELS);
            assertThatThrownBy(() -> model.predict(m.zeros(new Shape(2, 3, 8, 8)), new NoiseLevel[] {LEVELS[0], null}))
                    .hasMessageContaining("levels[1] is missing");
            assertThatThrownBy(() -> UNetScoreModel.of(new UNet(UNetConfig.of(16, 8)), TimeConvention.sigma()))
                    .hasMessageContaining("net is not initialised");
        }
    }
}
