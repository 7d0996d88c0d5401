package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.Require;
import org.difflab.dsl.tensor.Scalars;

/**
 * DiffLab's own accelerated stochastic sampler, built from the ingredients that third-party summaries attribute to
 * Li and Cai (arXiv 2410.23285): injected randomness, a momentum-like second-order correction from a higher-order
 * approximation of the probability-flow ODE, and clipping of large corrections. THE PAPER'S ALGORITHM TEXT WAS NOT
 * AVAILABLE: this is not their update rule (SAMPLERS.md section 3; li_samplers.md section 6). The scheme:
 * <pre>
 *   Y^+     = Y_t + sqrt((1 - alpha_t)/2) Z                                  (noise split of acceleratedDdpm)
 *   C       = (1 - alpha_t)^2 / (4 (1 - alpha_{t+1})) (s_t(Y^+) - sqrt(alpha_{t+1}) s_{t+1}^prev) / sqrt(alpha_t)
 *   C       = C min(1, clip sqrt(d) (1 - alpha_t) / ||C||)                   (per sample)
 *   Y_{t-1} = (Y^+ + (1 - alpha_t) s_t(Y^+)) / sqrt(alpha_t) + C + sqrt((1 - alpha_t)/2) Z'
 * </pre>
 * where s_{t+1}^prev is the previous step's evaluation (the two-step correction of the multistep accelerated ODE);
 * the first step has no correction. The run statistic {@code clipped} counts the sample-steps whose correction was
 * clipped, {@code corrected} those that had one.
 *
 * <p>{@code clip = Infinity} (spec {@code momentumStochastic:clip=inf}) never clips: the run is then an affine map of
 * its Gaussian draws (given an affine score), so its law can be evaluated exactly, and it reports no {@code clipped}
 * statistic. With a finite clip the clipping is a nonlinear map (its norm runs over all coordinates of a sample), and
 * the exact evaluator refuses the run ({@link CorrectionClip}).
 *
 * <p>It is FIRST order (local slope 0.99 against h = ln T / T on the Li schedule; review li_cai_fulltext.md 7.3): the
 * probability-flow ODE's correction does not cancel this SDE step's leading error. Kept as a documented first-order
 * DiffLab variant; {@link LiCaiStochastic} is the second-order reconstruction.
 */
public final class MomentumStochastic extends LiChain {
    private final double clip;

    /** {@code clip} in (0, Infinity]; Infinity turns clipping off. */
    public MomentumStochastic(double clip) {
        super(IntegratorInfo.stochastic("momentumStochastic", 1, 1));
        this.clip = Require.positiveOrInfinity("clip", clip);
    }

    @Override
    public String spec() {
        return "momentumStochastic:clip=" + clip;
    }

    @Override
    protected boolean readsPreviousScore() {
        return true;
    }

    @Override
    protected NDArray step(LiStep s, NDArray x) {
        NDArray next = s.ddpmMove(s.withFirstHalfNoise(x)); // AcceleratedDdpm's first half
        if (s.previousScore() != null) {
            double alpha = s.alpha();
            NDArray score = s.evaluation();
            double alphaUp = s.previousAlpha();
            NDArray correction = score.sub(Scalars.mul(s.previousScore(), Math.sqrt(alphaUp)))
                    .mul((1 - alpha) * (1 - alpha) / (4 * (1 - alphaUp) * Math.sqrt(alpha)));
            next = next.add(s.clipped(correction, clip));
        }
        return s.withSecondHalfNoise(next);
    }
}
