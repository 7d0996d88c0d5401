package org.difflab.theory.claims;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The two-sided band with the measurement's interval: a verdict is never decided by noise at the band's edge. */
class BandTest {

    @Test
    void insideHoldsOnlyWithTheWholeIntervalInside() {
        assertThat(Band.inside(1, 0.05, 1.02, 1.01, 1.03, "ratio").verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(Band.inside(1, 0.05, 1.052, 1.034, 1.070, "ratio").verdict()).as("the PMM-25 coin flip of the old rule")
                .isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Band.inside(1, 0.05, 1.0485, 1.0485, 1.0485, "ratio").verdict()).as("its exact value").isEqualTo(Verdict.HOLDS);
        assertThat(Band.inside(1, 0.05, 0.94, 0.93, 0.945, "ratio").verdict()).isEqualTo(Verdict.VIOLATED);
        assertThat(Band.inside(1, 0.05, 0.963, 0.963, 0.963, "ratio").reason()).contains("0.9630 (exact)", "band 1.0000 +- 0.0500");
    }

    @Test
    void outsideIsTheMirrorImage() {
        assertThat(Band.outside(1, 0.05, 0.86, 0.86, 0.86, "ratio").verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(Band.outside(1, 0.05, 0.96, 0.96, 0.96, "ratio").verdict()).isEqualTo(Verdict.VIOLATED);
        assertThat(Band.outside(1, 0.05, 0.95, 0.94, 0.96, "ratio").verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void aViolatedReconstructionIsAFindingAndDoesNotFail() {
        Provenance paper = Provenance.paper("A (2024)", "Theorem 1");
        Provenance ours = Provenance.reconstruction("A (2024)", "Theorem 1").differs("our scheme");
        Check violated = new Check("s", "q", 1, Double.NaN, Double.NaN, "0", Judgement.of(false, "off"));
        Chart chart = Chart.of("t", "x", "y", false, false).measured("m", new double[] {1}, new double[] {1}).build();
        ClaimResult asPaper = new ClaimResult(new FixedClaim(paper), java.util.List.of(violated), java.util.List.of(), chart, 0);
        ClaimResult asReconstruction = new ClaimResult(new FixedClaim(ours), java.util.List.of(violated), java.util.List.of(), chart, 0);
        assertThat(asPaper.verdict()).isEqualTo(Verdict.VIOLATED);
        assertThat(asPaper.failed()).isTrue();
        assertThat(asReconstruction.verdict()).isEqualTo(Verdict.FINDING);
        assertThat(asReconstruction.measuredVerdict()).isEqualTo(Verdict.VIOLATED);
        assertThat(asReconstruction.failed()).isFalse();
        assertThat(Provenance.consistency("DiffLab", "exactness").kind().violationFails()).isTrue();
    }

    /** A claim whose check is never run, for the verdict mapping: its texts are the record's components. */
    private record FixedClaim(String id, String family, String statement, String rule, String expectation, String setup, String note,
            java.util.List<String> integrators, Provenance provenance) implements Claim {
        FixedClaim(Provenance provenance) {
            this("fixed", "test", "s", "r", "e", "", "", java.util.List.of("ddim"), provenance);
        }

        public ClaimResult check() {
            throw new UnsupportedOperationException("not measured in this test");
        }
    }
}
