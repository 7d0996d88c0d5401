package org.difflab.theory.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The verdict rule on synthetic measurements. */
class JudgementTest {

    @Test
    void ciContainingTheExpectedOrderHolds() {
        Judgement j = Judgement.ofOrder(2, 0.05, 1.97, 1.90, 2.04, new double[] {1.9, 1.8});
        assertThat(j.verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(j.reason()).contains("CI contains");
    }

    @Test
    void narrowCiExcludingTheOrderButCloseFitAndLastSlopeHolds() {
        Judgement j = Judgement.ofOrder(1, 0.05, 0.995, 0.992, 0.999, new double[] {0.989, 0.995, 0.999});
        assertThat(j.verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(j.reason()).contains("within tolerance");
    }

    @Test
    void clearlyWrongOrderIsViolated() {
        Judgement j = Judgement.ofOrder(2, 0.05, 1.01, 0.99, 1.03, new double[] {1.0, 1.0});
        assertThat(j.verdict()).isEqualTo(Verdict.VIOLATED);
        assertThat(j.reason()).contains("excludes", "0.990");
    }

    @Test
    void closeFitWithDriftingLocalSlopesIsInconclusive() {
        Judgement j = Judgement.ofOrder(2, 0.05, 1.96, 1.955, 1.965, new double[] {2.2, 2.0, 1.8});
        assertThat(j.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(j.reason()).contains("drifting");
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
