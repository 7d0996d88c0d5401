package org.difflab.theory.metric;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A distance or divergence between the output law of a sampler and its reference law, both Gaussians with
 * diagonal covariance in one shared basis (the eigenbasis of the target covariance). Implementations are exact
 * where a closed form exists and give a bracket plus an estimate with its standard error otherwise.
 * Choose one by name with {@link Metrics#byName(String)}.
 */
public interface Metric {

    /** Name as in {@link Metrics#byName(String)}, e.g. {@code kl}. */
    String name();

    /** The metric from {@code p} (the sampler's law) to {@code q} (the reference). */
    MetricValue between(DiagonalGaussian p, DiagonalGaussian q);

    /**
     * The metric from an equal-weight mixture of Gaussians (one per repetition of the auxiliary randomness) to the
     * reference. The default brackets a jointly convex metric: lower bound 0, upper bound the mean over components
     * (convexity); a single component is exact. Metrics with a better lower bound override it.
     */
    default MetricValue ofMixture(List<DiagonalGaussian> components, DiagonalGaussian momentMatched, DiagonalGaussian reference) {
        if (components.isEmpty()) {
            throw new IllegalArgumentException("components is empty, which is not allowed: a mixture needs at least 1 component");
        }
        if (components.size() == 1) {
            return between(components.get(0), reference);
        }
        double upper = componentMean(components, c -> between(c, reference).upper());
        return new MetricValue(upper, 0, upper, 0);
    }

    /**
     * The mean of {@code f} over a mixture's components, summed in their order as f(c) / M: for a convex f of the law, the
     * upper bound at the mixture that every metric's {@link #ofMixture} starts from.
     */
    static double componentMean(List<DiagonalGaussian> components, ToDoubleFunction<DiagonalGaussian> f) {
        double mean = 0;
        for (DiagonalGaussian c : components) {
            mean += f.applyAsDouble(c) / components.size();
        }
        return mean;
    }
}
