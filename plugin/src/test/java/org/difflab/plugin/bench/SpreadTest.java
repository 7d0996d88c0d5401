package org.difflab.plugin.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpreadTest {

    @Test
    void medianLowAndHighOfOddAndEvenCounts() {
        assertThat(Spread.of(new double[] {3, 1, 2})).isEqualTo(new Spread(2, 1, 3));
        assertThat(Spread.of(new double[] {4, 1, 3, 2})).isEqualTo(new Spread(2.5, 1, 4));
        assertThat(Spread.of(new double[] {7})).isEqualTo(new Spread(7, 7, 7));
        assertThatThrownBy(() -> Spread.of(new double[0])).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("values is empty");
    }
}
