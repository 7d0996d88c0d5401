package org.difflab.dsl.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The linear cost model scales a probe to the request, and only estimates past 10 s are announced. */
class DurationEstimateTest {

    @Test
    void aProbeScalesLinearlyToTheRequest() {
        DurationEstimate e = DurationEstimate.scaled(0.2, 4, 1000 * 50, "from a 4-step probe of one batch");
        assertThat(e.seconds()).isCloseTo(2500, within(1e-9));
        assertThat(e.line("difflab sample")).hasValue("difflab sample: about 42 min on this machine (from a 4-step probe of one batch)");
        assertThat(DurationEstimate.scaled(0.2, 4, 200, "x").line("difflab sample")).as("10 s is not announced").isEmpty();
        assertThat(DurationEstimate.scaled(0.2, 4, 201, "x").line("difflab sample")).hasValue("difflab sample: about 10 s on this machine (x)");
    }

    @Test
    void durationsReadAsPeopleSayThem() {
        assertThat(DurationEstimate.human(0.2)).isEqualTo("about 1 s");
        assertThat(DurationEstimate.human(89)).isEqualTo("about 89 s");
        assertThat(DurationEstimate.human(125)).isEqualTo("about 2 min");
        assertThat(DurationEstimate.human(5400)).isEqualTo("about 1.5 h");
        assertThat(DurationEstimate.human(3 * 86400)).isEqualTo("about 3 days");
    }

    @Test
    void aProbeWithoutWorkIsRefused() {
        assertThatThrownBy(() -> DurationEstimate.scaled(1, 0, 10, "x")).hasMessageContaining("probe units > 0");
        assertThatThrownBy(() -> DurationEstimate.scaled(Double.NaN, 1, 10, "x")).hasMessageContaining("probe of NaN s");
    }
}
