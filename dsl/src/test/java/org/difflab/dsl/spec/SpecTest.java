package org.difflab.dsl.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A spec's two-word choice: each word's value, the default when absent, any other word refused naming both. */
class SpecTest {

    @Test
    void oneOfTwoWordsGivesItsValueOrTheDefaultsAndRefusesOthers() {
        assertThat(Spec.parse("clock", "c:unit=ms").oneOf("unit", "s", "s", TimeUnit.SECONDS, "ms", TimeUnit.MILLISECONDS))
                .isEqualTo(TimeUnit.MILLISECONDS);
        assertThat(Spec.parse("clock", "c").oneOf("unit", "s", "s", TimeUnit.SECONDS, "ms", TimeUnit.MILLISECONDS)).isEqualTo(TimeUnit.SECONDS);
        assertThatThrownBy(() -> Spec.parse("clock", "c:unit=h").oneOf("unit", "s", "s", TimeUnit.SECONDS, "ms", TimeUnit.MILLISECONDS))
                .hasMessage("clock spec 'c:unit=h': unit = h is not allowed: must be s or ms");
    }
}
