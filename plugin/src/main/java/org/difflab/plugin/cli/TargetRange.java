package org.difflab.plugin.cli;

import ai.djl.ndarray.types.DataType;
import java.util.Locale;
import java.util.function.Consumer;
import org.difflab.dsl.spec.Spec;

/**
 * A target's scale against the number type and the prior, checked before a run so that the sampler does not take the
 * blame ("ddim produced NaN or Inf at step 1" for mean = 1e200): a mean or standard deviation whose square overflows the
 * run's type is refused naming the key (float32: squares up to 3.4e38, so scales up to 1e18; float64: up to 1e150); a scale
 * more than 1000 times the prior's standard deviation, or less than 1e-6 of it, draws a warning, since the run then ends
 * far from the target (the prior does not cover it) or below what the type resolves.
 */
final class TargetRange {
    private static final double FLOAT32_SCALE = 1e18;
    private static final double FLOAT64_SCALE = 1e150;
    private static final double FAR = 1000;

    private TargetRange() {}

    /** Refuses what overflows {@code type}; warns through {@code warn} about scales far from the prior's. */
    static void check(String option, String spec, DataType type, double priorStd, Consumer<String> warn) {
        Spec s;
        try {
            s = Spec.parse("target", spec);
        } catch (IllegalArgumentException e) {
            return; // the target's parser reports it
        }
        double limit = type == DataType.FLOAT64 ? FLOAT64_SCALE : FLOAT32_SCALE;
        for (String key : new String[] {"mean", "var", "scale", "radius"}) {
            double v;
            try {
                v = Math.abs(s.real(key, Double.NaN));
            } catch (IllegalArgumentException e) {
                continue; // not a number: the target's parser reports it
            }
            if (Double.isNaN(v)) {
                continue;
            }
            double scale = key.equals("var") ? Math.sqrt(v) : v;
            if (scale > limit) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s = %s is not allowed: %s = %s overflows %s when squared (scales up "
                        + "to %.0e)%s", option, spec, key, s.string(key, ""), type == DataType.FLOAT64 ? "float64" : "float32", limit,
                        type == DataType.FLOAT64 ? "" : "; use --dtype float64 or a smaller " + key));
            }
            if (scale > FAR * priorStd || (scale > 0 && scale < priorStd / 1e6 && !key.equals("mean"))) {
                warn.accept(String.format(Locale.ROOT, "difflab: warning: %s %s = %s is %s the prior's scale (std %.3g): the samples may not "
                        + "reach the target", option, key, s.string(key, ""), scale > priorStd ? "far above" : "far below", priorStd));
            }
        }
    }
}
