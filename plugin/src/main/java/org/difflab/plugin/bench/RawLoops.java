package org.difflab.plugin.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.util.List;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.schedule.NoiseLevel;

/**
 * Hand-written loops of raw DJL calls doing the arithmetic of DiffLab's {@code ddim} (eta = 0), {@code ddpm} (large
 * variance) and {@code heun}, operation for operation, with each step's temporaries freed by an {@link NDScope}: what a
 * researcher would write without DiffLab, and the reference its per-step overhead is measured against. With the same
 * model, initial batch and noise they return DiffLab's samples bit for bit (tested).
 */
public final class RawLoops {
    /** The integrators written here. */
    public static final List<String> INTEGRATORS = List.of("ddim", "ddpm", "heun");

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
        for (int i = 0; i < grid.steps(); i++) {
            NDArray next;
            try (NDScope scope = new NDScope()) {
                next = switch (integrator) {
                    case "ddim" -> ddim(grid, i, current, eps);
                    case "ddpm" -> ddpm(grid, i, current, eps, noise);
                    default -> heun(grid, i, current, eps);
                };
                NDScope.unregister(next);
            }
            if (current != x) {
                current.close();
            }
            current = next;
        }
        return current;
    }

    /** x0 = (x - s eps) / a; x' = a' x0 + s' eps. */
    private static NDArray ddim(TimeGrid grid, int i, NDArray x, Eps model) {
        NoiseLevel t = grid.level(i);
        NoiseLevel p = grid.level(i + 1);
        NDArray eps = model.at(x, t);
        NDArray x0 = x.sub(eps.mul(t.sigma())).div(t.alpha());
        return x0.mul(p.alpha()).add(eps.mul(Math.sqrt(Math.max(0, p.sigma() * p.sigma()))));
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
        NDArray x0 = x.sub(eps.mul(t.sigma())).div(t.alpha());
        NDArray next = x.mul(r * sp2 / s2).add(x0.mul(p.alpha() * beta / s2));
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
}
