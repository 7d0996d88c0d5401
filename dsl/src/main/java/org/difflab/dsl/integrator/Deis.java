package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.analysis.polynomials.PolynomialFunction;
import org.apache.commons.math3.analysis.polynomials.PolynomialFunctionLagrangeForm;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.tensor.Scalars;

/**
 * DEIS multistep, tAB-DEIS (Zhang and Chen 2023, Fast sampling of diffusion models with exponential integrator, ICLR):
 * the linear part of the probability-flow ODE integrated exactly and the noise prediction extrapolated by the polynomial
 * through its last {@code order} values in the schedule's time t. In y = x/alpha and rho = sigma/alpha the ODE is
 * dy = eps d rho, so y' = y + sum_j C_j eps_{i-j} with C_j = integral over [t_i, t_{i+1}] of ell_j(tau) d rho(tau), ell_j
 * the Lagrange basis on t_i, ..., t_{i-order+1} (order 1 is DDIM). DiffLab integrates by parts,
 * C_j = ell_j(t_{i+1}) rho_{i+1} - ell_j(t_i) rho_i - integral of ell_j'(tau) rho(tau) d tau, so that only rho (never its
 * derivative, which is singular at t = 0 on VP schedules) enters, with the basis in the step-scaled variable
 * u = (tau - t_i) / (t_{i+1} - t_i) (well conditioned) and 8-point Gauss-Legendre quadrature (Apache Commons Math) for the
 * remaining integral: exact to rounding on smooth steps, approximate on a step to t = 0, where rho behaves like sqrt(t).
 * Warm-up at orders 1..order-1 on the first steps. One model evaluation per step.
 */
public final class Deis extends EpsMultistep {
    /** The highest order (tAB3). */
    public static final int MAX_ORDER = 3;
    private static final GaussIntegratorFactory QUADRATURE = new GaussIntegratorFactory();
    private static final int QUADRATURE_POINTS = 8;

    /** tAB-DEIS extrapolating the last {@code order} (1 to {@link #MAX_ORDER}) noise predictions. */
    public Deis(int order) {
        super("deis", order, MAX_ORDER, 2, o -> o);
    }

    @Override
    protected NDArray yNext(RunContext ctx, NDArray x, NoiseLevel now, NoiseLevel next, StepHistory predictions) {
        NoiseSchedule schedule = ctx.grid().schedule();
        double dt = next.t() - now.t();
        double[] nodes = new double[predictions.size()];
        for (int j = 0; j < nodes.length; j++) {
            nodes[j] = (predictions.get(j).level().t() - now.t()) / dt;
        }
        NDArray y = Scalars.div(x, now.alpha());
        for (int j = 0; j < nodes.length; j++) {
            double c = coefficient(nodes, j, u -> rho(schedule, now.t() + u * dt), now.sigmaOverAlpha(), next.sigmaOverAlpha());
            y = y.add(Scalars.mul(predictions.get(j).value(), c));
        }
        return y;
    }

    private static double rho(NoiseSchedule schedule, double t) {
        return schedule.sigma(t) / schedule.alpha(t);
    }

    /**
     * The integral over u in [0, 1] of L_j(u) d rho(u), L_j the Lagrange basis polynomial of nodes[j] (nodes[0] = 0), by
     * parts: L_j(1) rho(1) - L_j(0) rho(0) - integral of L_j'(u) rho(u) du.
     */
    static double coefficient(double[] nodes, int j, DoubleUnaryOperator rho, double rhoStart, double rhoEnd) {
        if (nodes.length == 1) {
            return rhoEnd - rhoStart;
        }
        double[] unit = new double[nodes.length];
        unit[j] = 1;
        PolynomialFunction basis = new PolynomialFunction(new PolynomialFunctionLagrangeForm(nodes, unit).getCoefficients());
        PolynomialFunction slope = basis.polynomialDerivative();
        double inner = QUADRATURE.legendre(QUADRATURE_POINTS, 0, 1).integrate(u -> slope.value(u) * rho.applyAsDouble(u));
        return basis.value(1) * rhoEnd - basis.value(0) * rhoStart - inner;
    }
}
