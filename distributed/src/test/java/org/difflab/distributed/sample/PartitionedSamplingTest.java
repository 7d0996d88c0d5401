package org.difflab.distributed.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import java.util.List;
import org.difflab.dsl.noise.NoiseSources;
import org.difflab.dsl.noise.OffsetNoise;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.junit.jupiter.api.Test;

/** How samples are cut into partitions: single samples for batch-invariant models, whole batches of the local run otherwise. */
class PartitionedSamplingTest {

    /** A model that is not batch invariant (as networks are), never opened here. */
    private record Network() implements ModelFactory {
        @Override
        public Opened open(NoiseSchedule schedule, Device device) {
            throw new UnsupportedOperationException("not opened by the partitioning");
        }

        @Override
        public String describe() {
            return "network";
        }
    }

    private static List<long[]> ranges(ModelFactory model, int n, int batch, int parts) {
        SampleJob job = new SampleJob(model, "linear:T=1000", "ddim", "uniform", 10, 1, batch, false, "cpu");
        return PartitionedSampling.ranges(job, n, parts).stream().map(r -> new long[] {r.first(), r.size()}).toList();
    }

    @Test
    void aBatchInvariantModelIsCutIntoNearlyEqualRangesOfSamples() {
        assertThat(ranges(new TargetModel("gaussian"), 10, 4096, 4)).containsExactly(new long[] {0, 3}, new long[] {3, 3}, new long[] {6, 2},
                new long[] {8, 2});
        assertThat(ranges(new TargetModel("gaussian"), 3, 4096, 8)).hasSize(3);
    }

    @Test
    void aNetworkIsCutIntoWholeBatchesOfTheLocalRun() {
        assertThat(ranges(new Network(), 4096, 4096, 4)).containsExactly(new long[] {0, 4096});
        assertThat(ranges(new Network(), 1000, 64, 4)).containsExactly(new long[] {0, 256}, new long[] {256, 256}, new long[] {512, 256},
                new long[] {768, 232});
        assertThat(ranges(new Network(), 24, 5, 3)).containsExactly(new long[] {0, 10}, new long[] {10, 10}, new long[] {20, 4});
    }

    @Test
    void badCountsAreRefused() {
        assertThatThrownBy(() -> ranges(new Network(), 0, 5, 3)).hasMessageContaining("n = 0, parts = 3 is not allowed");
    }

    @Test
    void anOffsetSourceServesTheWholeRunsSamples() {
        OffsetNoise n = new OffsetNoise(NoiseSources.perSample(9), 100);
        assertThat(n.open(5, 2).first()).isEqualTo(105);
        assertThat(n.seed()).isEqualTo(9);
        assertThatThrownBy(() -> new OffsetNoise(NoiseSources.engine(9), 1)).hasMessageContaining("batch-invariant");
    }
}
