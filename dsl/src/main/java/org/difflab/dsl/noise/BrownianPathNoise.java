package org.difflab.dsl.noise;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.difflab.dsl.Require;

/**
 * A Brownian path W on [0, span] per sample, answered consistently at any time (a virtual Brownian tree,
 * as in torchsde / diffrax's VirtualBrownianTree): W(span) ~ N(0, span), then each dyadic midpoint is drawn
 * from its Brownian bridge with a generator seeded by (seed, sample, node), down to intervals of
 * span * 2^-depth, with linear interpolation below. Two runs on different grids therefore see increments
 * of one path, which strong-error studies need. Draws not tied to an interval (the prior) come from a
 * separate per-sample stream.
 */
public final class BrownianPathNoise extends SeededNoise {
    private final double span;
    private final int depth;
    private final PerSampleNoise initial;

    /** A path on [0, span] resolved to span * 2^-depth. */
    public BrownianPathNoise(long seed, double span, int depth) {
        super(seed, true, "brownian-path(seed=" + seed + ", span=" + span + ", depth=" + depth + ")");
        this.span = Require.positive("span", span);
        this.depth = Require.inRange("depth", depth, 1, 60);
        this.initial = new PerSampleNoise(SeedMixer.mix(seed, 7, 7));
    }

    @Override
    public NoiseStream open(long first, int size) {
        NoiseStream prior = initial.open(first, size);
        return new ForwardingNoiseStream(prior) {
            // the prior's stream answers all but the interval draws, which walk this path
            @Override
            public NDArray normal(NDManager manager, Shape event, DataType type, double tFrom, double tTo) {
                double dt = Math.abs(tFrom - tTo);
                if (!(dt > 0) || Math.max(tFrom, tTo) > span * (1 + 1e-12) || Math.min(tFrom, tTo) < 0) {
                    throw new IllegalArgumentException("interval (" + tFrom + ", " + tTo + ") is not allowed: must be a non-empty part of [0, "
                            + span + "], the span of the Brownian path");
                }
                int per = Math.toIntExact(event.size());
                double[] v = new double[size * per];
                double scale = 1 / Math.sqrt(dt);
                for (int i = 0; i < size; i++) {
                    double[] a = value(first + i, Math.min(tFrom, span), per);
                    double[] b = value(first + i, Math.min(tTo, span), per);
                    for (int j = 0; j < per; j++) {
                        v[i * per + j] = (a[j] - b[j]) * scale;
                    }
                }
                return Rows.tensor(manager, v, size, event, type);
            }
        };
    }

    /** W(t) of one sample, in {@code dim} independent coordinates. */
    double[] value(long sample, double t, int dim) {
        double[] wa = new double[dim];
        // node 0 is W(span); the bridge midpoints are the heap-numbered nodes 1, 2, 3, ... (node 1 is the root
        // midpoint, so W(span) must not reuse it: that made W(span/2) = W(span))
        double[] wb = normals(sample, 0, dim);
        double sd = Math.sqrt(span);
        for (int j = 0; j < dim; j++) {
            wb[j] *= sd;
        }
        double a = 0;
        double b = span;
        long node = 1;
        for (int level = 0; level < depth; level++) {
            if (t <= a) {
                return wa;
            }
            if (t >= b) {
                return wb;
            }
            double m = 0.5 * (a + b);
            double[] z = normals(sample, node, dim);
            double bridgeSd = Math.sqrt((b - a) / 4);
            double[] wm = new double[dim];
            for (int j = 0; j < dim; j++) {
                wm[j] = 0.5 * (wa[j] + wb[j]) + bridgeSd * z[j];
            }
            if (t < m) {
                b = m;
                wb = wm;
                node = 2 * node;
            } else {
                a = m;
                wa = wm;
                node = 2 * node + 1;
            }
        }
        double w = (t - a) / (b - a);
        double[] out = new double[dim];
        for (int j = 0; j < dim; j++) {
            out[j] = (1 - w) * wa[j] + w * wb[j];
        }
        return out;
    }

    private double[] normals(long sample, long node, int dim) {
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(new SplitMix64(SeedMixer.mix(seed, sample, node)));
        double[] z = new double[dim];
        for (int j = 0; j < dim; j++) {
            z[j] = g.sample();
        }
        return z;
    }
}
