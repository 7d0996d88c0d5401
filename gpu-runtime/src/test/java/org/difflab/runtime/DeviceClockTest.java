package org.difflab.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeviceClockTest {

    @Test
    void measuresTheTimeFromStartToTheResult() throws InterruptedException {
        try (NDManager m = DiffLabRuntime.engine().newBaseManager(Device.cpu())) {
            DeviceClock clock = DeviceClock.start(Device.cpu());
            Thread.sleep(30);
            NDArray out = m.ones(new Shape(256, 256)).matMul(m.ones(new Shape(256, 256)));
            Duration first = clock.stop(out);
            Duration second = clock.stop(out);
            assertThat(first).isGreaterThanOrEqualTo(Duration.ofMillis(30));
            assertThat(second).isGreaterThanOrEqualTo(first);
            assertThat(out.getFloat(255, 255)).isEqualTo(256f);
        }
    }

    @Test
    void theHostCopyReadsTheFirstValueAndKeepsNothing() {
        try (NDManager m = DiffLabRuntime.engine().newBaseManager(Device.cpu())) {
            NDArray matrix = m.arange(6f).reshape(2, 3).add(m.create(1.5f));
            NDArray vector = m.create(new double[] {-2.25, 7});
            NDArray scalar = m.create(42);
            NDArray empty = m.zeros(new Shape(0, 3));
            int arrays = m.getManagedArrays().size();
            assertThat(DeviceClock.firstValueOnHost(matrix)).isEqualTo(1.5);
            assertThat(DeviceClock.firstValueOnHost(vector)).isEqualTo(-2.25);
            assertThat(DeviceClock.firstValueOnHost(scalar)).isEqualTo(42);
            assertThat(DeviceClock.firstValueOnHost(empty)).isNaN();
            assertThat(m.getManagedArrays()).hasSize(arrays);
            assertThat(vector.getDataType()).isEqualTo(DataType.FLOAT64);
            assertThat(vector.toDoubleArray()).containsExactly(-2.25, 7); // the caller's arrays stay open
            assertThat(scalar.getInt()).isEqualTo(42);
        }
    }
}
