package org.difflab.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SeededOrderTest {

    @Test
    void theSameSeedGivesTheSameSamplesWhateverTheBatches() {
        SeededOrder whole = SeededOrder.of(1000, 7);
        int[] reference = whole.samples(0, 3000);
        for (int batch : new int[] {1, 7, 32, 999, 1000}) {
            SeededOrder order = SeededOrder.of(1000, 7);
            int[] got = new int[3000];
            for (int first = 0; first < 3000; first += batch) {
                int count = Math.min(batch, 3000 - first);
                System.arraycopy(order.samples(first, count), 0, got, first, count);
            }
            assertThat(got).as("batch %d", batch).containsExactly(reference);
        }
        assertThat(SeededOrder.of(1000, 7).sample(2500)).isEqualTo(reference[2500]);
    }

    @Test
    void eachEpochIsAPermutationAndEpochsAndSeedsDiffer() {
        SeededOrder order = SeededOrder.of(500, 3);
        int[] first = order.samples(0, 500);
        int[] second = order.samples(500, 500);
        assertThat(sorted(first)).containsExactly(IntStream.range(0, 500).toArray());
        assertThat(sorted(second)).containsExactly(IntStream.range(0, 500).toArray());
        assertThat(first).isNotEqualTo(second).isNotEqualTo(IntStream.range(0, 500).toArray());
        assertThat(SeededOrder.of(500, 4).samples(0, 500)).isNotEqualTo(first);
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> SeededOrder.of(0, 1)).hasMessageContaining("size = 0");
        assertThatThrownBy(() -> SeededOrder.of(5, 1).sample(-1)).hasMessageContaining("position = -1");
        assertThatThrownBy(() -> SeededOrder.of(5, 1).samples(0, 0)).hasMessageContaining("count = 0");
    }

    private static int[] sorted(int[] a) {
        int[] c = a.clone();
        Arrays.sort(c);
        return c;
    }
}
