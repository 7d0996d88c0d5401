package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.tensor.Scalars;

/**
 * DPM-Solver-2 (Lu, Zhou, Bao, Chen, Li, Zhu 2022, DPM-Solver, Algorithm 1 with r1 = 1/2): a second-order, single-step
 * exponential integrator in noise prediction over lambda = ln(alpha/sigma). With h = lambda' - lambda and the
 * intermediate point s at lambda + h/2 (the midpoint in log-SNR, the geometric mean of sigma/alpha):
 * u = (alpha_s/alpha) x - sigma_s (e^{h/2} - 1) eps(x, t), then x' = (alpha'/alpha) x - sigma' (e^h - 1) eps(u, s).
 * In k-diffusion's variables y = x/alpha, sigma/alpha this is an Euler step to the midpoint and a full step with the
 * midpoint's slope, i.e. {@code sample_dpm_2}. The step to sigma = 0 (h infinite) is a plain Euler step that returns
 * alpha' x0, as k-diffusion does (the paper's grids end at t = epsilon and have no such step); it costs one evaluation.
 * The intermediate time is found on the schedule by bisection in lambda ({@link NoiseSchedule#timeOfLambda}).
 */
public final class DpmSolver2 extends StatedIntegrator implements TwoStageStep {

    public DpmSolver2() {
        super(IntegratorInfo.deterministic("dpm2", 2, 2));
    }

    @Override
    public NDArray step(RunContext ctx, int i, NDArray x) {
        NoiseLevel t = ctx.level(i);
        NoiseLevel next = ctx.level(i + 1);
        NDArray eps = ctx.predict(x, i).eps();
        if (next.sigma() == 0) {
            return Scalars.mul(x.sub(Scalars.mul(eps, t.sigma())), next.alpha() / t.alpha()); // Euler to sigma = 0: alpha' x0
        }
        NoiseSchedule schedule = ctx.grid().schedule();
        double h = next.lambda() - t.lambda();
        NoiseLevel s = schedule.level(schedule.timeOfLambda(t.lambda() + 0.5 * h));
        NDArray u = Scalars.mul(x, s.alpha() / t.alpha()).sub(Scalars.mul(eps, s.sigma() * Math.expm1(s.lambda() - t.lambda())));
        NDArray epsMid = ctx.predict(u, s).eps();
        return Scalars.mul(x, next.alpha() / t.alpha()).sub(Scalars.mul(epsMid, next.sigma() * Math.expm1(h)));
    }
}
