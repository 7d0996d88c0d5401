package org.difflab.runtime.unet;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.difflab.runtime.DiffLabRuntime;
import org.junit.jupiter.api.Test;

/** The multiply-add count of a UNet forward pass against a count by hand, and its independence of the batch. */
class UNetFlopsTest {
    /** 1 channel, side 4, width 2, multipliers 1, 2, one block per level, one group: 16,896 multiply-adds by hand. */
    private static final UNetConfig TINY = UNetConfig.of(1, 4, 2, new int[] {1, 2}, 1, 1);

    /**
     * By hand (convolution: output elements x in-channels x 9, or x in-channels for the 1 x 1 skips; dense: in x out;
     * GroupNorm: 3 x input elements): time dense layers 2 -> 8 and 8 -> 8: 16 + 64; input convolution 1 -> 2 at 4 x 4:
     * 288; down block 2 -> 2 at 4 x 4: norms 96 + 96, convolutions 576 + 576, time 16 (1,360); stride-2 convolution:
     * 144; down block 2 -> 4 at 2 x 2: 24 + 288 + 32 + 48 + 576 + skip 32 (1,000); two middle blocks 4 -> 4: 2 x 1,280;
     * up blocks at 2 x 2 from 8 and 6 channels: 2,032 and 1,688; up-sampling convolution 4 -> 4 at 4 x 4: 2,304; up
     * blocks at 4 x 4 from 6 and 4 channels: 2,896 and 2,160; output norm 96 and convolution 2 -> 1: 288.
     */
    @Test
    void aTinyNetworkCountsAsByHand() {
        assertThat(UNetFlops.multiplyAdds(TINY)).isEqualTo(16_896L);
        assertThat(UNetFlops.flops(TINY)).isEqualTo(33_792L);
    }

    @Test
    void theCountIsPerImageWhateverTheBatchTheNetworkWasInitialisedWith() {
        try (NDManager m = DiffLabRuntime.engine().newBaseManager()) {
            UNet net = new UNet(TINY);
            net.initialize(m, DataType.FLOAT32, new Shape(3, 1, 4, 4), new Shape(3));
            assertThat(UNetFlops.multiplyAdds(net)).isEqualTo(16_896L);
        }
    }

    @Test
    void doublingTheWidthAboutQuadruplesTheCost() {
        double ratio = UNetFlops.multiplyAdds(UNetConfig.of(16, 16)) / (double) UNetFlops.multiplyAdds(UNetConfig.of(16, 8));
        assertThat(ratio).isBetween(3.5, 4.0); // convolutions scale as width^2; norms and the time layers' in-features less
    }
}
