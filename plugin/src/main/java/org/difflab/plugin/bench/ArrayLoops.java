package org.difflab.plugin.bench;

import java.util.List;
import java.util.function.IntFunction;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.schedule.NoiseLevel;

/**
 * The loops of {@link RawLoops} on plain Java arrays, for the isotropic Gaussian model of {@link IsotropicEps}: the
 * floor for tiny problems (d &lt;= 16), where a tensor library's fixed cost per operation (microseconds) dominates
 * arithmetic that takes nanoseconds. Rows of the batch are consecutive blocks of the array; arithmetic in double.
 */
public final class ArrayLoops {
    /** The integrators written here: the first three of {@link RawLoops#INTEGRATORS}. */
    public static final List<String> INTEGRATORS = RawLoops.INTEGRATORS.subList(0, 3);

    private ArrayLoops() {}

    /**
     * Runs {@code integrator} (one of {@link #INTEGRATORS}) over the grid on {@code x} in place, with the model
     * {@code model} and {@code noise.apply(i)} the standard normal draws of step i (x's length; ddpm only).
     */
    public static double[] run(String integrator, TimeGrid grid, double[] x, IsotropicEps model, IntFunction<double[]> noise) {
        if (!INTEGRATORS.contains(integrator)) {
            throw new IllegalArgumentException("integrator = " + integrator + " is not allowed: one of "
                    + String.join(", ", INTEGRATORS));
        }
        int n = x.length;
        for (int i = 0; i < grid.steps(); i++) {
            NoiseLevel t = grid.level(i);
            NoiseLevel p = grid.level(i + 1);
            double c = model.factor(t);
            switch (integrator) {
                case "ddim" -> {
                    double sp = Math.sqrt(Math.max(0, p.sigma() * p.sigma()));
                    for (int j = 0; j < n; j++) {
                        double eps = x[j] * c;
                        x[j] = (x[j] - eps * t.sigma()) / t.alpha() * p.alpha() + eps * sp;
                    }
                }
                case "ddpm" -> {
                    double r = t.alpha() / p.alpha();
                    double s2 = t.sigma() * t.sigma();
                    double sp2 = p.sigma() * p.sigma();
                    double beta = s2 - r * r * sp2;
                    double scale = sp2 == 0 ? 0 : Math.sqrt(beta);
                    double[] z = scale > 0 ? noise.apply(i) : null;
                    for (int j = 0; j < n; j++) {
                        double x0 = (x[j] - x[j] * c * t.sigma()) / t.alpha();
                        x[j] = x[j] * (r * sp2 / s2) + x0 * (p.alpha() * beta / s2) + (z == null ? 0 : z[j] * scale);
                    }
                }
                default -> {
                    double h = p.sigmaOverAlpha() - t.sigmaOverAlpha();
                    double cNext = p.sigma() > 0 ? model.factor(p) : 0;
                    for (int j = 0; j < n; j++) {
                        double y = x[j] / t.alpha();
                        double d = x[j] * c;
                        double yNext = y + d * h;
                        if (p.sigma() > 0) {
                            yNext = y + (d + yNext * p.alpha() * cNext) * (0.5 * h);
                        }
                        x[j] = yNext * p.alpha();
                    }
                }
            }
        }
        return x;
    }
}
