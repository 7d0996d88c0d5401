package org.difflab.plugin.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.util.List;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.schedule.NoiseLevel;

/**
 * Hand-written loops of raw DJL calls doing the arithmetic of DiffLab's {@code ddim} (eta = 0), {@code ddpm} (large
 * variance), {@code heun}, {@code probabilityFlowEuler}, {@code dpmSolverPP2M}, {@code liOde} and {@code liDdpm},
 * operation for operation, with each step's temporaries freed by an {@link NDScope}: what a researcher would write
 * without DiffLab, and the reference its per-step overhead is measured against. With the same model (a noise
 * prediction), initial batch and noise they return DiffLab's samples bit for bit (tested).
 */
public final class RawLoops {
    /** The integrators written here. */
    public static final List<String> INTEGRATORS = List.of("ddim", "ddpm", "heun", "probabilityFlowEuler", "dpmSolverPP2M", "liOde", "liDdpm");

    private RawLoops() {}

    /** The network, or any model: the noise prediction at x and a noise level. */
    @FunctionalInterface
    public interface Eps {
        NDArray at(NDArray x, NoiseLevel level);
    }

    /** Standard normal noise shaped like x for step i. */
    @FunctionalInterface
    public interface Noise {
        NDArray at(int step, NDArray like);
    }

    /**
     * Runs {@code integrator} (one of {@link #INTEGRATORS}) over the grid from x, which stays the caller's; returns the
     * final batch (on x's manager).
     */
    public static NDArray run(String integrator, TimeGrid grid, NDArray x, Eps eps, Noise noise) {
        if (!INTEGRATORS.contains(integrator)) {
            throw new IllegalArgumentException("integrator = " + integrator + " is not allowed: one of " + String.join(", ", INTEGRATORS));
        }
        NDArray current = x;
        NDArray previousX0 = null; // dpmSolverPP2M's x0 of the previous step, kept across one step end
        for (int i = 0; i < grid.steps(); i++) {
            NDArray next;
            NDArray[] x0 = new NDArray[1];
            try (NDScope scope = new NDScope()) {
                next = switch (integrator) {
                    case "ddim" -> ddim(grid, i, current, eps);
                    case "ddpm" -> ddpm(grid, i, current, eps, noise);
                    case "heun" -> heun(grid, i, current, eps);
                    case "probabilityFlowEuler" -> probabilityFlowEuler(grid, i, current, eps);
                    case "dpmSolverPP2M" -> dpmSolverPP2M(grid, i, current, eps, previousX0, x0);
                    case "liOde" -> liOde(grid, i, current, eps);
                    default -> liDdpm(grid, i, current, eps, noise);
                };
                NDScope.unregister(next);
                if (x0[0] != null) {
                    NDScope.unregister(x0[0]);
                }
            }
            if (current != x) {
                current.close();
            }
            if (previousX0 != null) {
                previousX0.close();
            }
            current = next;
            previousX0 = x0[0];
        }
        if (previousX0 != null) {
            previousX0.close();
        }
        return current;
    }

    /** x0 = (x - s eps) / a; x' = a' x0 + s' eps. */
    private static NDArray ddim(TimeGrid grid, int i, NDArray x, Eps model) {
        NoiseLevel t = grid.level(i);
        NoiseLevel p = grid.level(i + 1);
        NDArray eps = model.at(x, t);
        return x0(x, eps, t).mul(p.alpha()).add(eps.mul(Math.sqrt(Math.max(0, p.sigma() * p.sigma()))));
    }

    /** x' = (r s'^2 / s^2) x + (a' beta / s^2) x0 + sqrt(beta) z, beta = s^2 - r^2 s'^2, r = a / a'. */
    private static NDArray ddpm(TimeGrid grid, int i, NDArray x, Eps model, Noise noise) {
        NoiseLevel t = grid.level(i);
        NoiseLevel p = grid.level(i + 1);
        double r = t.alpha() / p.alpha();
        double s2 = t.sigma() * t.sigma();
        double sp2 = p.sigma() * p.sigma();
        double beta = t.sigma() * t.sigma() - r * r * (p.sigma() * p.sigma());
        NDArray eps = model.at(x, t);
        NDArray next = x.mul(r * sp2 / s2).add(x0(x, eps, t).mul(p.alpha() * beta / s2));
        double scale = sp2 == 0 ? 0 : Math.sqrt(beta);
        return scale > 0 ? next.add(noise.at(i, x).mul(scale)) : next;
    }

    /** EDM Heun in y = x / a with h = s'/a' - s/a; Euler on the last step (s' = 0). */
    private static NDArray heun(TimeGrid grid, int i, NDArray x, Eps model) {
        NoiseLevel now = grid.level(i);
        NoiseLevel next = grid.level(i + 1);
        double h = next.sigmaOverAlpha() - now.sigmaOverAlpha();
        NDArray y = x.div(now.alpha());
        NDArray d = model.at(x, now);
        NDArray yNext = y.add(d.mul(h));
        if (next.sigma() > 0) {
            NDArray dNext = model.at(yNext.mul(next.alpha()), next);
            yNext = y.add(d.add(dNext).mul(0.5 * h));
        }
        return yNext.mul(next.alpha());
    }

    /** x0 = (x - s eps) / a. */
    private static NDArray x0(NDArray x, NDArray eps, NoiseLevel t) {
        return x.sub(eps.mul(t.sigma())).div(t.alpha());
    }

    /** score = eps / (-s). */
    private static NDArray score(NDArray eps, NoiseLevel t) {
        return eps.div(-t.sigma());
    }

    /** x' = x + dt (f x - g^2/2 score), on the schedule's own time. */
    private static NDArray probabilityFlowEuler(TimeGrid grid, int i, NDArray x, Eps model) {
        double t = grid.t(i);
        double dt = grid.t(i + 1) - t;
        double f = grid.schedule().drift(t);
        double c = 0.5 * grid.schedule().diffusionSquared(t);
        NDArray score = score(model.at(x, grid.level(i)), grid.level(i));
        NDArray velocity = f == 0 ? score.mul(-c) : x.mul(f).sub(score.mul(c));
        return x.add(velocity.mul(dt));
    }

    /**
     * x' = (s'/s) x + a' (1 - e^-h) D with D = x0, after the first step (1 + 1/(2r)) x0 - x0_prev/(2r); a' x0 at s' = 0.
     * This step's x0 goes to {@code x0Out[0]} for the next.
     */
    private static NDArray dpmSolverPP2M(TimeGrid grid, int i, NDArray x, Eps model, NDArray previousX0, NDArray[] x0Out) {
        NoiseLevel t = grid.level(i);
        NoiseLevel p = grid.level(i + 1);
        NDArray x0 = x0(x, model.at(x, t), t);
        x0Out[0] = x0;
        if (p.sigma() == 0) {
            return x0.mul(p.alpha());
        }
        double h = p.lambda() - t.lambda();
        NDArray d = x0;
        if (previousX0 != null) {
            double r = (t.lambda() - grid.level(i - 1).lambda()) / h;
            d = x0.mul(1 + 1 / (2 * r)).sub(previousX0.mul(1 / (2 * r)));
        }
        return x.mul(p.sigma() / t.sigma()).add(d.mul(-p.alpha() * Math.expm1(-h)));
    }

    /** alpha_t = (a / a')^2 of Li et al.'s chain. */
    private static double liAlpha(TimeGrid grid, int i) {
        double r = grid.level(i).alpha() / grid.level(i + 1).alpha();
        return r * r;
    }

    /** x' = (x + (1 - alpha_t)/2 score) / sqrt(alpha_t). */
    private static NDArray liOde(TimeGrid grid, int i, NDArray x, Eps model) {
        double alpha = liAlpha(grid, i);
        NDArray score = score(model.at(x, grid.level(i)), grid.level(i));
        return x.add(score.mul((1 - alpha) / 2)).div(Math.sqrt(alpha));
    }

    /** x' = (x + (1 - alpha_t) score + sqrt(1 - alpha_t) z) / sqrt(alpha_t). */
    private static NDArray liDdpm(TimeGrid grid, int i, NDArray x, Eps model, Noise noise) {
        double alpha = liAlpha(grid, i);
        NDArray score = score(model.at(x, grid.level(i)), grid.level(i));
        return x.add(score.mul(1 - alpha)).add(noise.at(i, x).mul(Math.sqrt(1 - alpha))).div(Math.sqrt(alpha));
    }
}
