package org.difflab.theory.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The verdict rule on synthetic measurements. */
class JudgementTest {

    /** (case, expected order, fitted order, CI low, CI high, local slopes, verdict, words of the reason), tolerance 0.05. */
    static Stream<Arguments> orderJudgements() {
        return Stream.of(
                Arguments.of("CI containing the expected order holds", 2.0, 1.97, 1.90, 2.04, new double[] {1.9, 1.8}, Verdict.HOLDS,
                        new String[] {"CI contains"}),
                Arguments.of("narrow CI excluding the order but close fit and last slope holds", 1.0, 0.995, 0.992, 0.999,
                        new double[] {0.989, 0.995, 0.999}, Verdict.HOLDS, new String[] {"within tolerance"}),
                Arguments.of("clearly wrong order is violated", 2.0, 1.01, 0.99, 1.03, new double[] {1.0, 1.0}, Verdict.VIOLATED,
                        new String[] {"excludes", "0.990"}),
                Arguments.of("close fit with drifting local slopes is inconclusive", 2.0, 1.96, 1.955, 1.965, new double[] {2.2, 2.0, 1.8},
                        Verdict.INCONCLUSIVE, new String[] {"drifting"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orderJudgements")
    void orderVerdict(String label, double expected, double fit, double low, double high, double[] slopes, Verdict verdict, String[] reason) {
        Judgement j = Judgement.ofOrder(expected, 0.05, fit, low, high, slopes);
        assertThat(j.verdict()).isEqualTo(verdict);
        assertThat(j.reason()).contains(reason);
    }

    @Test
    void offOrderWithoutConfidenceIntervalIsInconclusive() {
        Judgement j = Judgement.ofOrder(2, 0.05, 1.5, Double.NaN, Double.NaN, new double[] {1.5});
        assertThat(j.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void badToleranceIsRejectedWithItsValue() {
        assertThatThrownBy(() -> Judgement.ofOrder(1, 0, 1, 1, 1, new double[] {1})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tolerance = 0.0");
    }

    @Test
    void worstVerdictWins() {
        assertThat(Verdict.HOLDS.worse(Verdict.INCONCLUSIVE)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Verdict.VIOLATED.worse(Verdict.INCONCLUSIVE)).isEqualTo(Verdict.VIOLATED);
        assertThat(Verdict.HOLDS.worse(Verdict.HOLDS)).isEqualTo(Verdict.HOLDS);
    }

    /** A CI that contains the expected order but spans many tolerances decides nothing. */
    @Test
    void uninformativeIntervalIsInconclusive() {
        Judgement j = Judgement.ofOrder(1, 0.25, 1.81, -11.9, 15.5, new double[] {1.5, 2.3});
        assertThat(j.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(j.reason()).contains("wider than 4 x the tolerance");
    }
}
