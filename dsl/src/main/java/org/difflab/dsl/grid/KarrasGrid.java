package org.difflab.dsl.grid;

import java.util.function.IntToDoubleFunction;
import org.difflab.dsl.Require;
import org.difflab.dsl.schedule.NoiseSchedule;

/**
 * Karras et al. (2022, eq. 5) spacing in the noise level sigma = s/a of the rescaled variable:
 * sigma_i = (smax^(1/rho) + i/(m-1) (smin^(1/rho) - smax^(1/rho)))^rho, rho = 7 by default.
 */
public final class KarrasGrid extends GridSpec {
    private final double rho;

    public KarrasGrid(int steps, double rho, boolean finalJump) {
        super("karras", steps, finalJump, (n, jump) -> new KarrasGrid(n, rho, jump));
        this.rho = Require.positive("rho", rho);
    }

    @Override
    protected IntToDoubleFunction point(NoiseSchedule s, int m) {
        double hi = Math.pow(s.level(s.tMax()).sigmaOverAlpha(), 1 / rho);
        double lo = Math.pow(s.level(s.tMin()).sigmaOverAlpha(), 1 / rho);
        return i -> {
            stopIfInterrupted(s, i, m);
            double sigma = Math.pow(hi + (lo - hi) * i / (m - 1), rho);
            return s.timeOfLambda(-Math.log(sigma));
        };
    }
}
