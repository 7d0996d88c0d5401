package org.difflab.theory.convergence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesBySpecTest {

    @Test
    void findsTheSeriesOfASpecAndRefusesAnotherNamingThoseThereAre() {
        Map<String, Integer> series = Map.of("heun", 2);
        assertThat(SeriesBySpec.get(series, "heun")).isEqualTo(2);
        assertThatThrownBy(() -> SeriesBySpec.get(series, "ddim")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("integratorSpec = 'ddim' is not allowed: one of [heun]");
    }
}
