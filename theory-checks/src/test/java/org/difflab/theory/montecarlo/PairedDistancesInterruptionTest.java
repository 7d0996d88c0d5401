package org.difflab.theory.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/**
 * The O(n^2) loops of the paired distances and of the U-statistic metrics (MMD^2, energy distance) look at the
 * interrupt flag (issue 26: tens of seconds of pure Java for tens of thousands of rows, no sampler step between): an
 * interrupt stops them with a message saying where, the flag is consumed, and the next call gives the same bits.
 */
class PairedDistancesInterruptionTest {
    private static final double[][] TRUTH = Normals.draw(2, 0, 1, 60, 1);
    private static final List<double[][]> RUNS = List.of(Normals.draw(2, 0.1, 1, 40, 2), Normals.draw(2, 0.3, 1, 40, 3));

    @Test
    void pairedDistancesStopInTheirFirstLoopAndTheNextCallIsUnchanged() {
        PairedDistances before = PairedDistances.mmd(RUNS, TRUTH, 50, 7);
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> PairedDistances.mmd(RUNS, TRUTH, 50, 7)).isInstanceOf(CancellationException.class)
                .hasMessage("the paired distances (MMD^2) were interrupted in their pairwise distances (0 of 140 done); nothing was computed");
        assertThat(Thread.currentThread().isInterrupted()).as("the flag is consumed").isFalse();
        assertThat(PairedDistances.mmd(RUNS, TRUTH, 50, 7).values()).isEqualTo(before.values());

        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> PairedDistances.slicedW2(RUNS, TRUTH, 4, 50, 7)).isInstanceOf(CancellationException.class)
                .hasMessage("the paired distances (sliced W2^2 over 4 random directions) were interrupted in their bootstrap resamples "
                        + "(0 of 50 done); nothing was computed");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void uStatisticMetricsStopInTheirPairwiseKernel() {
        double[][] x = Normals.draw(2, 0, 1, 80, 4);
        double[][] y = Normals.draw(2, 0.5, 1, 80, 5);
        Estimate before = SampleMetrics.energy().between(x, y);
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> SampleMetrics.energy().between(x, y)).isInstanceOf(CancellationException.class)
                .hasMessage("energy distance was interrupted in its pairwise kernel (row 1 of 80); it was not computed");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(SampleMetrics.energy().between(x, y)).isEqualTo(before);
    }
}
