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
public final class DpmSolverPP2MSde extends MultistepSde {

    /** @param eta the noise knob, finite and &gt;= 0 (1: the reverse SDE, 0: the ODE solver DPM-Solver++(2M)) */
    public DpmSolverPP2MSde(double eta) {
        super("dpmSolverPP2MSde", 2, 1, eta, DpmSolverPP2MSde::new);
    }

    @Override
    public Optional<Integrator> deterministicCounterpart() {
        return Optional.of(new DpmSolverPP2M());
    }

    @Override
    protected NDArray move(NDArray x, NDArray x0, NoiseLevel now, NoiseLevel next, double h, StepHistory previous) {
        double weight = -next.alpha() * Math.expm1(-(1 + eta) * h);
        NDArray xNext = Scalars.mul(x, next.sigma() / now.sigma() * Math.exp(-eta * h)).add(Scalars.mul(x0, weight));
        if (previous.size() > 0) {
            StepHistory.Entry back = previous.get(0);
            double r = (now.lambda() - back.level().lambda()) / h;
            xNext = xNext.add(Scalars.mul(x0.sub(back.value()), weight / (2 * r)));
        }
        return xNext;
    }
}
