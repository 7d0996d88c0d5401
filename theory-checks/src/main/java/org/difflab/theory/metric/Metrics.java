package org.difflab.theory.metric;

import java.util.List;

/** Factory of the metrics, by method or by name ({@link #names()}). */
public final class Metrics {
    private Metrics() {}

    /** KL(sampler || reference). */
    public static Metric kl() {
        return new KlDivergence(KlDivergence.Direction.FORWARD, false);
    }

    /** KL(reference || sampler). */
    public static Metric klReverse() {
        return new KlDivergence(KlDivergence.Direction.REVERSE, false);
    }

    /** sqrt(KL(sampler || reference)): first order in the sampler's error, for order fits. */
    public static Metric sqrtKl() {
        return new KlDivergence(KlDivergence.Direction.FORWARD, true);
    }

    /** Hellinger distance H (H^2 = 1 - Bhattacharyya coefficient). */
    public static Metric hellinger() {
        return new Hellinger(false);
    }

    /** Squared Hellinger distance H^2. */
    public static Metric hellingerSquared() {
        return new Hellinger(true);
    }

    /** 2-Wasserstein distance. */
    public static Metric w2() {
        return new Wasserstein2();
    }

    /** Total variation (exact in 1-D and between isotropic laws; else bracket plus 200000-sample Monte Carlo with seed 0). */
    public static Metric tv() {
        return new TotalVariation(200_000, 0);
    }

    /** The names {@link #byName} accepts. */
    public static List<String> names() {
        return List.of("kl", "klReverse", "sqrtKl", "hellinger", "hellingerSquared", "w2", "tv");
    }

    /** The metric with this name (case-insensitive), one of {@link #names()}. */
    public static Metric byName(String name) {
        if (name == null) {
            throw new IllegalArgumentException("name is null, which is not allowed: one of " + names());
        }
        return switch (name.toLowerCase()) {
            case "kl" -> kl();
            case "klreverse" -> klReverse();
            case "sqrtkl" -> sqrtKl();
            case "hellinger" -> hellinger();
            case "hellingersquared" -> hellingerSquared();
            case "w2" -> w2();
            case "tv" -> tv();
            default -> throw new IllegalArgumentException("metric name = '" + name + "' is not allowed: one of " + names());
        };
    }
}
