package org.difflab.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import org.junit.jupiter.api.Test;

class DiffLabRuntimeTest {

    @Test
    void startsThePyTorchEngineOfflineWithExplicitThreads() {
        assertThat(DiffLabRuntime.engine().getEngineName()).isEqualTo("PyTorch");
        assertThat(DiffLabRuntime.engine()).isSameAs(DiffLabRuntime.engine());
        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
        assertThat(System.getProperty("ai.djl.pytorch.graph_optimizer")).isEqualTo("false");
        assertThat(DiffLabRuntime.threads()).isGreaterThanOrEqualTo(1);
        assertThat(JniUtils.getNumThreads()).isEqualTo(DiffLabRuntime.threads());
        try (NDManager m = NDManager.newBaseManager(DiffLabRuntime.device("cpu"))) {
            assertThat(m.create(new float[] {1, 2}).sum().getFloat()).isEqualTo(3f);
        }
    }

    @Test
    void threadCountIsThePropertyElseOmpNumThreadsElseProcessorsAndRejectsNonsense() {
        assertThat(DiffLabRuntime.threads(null, null, 6)).isEqualTo(6);
        assertThat(DiffLabRuntime.threads("3", "1", 6)).isEqualTo(3);
        assertThat(DiffLabRuntime.threads(null, "1", 6)).isEqualTo(1);
        assertThat(DiffLabRuntime.threads(" ", "2,1", 6)).isEqualTo(2);
        assertThatThrownBy(() -> DiffLabRuntime.threads("0", null, 6)).hasMessageContaining("difflab.threads = 0")
                .hasMessageContaining(">= 1");
        assertThatThrownBy(() -> DiffLabRuntime.threads("many", null, 6)).hasMessageContaining("difflab.threads = many");
        assertThatThrownBy(() -> DiffLabRuntime.threads(null, "all", 6)).hasMessageContaining("OMP_NUM_THREADS = all");
    }

    @Test
    void aPreparedThreadReportsItsOwnThreadCount() throws InterruptedException {
        int[] seen = new int[2];
        Thread stream = new Thread(() -> {
            DiffLabRuntime.prepareThisThread(1);
            seen[0] = DiffLabRuntime.threadsOfThisThread();
            JniUtils.setNumThreads(3);
            seen[1] = DiffLabRuntime.threadsOfThisThread();
        });
        stream.start();
        stream.join();
        assertThat(seen).containsExactly(1, 3);
        assertThat(DiffLabRuntime.threadsOfThisThread()).isEqualTo(DiffLabRuntime.threads());
    }

    @Test
    void selectsCpuAndCudaWhenPresent() {
        assertThat(DiffLabRuntime.select("cpu", 0)).isEqualTo(Device.cpu());
        assertThat(DiffLabRuntime.select("cuda", 2)).isEqualTo(Device.gpu(0));
        assertThat(DiffLabRuntime.select("cuda:1", 2)).isEqualTo(Device.gpu(1));
    }

    @Test
    void absentOrUnknownDevicesNameTheRequestAndWhatIsAvailable() {
        assertThatThrownBy(() -> DiffLabRuntime.select("cuda", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("device = cuda").hasMessageContaining("available devices are cpu").hasMessageContaining("CUDA build of libtorch 2.7.1");
        assertThatThrownBy(() -> DiffLabRuntime.select("cuda:2", 2)).hasMessageContaining("cuda:0..1");
        assertThatThrownBy(() -> DiffLabRuntime.select("tpu", 0)).hasMessageContaining("device = tpu")
                .hasMessageContaining("cpu, cuda or cuda:i");
    }
}
