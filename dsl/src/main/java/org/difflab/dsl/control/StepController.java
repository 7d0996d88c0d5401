package org.difflab.dsl.control;

import org.difflab.dsl.Require;
import org.difflab.dsl.spec.Spec;

/**
 * A proportional-integral step-size controller for an {@link EmbeddedPair}, in the spirit of diffrax's
 * {@code PIDController} (Hairer, Norsett and Wanner, Solving ODEs I, section II.4; Hairer and Wanner, Solving ODEs II,
 * section IV.2, the PI controller of Gustafsson). A step with scaled error e (see {@link ScaledError}: e <= 1 means the
 * local error is within atol + rtol |x|) is accepted when e <= 1; the next step is the current one times
 * <pre>  safety * e_n^-(pcoeff + icoeff)/k * e_{n-1}^(pcoeff/k),  clipped to [minFactor, maxFactor]</pre>
 * with k the order of the pair's error estimate (lower order + 1) and e_{n-1} the scaled error of the row's previous
 * accepted step (1 before the first). After a rejection the factor is at most 1. The defaults pcoeff = 0, icoeff = 1
 * (the classical I controller) are diffrax's and k-diffusion's ({@code PIDStepSizeController}); pcoeff = 0.4,
 * icoeff = 0.3 is Hairer and Wanner's PI choice (0.7/k, 0.4/k), which rejects fewer steps but here spends more model
 * evaluations per tolerance (docs/samplers.md, "Adaptive step sizes").
 *
 * @param rtol      relative tolerance, finite &gt; 0
 * @param atol      absolute tolerance, finite &gt; 0
 * @param pcoeff    proportional coefficient, finite &gt;= 0
 * @param icoeff    integral coefficient, finite &gt; 0
 * @param safety    safety factor in (0, 1]
 * @param minFactor smallest step-size factor, in (0, 1)
 * @param maxFactor largest step-size factor, &gt; 1
 * @param maxSteps  most attempted steps (accepted plus rejected) one sample may take before the run fails, &gt;= 1
 */
public record StepController(double rtol, double atol, double pcoeff, double icoeff, double safety, double minFactor,
        double maxFactor, int maxSteps) {

    public StepController {
        Require.positive("rtol", rtol);
        Require.positive("atol", atol);
        Require.nonNegative("pcoeff", pcoeff);
        Require.positive("icoeff", icoeff);
        if (!(safety > 0 && safety <= 1)) {
            throw new IllegalArgumentException("safety = " + safety + " is not allowed: must lie in (0, 1]");
        }
        if (!(minFactor > 0 && minFactor < 1)) {
            throw new IllegalArgumentException("minFactor = " + minFactor + " is not allowed: must lie in (0, 1)");
        }
        if (!(maxFactor > 1) || Double.isInfinite(maxFactor)) {
            throw new IllegalArgumentException("maxFactor = " + maxFactor + " is not allowed: must be a finite number > 1");
        }
        Require.positive("maxSteps", maxSteps);
    }

    /** The controller with the default coefficients (I control), safety 0.9, factors in [0.2, 10] and at most 10,000 attempts. */
    public static StepController pi(double rtol, double atol) {
        return new StepController(rtol, atol, 0, 1, 0.9, 0.2, 10, 10_000);
    }

    /** This controller with a different proportional and integral coefficient (pcoeff = 0, icoeff = 1: I control). */
    public StepController withCoefficients(double pcoeff, double icoeff) {
        return new StepController(rtol, atol, pcoeff, icoeff, safety, minFactor, maxFactor, maxSteps);
    }

    /**
     * Parses {@code pi:rtol=1e-3,atol=1e-4[,pcoeff=..,icoeff=..,safety=..,minFactor=..,maxFactor=..,maxSteps=..]};
     * rtol and atol default to 1e-3 and 1e-4 (k-diffusion's {@code dpm_adaptive} uses rtol 0.05, atol 0.0078 on images
     * in [-1, 1]), the other keys to those of {@link #pi}.
     */
    public static StepController parse(String text) {
        Spec s = Spec.parse("controller", text);
        StepController c = from(s);
        s.done();
        return c;
    }

    /** The controller a parsed spec describes (its keys read, so that {@link Spec#done()} can follow). */
    static StepController from(Spec s) {
        if (!s.name().equals("pi")) {
            throw s.bad("name", s.name(), "pi (the proportional-integral step-size controller)");
        }
        StepController d = pi(1e-3, 1e-4);
        return new StepController(s.real("rtol", d.rtol), s.real("atol", d.atol), s.real("pcoeff", d.pcoeff),
                s.real("icoeff", d.icoeff), s.real("safety", d.safety), s.real("minFactor", d.minFactor),
                s.real("maxFactor", d.maxFactor), s.integer("maxSteps", d.maxSteps));
    }

    /** The spec string that {@link #parse} turns back into this controller. */
    public String spec() {
        return "pi:rtol=" + rtol + ",atol=" + atol + ",pcoeff=" + pcoeff + ",icoeff=" + icoeff + ",safety=" + safety
                + ",minFactor=" + minFactor + ",maxFactor=" + maxFactor + ",maxSteps=" + maxSteps;
    }

    /** Whether a step with scaled error {@code error} is accepted (NaN: rejected). */
    public boolean accepts(double error) {
        return error <= 1;
    }

    /**
     * The factor by which the next step size is the current one.
     *
     * @param error         scaled error of the step just attempted (NaN or infinite: the smallest factor)
     * @param previousError scaled error of the previous accepted step
     * @param k             order of the error estimate (lower order of the pair + 1)
     */
    public double factor(double error, double previousError, int k) {
        if (!Double.isFinite(error)) {
            return minFactor;
        }
        double e = Math.max(error, 1e-10); // an exact step: grow by maxFactor, not by infinity
        double f = safety * Math.pow(e, -(pcoeff + icoeff) / k) * Math.pow(Math.max(previousError, 1e-10), pcoeff / k);
        double upper = accepts(error) ? maxFactor : 1;
        return Math.min(upper, Math.max(minFactor, f));
    }
}
