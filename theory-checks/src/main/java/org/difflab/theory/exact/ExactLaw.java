package org.difflab.theory.exact;

import java.util.Arrays;
import java.util.List;
import org.difflab.theory.metric.DiagonalGaussian;
import org.difflab.theory.metric.Metric;
import org.difflab.theory.metric.MetricValue;

/**
 * The exact output law of a sampler on a Gaussian target, in the eigenbasis of the target covariance: an
 * equal-weight mixture of Gaussians with diagonal covariance, one component per repetition of the auxiliary
 * randomness (a single Gaussian when the integrator has none), with the reference law it should match.
 *
 * @param components one Gaussian per auxiliary repetition
 * @param reference  the target noised to the grid's last time (law(X_0) when the grid ends at 0)
 * @param nfe        model evaluations of one run (the probe pass), as counted by the run
 * @param draws      Gaussian draws of one run (the first repetition), the prior or initial draw included
 * @param sharedAux  shared auxiliary draws ({@code uniformShared}) of one run (the first repetition)
 */
public record ExactLaw(List<DiagonalGaussian> components, DiagonalGaussian reference, long nfe, int draws, int sharedAux) {

    /** A law without shared auxiliary draws counted. */
    public ExactLaw(List<DiagonalGaussian> components, DiagonalGaussian reference, long nfe, int draws) {
        this(components, reference, nfe, draws, 0);
    }

    public ExactLaw {
        if (components == null || components.isEmpty()) {
            throw new IllegalArgumentException("components is empty, which is not allowed: at least 1 component");
        }
        components = List.copyOf(components);
    }

    /** Dimension d. */
    public int dim() {
        return reference.dim();
    }

    /**
     * The law of d independent copies of this one-dimensional law, all sharing each component's auxiliary draws, with
     * the reference replicated likewise: the exact law of a sampler on the d-fold product of a 1-D target when every
     * coordinate evolves by the same map, independent of d (a coordinate-separable sampler on N(m 1, v I_d)).
     */
    public ExactLaw replicated(int d) {
        if (dim() != 1) {
            throw new IllegalStateException("replicated(" + d + ") is not allowed on a law of dimension " + dim() + ": needs dimension 1");
        }
        if (d < 1) {
            throw new IllegalArgumentException("d = " + d + " is not allowed: must be >= 1");
        }
        return new ExactLaw(components.stream().map(c -> replicate(c, d)).toList(), replicate(reference, d), nfe, draws, sharedAux);
    }

    private static DiagonalGaussian replicate(DiagonalGaussian g, int d) {
        double[] mean = new double[d];
        double[] var = new double[d];
        Arrays.fill(mean, g.mean(0));
        Arrays.fill(var, g.variance(0));
        return new DiagonalGaussian(mean, var);
    }

    /** The Gaussian with the mixture's mean and per-coordinate variance (the law itself with one component). */
    public DiagonalGaussian momentMatched() {
        if (components.size() == 1) {
            return components.get(0);
        }
        int d = dim();
        int n = components.size();
        double[] mean = new double[d];
        double[] var = new double[d];
        for (DiagonalGaussian c : components) {
            for (int j = 0; j < d; j++) {
                mean[j] += c.mean(j) / n;
            }
        }
        for (DiagonalGaussian c : components) {
            for (int j = 0; j < d; j++) {
                double dm = c.mean(j) - mean[j];
                var[j] += (c.variance(j) + dm * dm) / n;
            }
        }
        return new DiagonalGaussian(mean, var);
    }

    /** The metric from this law to its reference (a bracket for a mixture). */
    public MetricValue metric(Metric metric) {
        if (metric == null) {
            throw new IllegalArgumentException("metric is null, which is not allowed: see Metrics");
        }
        return metric.ofMixture(components, momentMatched(), reference);
    }
}
