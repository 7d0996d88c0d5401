package org.difflab.plugin.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExpectTest {

    @Test
    void holdingChecksSayWhatHeldAndFailingOnesThrowNamingTheValue() {
        assertThat(Expect.between("heun order", 2.001, 1.9, 2.1)).isEqualTo("heun order = 2.0010 in [1.9000, 2.1000]: holds");
        assertThatThrownBy(() -> Expect.between("heun order", 1.5, 1.9, 2.1)).isInstanceOf(AssertionError.class)
                .hasMessage("heun order = 1.5000, expected in [1.9000, 2.1000]");
        assertThatThrownBy(() -> Expect.between("x", Double.NaN, 0, 1)).isInstanceOf(AssertionError.class);
        assertThat(Expect.atMost("TV", 1e-4, 1e-3)).isEqualTo("TV = 1.0000e-04 <= 0.0010: holds");
        assertThatThrownBy(() -> Expect.atMost("TV", 0.5, 0.1)).isInstanceOf(AssertionError.class).hasMessage("TV = 0.5000, expected <= 0.1000");
        assertThat(Expect.that("conformance passes", true)).isEqualTo("conformance passes: holds");
        assertThatThrownBy(() -> Expect.that("conformance passes", false)).hasMessage("expected: conformance passes");
        MimeBundle all = Repr.of(Expect.all(Expect.that("a", true), Expect.atMost("b", 1, 2)));
        assertThat(all.get(MimeBundle.TEXT)).isEqualTo("a: holds\nb = 1.0000 <= 2.0000: holds");
        assertThat(all.get(MimeBundle.HTML)).isEqualTo("<ul><li>a: holds</li><li>b = 1.0000 &lt;= 2.0000: holds</li></ul>");
    }
}
