package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import java.util.Optional;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.tensor.Scalars;

/**
 * SDE-DPM-Solver++(2M) (Lu et al. 2022, appendix, the second-order multistep solver of the diffusion SDE in data
 * prediction), midpoint form with a noise knob eta (eta = 1 the reverse SDE, eta = 0 the ODE solver
 * DPM-Solver++(2M)): with h = lambda_p - lambda,
 * x_p = (sigma_p/sigma) e^(-eta h) x + alpha_p (1 - e^(-(1+eta)h)) [x0 + (x0 - x0_prev)/(2r)] + sigma_p sqrt(1 - e^(-2 eta h)) z.
 */
public final class DpmSolverPP2MSde extends NoiseKnob {

    /** @param eta the noise knob, finite and &gt;= 0 (1: the reverse SDE, 0: the ODE solver DPM-Solver++(2M)) */
    public DpmSolverPP2MSde(double eta) {
        super("dpmSolverPP2MSde", 1, 2, eta, DpmSolverPP2MSde::new);
    }

    @Override
    public Optional<Integrator> deterministicCounterpart() {
        return Optional.of(new DpmSolverPP2M());
    }

    @Override
    public NDArray run(RunContext ctx, NDArray x) {
        NDArray previous = null;
        double hPrevious = 0;
        for (int i = 0; i < ctx.steps(); i++) {
            NoiseLevel now = ctx.level(i);
            NoiseLevel next = ctx.level(i + 1);
            NDArray x0 = ctx.predict(x, i).x0();
            if (next.sigma() == 0) {
                x = ctx.endStep(i, Scalars.mul(x0, next.alpha()));
                continue;
            }
            double h = next.lambda() - now.lambda();
            double weight = -next.alpha() * Math.expm1(-(1 + eta) * h);
            NDArray xNext = Scalars.mul(x, next.sigma() / now.sigma() * Math.exp(-eta * h)).add(Scalars.mul(x0, weight));
            if (previous != null) {
                double r = hPrevious / h;
                xNext = xNext.add(Scalars.mul(x0.sub(previous), weight / (2 * r)));
            }
            if (eta > 0) {
                xNext = xNext.add(Scalars.mul(ctx.normal(x, i), next.sigma() * Math.sqrt(-Math.expm1(-2 * eta * h))));
            }
            previous = x0;
            hPrevious = h;
            x = ctx.endStep(i, xNext, previous);
        }
        return x;
    }
}
