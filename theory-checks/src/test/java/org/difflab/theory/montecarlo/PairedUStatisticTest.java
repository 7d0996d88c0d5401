package org.difflab.theory.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PairedUStatisticTest {

    // The bootstrap's c^T H c - sum_a c_a H_aa, four rows summed side by side, is the same bits as one row at a time (each
    // row's sum in column order, the rows' terms in row order), for every remainder of rows by four.
    @Test
    void resampledSumIsTheRowByRowSumBitForBit() {
        SplittableRandom rng = new SplittableRandom(5);
        int n = 40;
        double[] h = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double v = Math.exp(-rng.nextDouble() * 3) - 0.4;
                h[i * n + j] = v;
                h[j * n + i] = v;
            }
        }
        for (int u : new int[] {1, 2, 3, 4, 5, 6, 7, 8, 13, 40}) {
            int[] used = rng.ints(0, n).distinct().limit(u).sorted().toArray();
            double[] weight = new double[u];
            for (int k = 0; k < u; k++) {
                weight[k] = 1 + rng.nextInt(4);
            }
            double rowByRow = 0;
            for (int p = 0; p < u; p++) {
                int a = used[p];
                double row = 0;
                for (int q = 0; q < u; q++) {
                    row += weight[q] * h[a * n + used[q]];
                }
                rowByRow += weight[p] * (row - h[a * n + a]);
            }
            assertThat(Double.doubleToRawLongBits(PairedUStatistic.resampled(h, n, used, weight, u)))
                    .as("%d rows", u).isEqualTo(Double.doubleToRawLongBits(rowByRow));
        }
    }
}
