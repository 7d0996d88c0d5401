package org.difflab.dsl.langevin;

import org.difflab.dsl.Require;

/**
 * Coefficients of the underdamped Langevin dynamics dU = V dt, dV = -gamma V dt + b dt + sqrt(2 gamma) dB integrated
 * exactly over a time s with the force b frozen (research note section 1.2, checked there against ControlledSMC.jl):
 * <pre>
 *   U(s) = U + phi1(s) V + phi2(s) b + sqrt(2 gamma)/gamma (H - G)
 *   V(s) = e^{-gamma s} V + phi1(s) b + sqrt(2 gamma) G
 *   phi1(s) = (1 - e^{-gamma s})/gamma,   phi2(s) = (s - phi1(s))/gamma
 *   H = B_s = int_0^s dB,   G = int_0^s e^{-gamma (s - r)} dB_r
 * </pre>
 * Per coordinate (H, G) is a centred Gaussian pair with Var H = s, Cov(G, H) = phi1(s), Var G = (1 - e^{-2 gamma s})/(2 gamma);
 * it is drawn as H = sqrt(s) Z1, G = (phi1(s)/s) H + sqrt(Var(G | H)) Z2 (the 2 x 2 Cholesky factor), so H can be a
 * Brownian increment tied to its time interval. The same pair over [0, alpha h] and [alpha h, h] gives the noise of
 * Shen and Lee's underdamped randomized midpoint (research note section 7.2, written there for gamma = 2). The
 * position-velocity covariance of the noise is that of section 1.2: Var_UU = (2/gamma)(s - 2 phi1 + (1 - e^{-2 gamma s})/(2 gamma)),
 * Cov_UV = (1 - e^{-gamma s})^2/gamma, Var_VV = 1 - e^{-2 gamma s}. Series replace the closed forms where they cancel.
 */
public final class OrnsteinUhlenbeck {
    private final double gamma;

    /** With friction gamma (finite, > 0). */
    public OrnsteinUhlenbeck(double gamma) {
        this.gamma = Require.positive("friction", gamma);
    }

    public double friction() {
        return gamma;
    }

    /** e^{-gamma s}: how much velocity survives a time s. */
    public double decay(double s) {
        return Math.exp(-gamma * s);
    }

    /** phi1(s) = (1 - e^{-gamma s})/gamma: the velocity's (and the force's, on the velocity) effect over s. */
    public double phi1(double s) {
        return -Math.expm1(-gamma * s) / gamma;
    }

    /** phi2(s) = (s - phi1(s))/gamma: the frozen force's effect on the position over s. */
    public double phi2(double s) {
        double x = gamma * s;
        if (x < 1e-2) {
            // x + expm1(-x) = x^2/2 - x^3/6 + x^4/24 - ..., alternating; the dropped terms are below 1e-16 relative
            double term = x * x / 2;
            double sum = 0;
            for (int k = 2; k < 10; k++) {
                sum += term;
                term *= -x / (k + 1);
            }
            return sum / (gamma * gamma);
        }
        return (x + Math.expm1(-x)) / (gamma * gamma);
    }

    /** Cov(G, H)/Var(H) = phi1(s)/s, the regression coefficient of G on the Brownian increment H (1 at s = 0). */
    public double regression(double s) {
        double x = gamma * s;
        return x == 0 ? 1 : -Math.expm1(-x) / x;
    }

    /** Var(G | H) = Var G - phi1(s)^2/s over a time s (0 at s = 0). */
    public double conditionalVariance(double s) {
        double x = gamma * s;
        if (x < 0.05) {
            // s (x^2/12 - x^3/12 + 17 x^4/360 - ...): the closed form loses digits to cancellation here
            double f = x * x * (1.0 / 12 + x * (-1.0 / 12 + x * (17.0 / 360 + x * (-7.0 / 360 + x * (43.0 / 6720 + x * (-107.0 / 60480
                    + x * (769.0 / 1814400 + x * (-163.0 / 1814400 + x * 4097.0 / 239500800))))))));
            return s * f;
        }
        double r = -Math.expm1(-x) / x;
        return s * (-Math.expm1(-2 * x) / (2 * x) - r * r);
    }

    /** sqrt(2 gamma)/gamma: the scale of H - G in the position noise. */
    public double positionNoiseScale() {
        return Math.sqrt(2 * gamma) / gamma;
    }

    /** sqrt(2 gamma): the scale of G in the velocity noise. */
    public double velocityNoiseScale() {
        return Math.sqrt(2 * gamma);
    }

    /** The per-coordinate noise covariance [[Var_UU, Cov_UV], [Cov_UV, Var_VV]] accumulated over a time s. */
    public double[][] noiseCovariance(double s) {
        double p1 = phi1(s);
        double varG = -Math.expm1(-2 * gamma * s) / (2 * gamma);
        double uu = 2 / gamma * (s - 2 * p1 + varG);
        double uv = 2 * (p1 - varG);
        double vv = 2 * gamma * varG;
        return new double[][] {{uu, uv}, {uv, vv}};
    }
}
