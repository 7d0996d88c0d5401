package org.difflab.dsl.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A spec's getters: a two-word choice (each word's value, the default when absent, any other word refused naming both)
 * and the numbers (each refused with the key, its text and what is allowed).
 */
class SpecTest {

    @Test
    void oneOfTwoWordsGivesItsValueOrTheDefaultsAndRefusesOthers() {
        assertThat(Spec.parse("clock", "c:unit=ms").oneOf("unit", "s", "s", TimeUnit.SECONDS, "ms", TimeUnit.MILLISECONDS))
                .isEqualTo(TimeUnit.MILLISECONDS);
        assertThat(Spec.parse("clock", "c").oneOf("unit", "s", "s", TimeUnit.SECONDS, "ms", TimeUnit.MILLISECONDS)).isEqualTo(TimeUnit.SECONDS);
        assertThatThrownBy(() -> Spec.parse("clock", "c:unit=h").oneOf("unit", "s", "s", TimeUnit.SECONDS, "ms", TimeUnit.MILLISECONDS))
                .hasMessage("clock spec 'c:unit=h': unit = h is not allowed: must be s or ms");
    }

    @Test
    void numbersAreReadOrRefusedNamingKeyValueAndWhatIsAllowed() {
        Spec s = Spec.parse("target", "t:a=0.5,b=-1,c=inf,d=nan,e=-inf,f=x");
        assertThat(s.real("a", 9)).isEqualTo(0.5);
        assertThat(s.positiveReal("a", 9)).isEqualTo(0.5);
        assertThat(s.positiveReal("absent", 2)).isEqualTo(2.0);
        assertThat(s.realOrInfinity("c", 1)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(s.realOrInfinity("a", 1)).isEqualTo(0.5);
        assertThatThrownBy(() -> s.positiveReal("b", 1)).hasMessage("target spec 't:a=0.5,b=-1,c=inf,d=nan,e=-inf,f=x': b = -1.0 is not allowed: must be > 0");
        assertThatThrownBy(() -> s.real("c", 1)).hasMessageEndingWith("c = inf is not allowed: must be a finite number");
        assertThatThrownBy(() -> s.real("f", 1)).hasMessageEndingWith("f = x is not allowed: must be a finite number");
        assertThatThrownBy(() -> s.realOrInfinity("d", 1)).hasMessageEndingWith("d = nan is not allowed: must be a finite number or inf");
        assertThatThrownBy(() -> s.realOrInfinity("e", 1)).hasMessageEndingWith("e = -inf is not allowed: must be a finite number or inf");
    }
}
