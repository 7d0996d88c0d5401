package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import java.util.Optional;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.tensor.Scalars;

/**
 * Stochastic DPM-Solver++ as k-diffusion's {@code sample_dpmpp_sde} (k-diffusion's own singlestep SDE form after Lu et al.
 * 2022, DPM-Solver++, arXiv 2211.01095, Algorithm 1 with r = 1/2), on y = x / alpha with sigma = sigma / alpha. Step i,
 * with h = ln sigma_i - ln sigma_{i+1} and the midpoint sigma_s = sigma_i e^(-h/2):
 * <ol>
 *   <li>split sigma_i -&gt; sigma_s ancestrally ({@link AncestralStep}: d1, u1): y_s = (d1/sigma_i) y + (1 - d1/sigma_i) D
 *       + u1 z1, D = D(y; sigma_i);</li>
 *   <li>split sigma_i -&gt; sigma_{i+1} (d2, u2): y_{i+1} = (d2/sigma_i) y + (1 - d2/sigma_i) D(y_s; sigma_s) + u2 z2.</li>
 * </ol>
 * The step to sigma = 0 is Euler (y_{i+1} = D), one evaluation. eta = 0 is DPM-Solver++(2S), i.e.
 * {@code dpmSolverPP2SAncestral:eta=0}, to rounding.
 *
 * <p>The two draws. k-diffusion draws z1 and z2 from one Brownian tree in sigma: z1 the normalised increment over
 * [sigma_s, sigma_i], z2 over [sigma_{i+1}, sigma_i], so they are correlated with rho = sqrt((sigma_i - sigma_s) /
 * (sigma_i - sigma_{i+1})). DiffLab has no Brownian tree; it draws two independent standard normals per step from the
 * run's noise source, a for [sigma_s, sigma_i] (tied to the times (t_i, t_s)) and b for [sigma_{i+1}, sigma_s] (tied to
 * (t_s, t_{i+1})), and forms the same two increments of one Brownian motion in sigma: z1 = a and z2 = (sqrt(sigma_i -
 * sigma_s) a + sqrt(sigma_s - sigma_{i+1}) b) / sqrt(sigma_i - sigma_{i+1}). Each sample's draws are its own, so the
 * law is k-diffusion's and a seed fixes every bit whatever the batch.
 *
 * <p>Order: the paper states order 2 for the ODE solver (eta = 0); with noise it states none. Measured by exact
 * evaluation the weak order is 2 with these correlated increments (claim {@code order-dpmpp-sde}: local slopes 2.15 to
 * 2.03 on the standard experiment; numpy oracle on a 1-D Gaussian, Karras grid: 2.17, 2.18, 2.14) and only 1 with two
 * independent draws (0.81, 0.89, 0.94): the correlation is what makes the midpoint's noise consistent with the step's.
 * The expected order 2 is this measurement's, on Gaussian targets (affine scores).
 */
public final class DpmSolverPPSde extends NoiseKnob implements TwoStageStep {

    /** @param eta the noise knob, finite and &gt;= 0 (1: the DDPM posterior's noise on each substep, 0: none) */
    public DpmSolverPPSde(double eta) {
        super("dpmSolverPPSde", 2, 2, eta, DpmSolverPPSde::new);
    }

    @Override
    public Optional<Integrator> deterministicCounterpart() {
        return Optional.of(new DpmSolverPP2SAncestral(0));
    }

    @Override
    public NDArray step(RunContext ctx, int i, NDArray x) {
        SigmaStep s = SigmaStep.of(ctx, i, x);
        NoiseLevel now = s.now();
        NoiseLevel next = s.next();
        double sigma = s.sigma();
        NDArray y = s.y();
        NDArray denoised = ctx.predict(x, i).x0();
        if (next.sigma() == 0) {
            return s.xNext(denoised);
        }
        double sigmaNext = next.sigmaOverAlpha();
        NoiseLevel mid = ctx.grid().schedule().levelAtSigmaOverAlpha(Math.sqrt(sigma * sigmaNext));
        double sigmaMid = mid.sigmaOverAlpha();
        AncestralStep first = AncestralStep.of(sigma, sigmaMid, eta);
        AncestralStep whole = AncestralStep.of(sigma, sigmaNext, eta);
        NDArray a = eta > 0 ? ctx.normal(x, now.t(), mid.t()) : null;
        NDArray yMid = towards(y, denoised, first.down() / sigma);
        if (first.up() > 0) {
            yMid = yMid.add(Scalars.mul(a, first.up()));
        }
        NDArray denoisedMid = ctx.predict(SigmaStep.times(yMid, mid.alpha()), mid).x0();
        NDArray yNext = towards(y, denoisedMid, whole.down() / sigma);
        if (whole.up() > 0) {
            NDArray b = ctx.normal(x, mid.t(), next.t());
            double span = Math.sqrt(sigma - sigmaNext);
            NDArray z2 = Scalars.mul(a, Math.sqrt(sigma - sigmaMid) / span).add(Scalars.mul(b, Math.sqrt(sigmaMid - sigmaNext) / span));
            yNext = yNext.add(Scalars.mul(z2, whole.up()));
        }
        return s.xNext(yNext);
    }

    /** ratio y + (1 - ratio) D: the data-prediction step from sigma to ratio sigma. */
    private static NDArray towards(NDArray y, NDArray denoised, double ratio) {
        return Scalars.mul(y, ratio).add(Scalars.mul(denoised, 1 - ratio));
    }
}
