package org.difflab.theory.langevin;

import java.util.List;
import org.difflab.theory.convergence.OrderFit;

/**
 * How the stationary variance's bias |V - 1| of a Langevin sampler on the 1-D standard Gaussian scales with the step
 * size: the probed points and the fitted order with its 95% interval.
 *
 * @param integrator spec of the integrator
 * @param stepSizes  the step sizes probed
 * @param points     the probe at each step size
 * @param fit        the fit of log |V - 1| against log h
 */
public record BiasOrder(String integrator, double[] stepSizes, List<StepMapMoments> points, OrderFit fit) {

    public BiasOrder {
        stepSizes = stepSizes.clone();
        points = List.copyOf(points);
    }

    @Override
    public double[] stepSizes() {
        return stepSizes.clone();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(integrator + ": |V - 1| slope " + fit + "\n");
        for (StepMapMoments p : points) {
            b.append(String.format("  h = %-6s |V - 1| = %.4e (se %.1e)%n", p.stepSize(), p.bias(), p.variance().standardError()));
        }
        return b.toString();
    }
}
