package org.difflab.theory.convergence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class WorkPrecisionTest {

    /** On an exact power law error = C NFE^-p the interpolation is exact, inside the fixed runs' range and outside it. */
    @Test
    void nfeAtEqualErrorFollowsThePowerLawBetweenAndBeyondTheFixedRuns() {
        List<WorkPrecision.Point> fixed = List.of(point(64, 3.0 * Math.pow(64, -2)), point(16, 3.0 * Math.pow(16, -2)),
                point(32, 3.0 * Math.pow(32, -2)));
        for (double nfe : new double[] {10, 20, 50, 100}) {
            assertThat(WorkPrecision.nfeAt(fixed, 3.0 * Math.pow(nfe, -2))).isCloseTo(nfe, within(1e-9 * nfe));
        }
    }

    /** Where the local order changes, the two runs that bracket the error decide, not a global fit. */
    @Test
    void nfeAtUsesTheBracketingRuns() {
        List<WorkPrecision.Point> fixed = List.of(point(10, 1e-1), point(20, 1e-2), point(40, 5e-3));
        assertThat(WorkPrecision.nfeAt(fixed, Math.sqrt(1e-1 * 1e-2))).isCloseTo(Math.sqrt(200), within(1e-9));
        assertThat(WorkPrecision.nfeAt(fixed, Math.sqrt(1e-2 * 5e-3))).isCloseTo(Math.sqrt(800), within(1e-9));
    }

    private static WorkPrecision.Point point(double nfe, double error) {
        return new WorkPrecision.Point("fixed", nfe, error, Double.NaN, Double.NaN);
    }
}
