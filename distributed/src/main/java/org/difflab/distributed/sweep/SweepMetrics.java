package org.difflab.distributed.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.difflab.theory.metric.Metrics;
import org.difflab.theory.montecarlo.SampleMetric;
import org.difflab.theory.montecarlo.SampleMetrics;

/**
 * The metrics a sweep accepts, by name: the exact metrics of {@link Metrics} (Gaussian targets, no Monte Carlo error)
 * and the sample metrics of {@link SampleMetrics} under their own names (any target, with standard errors; {@code ks}
 * and {@code w1} in one dimension only). A cell's kind follows from its metric.
 */
public final class SweepMetrics {
    private static final Map<String, Supplier<SampleMetric>> MONTE_CARLO = Map.of(
            "mmd2", SampleMetrics::mmd, "slicedw2sq", SampleMetrics::slicedW2, "energy", SampleMetrics::energy,
            "ks", SampleMetrics::ks, "w1", SampleMetrics::w1);
    private static final List<String> MONTE_CARLO_NAMES = List.of("mmd2", "slicedW2sq", "energy", "ks", "w1");

    private SweepMetrics() {}

    /** Every name, exact first. */
    public static List<String> names() {
        List<String> all = new ArrayList<>(Metrics.names());
        all.addAll(MONTE_CARLO_NAMES);
        return all;
    }

    /** The canonical spelling of a metric name (case-insensitive), or an error naming {@code --metric} and the names. */
    public static String canonical(String name) {
        for (String n : names()) {
            if (n.equalsIgnoreCase(name == null ? "" : name.trim())) {
                return n;
            }
        }
        throw new IllegalArgumentException("--metric = " + name + " is not allowed: exact metrics (Gaussian targets) "
                + String.join(", ", Metrics.names()) + "; Monte Carlo metrics (any target) " + String.join(", ", MONTE_CARLO_NAMES));
    }

    /** Whether a canonical name is an exact metric. */
    public static boolean exact(String name) {
        return Metrics.names().contains(name);
    }

    /** Whether a canonical name needs one-dimensional samples. */
    public static boolean oneDimensional(String name) {
        return name.equals("ks") || name.equals("w1");
    }

    /** The sample metric of a canonical Monte Carlo name. */
    public static SampleMetric monteCarlo(String name) {
        Supplier<SampleMetric> m = MONTE_CARLO.get(name.toLowerCase(Locale.ROOT));
        if (m == null) {
            throw new IllegalArgumentException("metric = " + name + " is not allowed here: Monte Carlo metrics are " + MONTE_CARLO_NAMES);
        }
        return m.get();
    }
}
