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
 *
 * <p>A stream keeps the tree's last descent ({@link Descent}): a step's start is the last step's end, and the next
 * time parts from the last one's descent only below the level whose interval holds both, so a step draws the nodes
 * below that level once instead of two whole descents of {@code depth} nodes. The values are the tree's own (each
 * node is still its seed's draw, computed from the same numbers), so they do not depend on what was asked before.
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
            private Descent descent;

            // the prior's stream answers all but the interval draws, which walk this path
            @Override
            public NDArray normal(NDManager manager, Shape event, DataType type, double tFrom, double tTo) {
                double dt = Math.abs(tFrom - tTo);
                if (!(dt > 0) || Math.max(tFrom, tTo) > span * (1 + 1e-12) || Math.min(tFrom, tTo) < 0) {
                    throw new IllegalArgumentException("interval (" + tFrom + ", " + tTo + ") is not allowed: must be a non-empty part of [0, "
                            + span + "], the span of the Brownian path");
                }
                int per = Math.toIntExact(event.size());
                if (descent == null || descent.dim != per) {
                    descent = new Descent(first, size, per);
                }
                double[] v = descent.at(Math.min(tFrom, span));
                double[] b = descent.at(Math.min(tTo, span));
                double scale = 1 / Math.sqrt(dt);
                for (int i = 0; i < v.length; i++) {
                    v[i] = (v[i] - b[i]) * scale;
                }
                return Rows.tensor(manager, v, size, event, type);
            }
        };
    }

    /**
     * The descent of the last time asked, for every sample of a stream: level l's interval [a_l, b_l] (its node's
     * number, the path's values at both ends), the bridge midpoint's values once drawn, and the side the last time took.
     * Which intervals a time passes through depends on the time only, so one walk serves every sample; level l + 1
     * follows from level l and the side, so the levels above the first side that differs are reused as they are.
     */
    private final class Descent {
        private final long first;
        private final int size;
        private final int dim;
        private final double[] a = new double[depth + 1];
        private final double[] b = new double[depth + 1];
        private final long[] node = new long[depth + 1];
        private final double[][] wa = new double[depth + 1][];
        private final double[][] wb = new double[depth + 1][];
        private final double[][] mid = new double[depth][];
        private final boolean[] left = new boolean[depth];
        private int valid; // levels 0..valid hold the last time's descent; mid[l] is drawn for l < valid

        Descent(long first, int size, int dim) {
            this.first = first;
            this.size = size;
            this.dim = dim;
            a[0] = 0;
            b[0] = span;
            node[0] = 1;
            // node 0 is W(span); the bridge midpoints are the heap-numbered nodes 1, 2, 3, ... (node 1 is the root
            // midpoint, so W(span) must not reuse it: that made W(span/2) = W(span))
            wa[0] = new double[size * dim];
            wb[0] = normals(0);
            double sd = Math.sqrt(span);
            for (int j = 0; j < wb[0].length; j++) {
                wb[0][j] *= sd;
            }
        }

        /** W(t) of every sample, row-major [size, dim], in a new array. */
        double[] at(double t) {
            for (int level = 0; level < depth; level++) {
                if (t <= a[level]) {
                    return wa[level].clone();
                }
                if (t >= b[level]) {
                    return wb[level].clone();
                }
                double m = 0.5 * (a[level] + b[level]);
                boolean toLeft = t < m;
                if (level < valid && left[level] == toLeft) {
                    continue;
                }
                if (level >= valid) {
                    mid[level] = midpoint(level);
                }
                left[level] = toLeft;
                a[level + 1] = toLeft ? a[level] : m;
                b[level + 1] = toLeft ? m : b[level];
                node[level + 1] = 2 * node[level] + (toLeft ? 0 : 1);
                wa[level + 1] = toLeft ? wa[level] : mid[level];
                wb[level + 1] = toLeft ? mid[level] : wb[level];
                valid = level + 1;
            }
            double w = (t - a[depth]) / (b[depth] - a[depth]);
            double[] out = new double[size * dim];
            for (int j = 0; j < out.length; j++) {
                out[j] = (1 - w) * wa[depth][j] + w * wb[depth][j];
            }
            return out;
        }

        /** The bridge midpoint of level l's interval: 0.5 (W(a) + W(b)) + sqrt((b - a) / 4) Z, Z its node's draws. */
        private double[] midpoint(int level) {
            double[] z = normals(node[level]);
            double bridgeSd = Math.sqrt((b[level] - a[level]) / 4);
            for (int j = 0; j < z.length; j++) {
                z[j] = 0.5 * (wa[level][j] + wb[level][j]) + bridgeSd * z[j];
            }
            return z;
        }

        /** The node's dim standard normals for every sample, from the generator seeded by (seed, sample, node). */
        private double[] normals(long n) {
            double[] z = new double[size * dim];
            for (int i = 0; i < size; i++) {
                ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(new SplitMix64(SeedMixer.mix(seed, first + i, n)));
                for (int j = 0; j < dim; j++) {
                    z[i * dim + j] = g.sample();
                }
            }
            return z;
        }
    }
}
