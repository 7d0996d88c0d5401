package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import java.util.function.DoubleFunction;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.tensor.Scalars;

/**
 * The multistep SDE solvers of DPM-Solver++ in data prediction ({@link DpmSolverPP2MSde}, {@link DpmSolverPP3MSde}; Lu
 * et al. 2022, arXiv 2211.01095, appendix; k-diffusion's {@code sample_dpmpp_2m_sde} and {@code sample_dpmpp_3m_sde}):
 * what their steps share is here. One x0 prediction D per step, kept for the next steps; the step to sigma = 0 returns
 * alpha_p D; otherwise, with h = lambda_p - lambda, the sampler's deterministic move plus the noise
 * sigma_p sqrt(1 - e^(-2 eta h)) z (one draw per step). A subclass states only the move.
 */
abstract class MultistepSde extends NoiseKnob {
    private final int kept;

    /**
     * @param kept  how many previous x0 predictions the move reads (1 for 2M, 2 for 3M)
     * @param atEta the same sampler at another eta (its constructor)
     */
    MultistepSde(String name, double expectedOrder, int kept, double eta, DoubleFunction<Integrator> atEta) {
        super(name, 1, expectedOrder, eta, atEta);
        this.kept = kept;
    }

    /**
     * The deterministic part of the step from the batch {@code x} at level {@code now} to {@code next} (sigma &gt; 0),
     * h = lambda_next - lambda_now, with the x0 prediction {@code denoised} now and the previous ones in {@code previous},
     * newest first (fewer on the first steps), each with its level.
     */
    protected abstract NDArray move(NDArray x, NDArray denoised, NoiseLevel now, NoiseLevel next, double h, StepHistory previous);

    @Override
    public final NDArray run(RunContext ctx, NDArray x) {
        StepHistory previous = new StepHistory(kept);
        for (int i = 0; i < ctx.steps(); i++) {
            NDArray denoised = ctx.predict(x, i).x0();
            NoiseLevel next = ctx.level(i + 1);
            if (next.sigma() == 0) {
                x = ctx.endStep(i, Scalars.mul(denoised, next.alpha()));
                continue;
            }
            NoiseLevel now = ctx.level(i);
            double h = next.lambda() - now.lambda();
            NDArray xNext = move(x, denoised, now, next, h, previous);
            if (eta > 0) {
                xNext = xNext.add(Scalars.mul(ctx.normal(x, i), next.sigma() * Math.sqrt(-Math.expm1(-2 * eta * h))));
            }
            previous.push(now, denoised);
            boolean last = i == ctx.steps() - 1; // nothing follows the last step
            x = last ? ctx.endStep(i, xNext) : ctx.endStep(i, xNext, previous.arrays());
        }
        return x;
    }
}
