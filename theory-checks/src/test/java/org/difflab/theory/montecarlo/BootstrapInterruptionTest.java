package org.difflab.theory.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/**
 * A bootstrap looks at the interrupt flag before every resample (issue 26: a study's metric over millions of samples
 * takes seconds of resamples without a sampler step in between), consumes it and stops; the next call is unchanged.
 */
class BootstrapInterruptionTest {
    private static final double[] A = {-1.2, -0.3, 0.1, 0.4, 2.0};
    private static final double[] B = {-0.8, 0.0, 0.2, 0.9, 1.5};

    /** A statistic of two sorted resamples: the gap between their medians. */
    private static double medianGap(double[] a, double[] b) {
        return a[a.length / 2] - b[b.length / 2];
    }

    @Test
    void anInterruptStopsBeforeTheNextResampleAndTheNextCallIsUnchanged() {
        double before = Bootstrap.standardError(A, B, 200, 7, BootstrapInterruptionTest::medianGap);
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> Bootstrap.standardError(A, B, 200, 7, BootstrapInterruptionTest::medianGap))
                .isInstanceOf(CancellationException.class)
                .hasMessage("the bootstrap was interrupted before resample 1 of 200; its standard error was not computed");
        assertThat(Thread.currentThread().isInterrupted()).as("the flag is consumed").isFalse();
        int[] calls = {0};
        assertThatThrownBy(() -> Bootstrap.standardError(A.length, 1000, 7, counts -> {
            if (++calls[0] == 10) {
                Thread.currentThread().interrupt(); // lands during the 10th resample
            }
            return counts[0];
        })).isInstanceOf(CancellationException.class).hasMessageStartingWith("the bootstrap was interrupted before resample 11 of 1000");
        assertThat(Bootstrap.standardError(A, B, 200, 7, BootstrapInterruptionTest::medianGap)).isEqualTo(before).isPositive();
    }
}
