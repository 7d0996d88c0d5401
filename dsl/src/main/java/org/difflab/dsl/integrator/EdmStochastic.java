package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import java.util.Optional;
import org.difflab.dsl.Require;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.tensor.Scalars;

/**
 * EDM's stochastic sampler (Karras, Aittala, Aila, Laine 2022, Algorithm 2), written for sigma(t) = t, s(t) = 1 as the
 * paper does, i.e. on y = x / alpha with sigma = sigma / alpha of any schedule (as {@link Heun}). Step i:
 * <ol>
 *   <li>churn: gamma_i = min(S_churn / N, sqrt 2 - 1) when S_tmin &lt;= sigma_i &lt;= S_tmax, else 0; raise the noise
 *       to sigma_hat = (1 + gamma_i) sigma_i by y_hat = y + sqrt(sigma_hat^2 - sigma_i^2) S_noise z (lines 4-6);</li>
 *   <li>Euler from sigma_hat to sigma_{i+1} with d = eps(y_hat; sigma_hat), then Heun's correction with
 *       eps(y_{i+1}; sigma_{i+1}) unless sigma_{i+1} = 0 (lines 7-11: Euler on the last step to sigma = 0).</li>
 * </ol>
 * With S_churn = 0 nothing is drawn and this is {@link Heun} (Algorithm 1) bit for bit. On exact marginals the churn
 * moves the law from sigma_i to sigma_hat exactly (it adds independent Gaussian noise), so with S_noise = 1 the law's
 * error is Heun's: weak order 2, DiffLab's reading (the paper states no order); S_noise &gt; 1 adds variance that no
 * step count removes (the paper tunes it to offset a network's loss of detail).
 *
 * <p>Defaults: S_churn = 80, S_tmin = 0.05, S_tmax = 50 (EDM Table 5, ImageNet-64 with the pre-trained ADM model) and
 * S_noise = 1 (Table 5 uses 1.003; k-diffusion's {@code sample_heun} and EDM's own code default to S_churn = 0,
 * S_tmin = 0, S_tmax = inf, S_noise = 1). Conventions beside the paper and k-diffusion ({@code sample_heun} with
 * {@code s_churn > 0}): sigma_hat evaluates the model at the schedule's time of that noise level; a churn that would
 * lift sigma_hat above the schedule's largest level sigma(tMax)/alpha(tMax) is cut to end there (the paper's S_tmax =
 * 50 &lt; 80 = sigma_max never needs the cut); z is the step's draw from the run's noise source, one per churned step
 * (k-diffusion draws {@code randn_like} even when gamma = 0).
 */
public final class EdmStochastic extends StatedIntegrator implements TwoStageStep {
    private static final double MAX_GAMMA = Math.sqrt(2) - 1;

    private final double churn;
    private final double tmin;
    private final double tmax;
    private final double noise;

    /**
     * @param churn S_churn &gt;= 0, the total churn spread over the steps
     * @param tmin  S_tmin &gt;= 0, the smallest sigma / alpha that is churned
     * @param tmax  S_tmax &gt;= tmin (may be infinite), the largest sigma / alpha that is churned
     * @param noise S_noise &gt; 0, the churn noise's standard deviation factor
     */
    public EdmStochastic(double churn, double tmin, double tmax, double noise) {
        super(new IntegratorInfo("edmStochastic", 2, churn > 0, 2));
        this.churn = Require.nonNegative("churn", churn);
        this.tmin = Require.nonNegative("tmin", tmin);
        if (!(tmax >= tmin)) {
            throw new IllegalArgumentException("tmin = " + tmin + " and tmax = " + tmax + " are not allowed: tmin must be <= tmax (the "
                    + "churned noise levels sigma/alpha lie in [tmin, tmax])");
        }
        this.tmax = tmax;
        this.noise = Require.positive("noise", noise);
    }

    /** EDM's stochastic sampler with DiffLab's defaults (S_churn 80, S_tmin 0.05, S_tmax 50, S_noise 1). */
    public EdmStochastic() {
        this(80, 0.05, 50, 1);
    }

    @Override
    public String spec() {
        return "edmStochastic:churn=" + churn + ",tmin=" + tmin + ",tmax=" + tmax + ",noise=" + noise;
    }

    @Override
    public Optional<Integrator> withoutNoise() {
        return churn > 0 ? Optional.of(new EdmStochastic(0, tmin, tmax, noise)) : Optional.empty();
    }

    @Override
    public Optional<Integrator> deterministicCounterpart() {
        return Optional.of(new Heun());
    }

    @Override
    public NDArray step(RunContext ctx, int i, NDArray x) {
        NoiseSchedule schedule = ctx.grid().schedule();
        double largest = schedule.level(schedule.tMax()).sigmaOverAlpha();
        double gamma = Math.min(churn / ctx.steps(), MAX_GAMMA);
        SigmaStep s = SigmaStep.of(ctx, i, x);
        NDArray y = s.y();
        double sigma = s.sigma();
        double gammaI = sigma >= tmin && sigma <= tmax ? Math.min(gamma, largest / sigma - 1) : 0;
        NoiseLevel hat = s.now();
        NDArray xHat = x;
        if (gammaI > 0) {
            hat = schedule.levelAtSigmaOverAlpha((1 + gammaI) * sigma);
            double lift = Math.sqrt(Math.max(0, hat.sigmaOverAlpha() * hat.sigmaOverAlpha() - sigma * sigma));
            y = y.add(Scalars.mul(ctx.normal(x, i), noise * lift));
            xHat = SigmaStep.times(y, hat.alpha());
        }
        double h = s.next().sigmaOverAlpha() - hat.sigmaOverAlpha();
        NDArray d = ctx.predict(xHat, hat).eps();
        NDArray yNext = y.add(Scalars.mul(d, h));
        if (s.next().sigma() > 0) {
            NDArray dNext = ctx.predict(s.xNext(yNext), i + 1).eps();
            yNext = y.add(Scalars.mul(d.add(dNext), 0.5 * h));
        }
        return s.xNext(yNext);
    }
}
