package org.difflab.plugin.cli;

import java.util.Locale;
import org.difflab.dsl.spec.Spec;

/**
 * What a command's options ask of memory, estimated from the options alone (before a target is built, since a full
 * covariance of d = 100000 is 80 GB by itself): the target's arrays, the time grid and per-step arrays, the samples
 * kept, and one batch's work tensors. Upper bounds by a small factor, from the arrays the code makes:
 * <ul>
 * <li>a full-covariance Gaussian ({@code spread}) holds about six d x d double matrices while it is built (draws, Q,
 * covariance, eigendecomposition) and two as tensors;</li>
 * <li>a random mixture holds k x d means and variances, and its exact score makes batch x k x d tensors (about three);</li>
 * <li>a time grid and the integrators' per-step coefficients take about eight doubles per step;</li>
 * <li>kept samples are rows of d doubles (16 bytes of array header each) plus the run's tensor and its concatenation;</li>
 * <li>one batch takes about sixteen state-sized tensors (state, score, noise, integrator temporaries); a network about
 * 64 per value of its input (a UNet's channels and skip connections).</li>
 * </ul>
 */
final class RequestSize {
    private static final double DOUBLE = 8;

    private RequestSize() {}

    /** The dimension d, the mixture size k and whether the covariance is full, read from a target spec; null if it does not parse. */
    record TargetShape(long d, long k, boolean full) {
        static TargetShape of(String spec) {
            try {
                Spec s = Spec.parse("target", spec);
                if (s.has("preset")) {
                    return new TargetShape(2, 64, false);
                }
                return new TargetShape(s.integer("d", 2), s.name().equals("gmm") ? s.integer("k", 3) : 1, s.has("spread"));
            } catch (IllegalArgumentException e) {
                return null; // the target's parser reports it
            }
        }
    }

    /** Adds a target's own arrays and its per-batch score work. */
    static void target(Budget b, String option, String spec, int batch, int valueBytes) {
        TargetShape t = TargetShape.of(spec);
        if (t == null) {
            return;
        }
        String name = option + " = " + spec;
        if (t.full()) {
            b.arrayLength(name + " (a d x d covariance)", (double) t.d() * t.d());
            b.heap(name + " covariance while built", 6 * DOUBLE * t.d() * t.d());
            b.tensors(name + " covariance tensors", 2.0 * valueBytes * t.d() * t.d());
        }
        if (t.k() > 1) {
            b.heap(name + " means and variances", 4 * DOUBLE * t.k() * t.d());
            b.tensors(name + " per-component scores of a batch of " + batch, 3.0 * valueBytes * batch * t.k() * t.d());
        }
    }

    /** Adds the time grid and per-step arrays of a run of {@code steps} steps. */
    static Budget steps(Budget b, String option, long steps) {
        b.arrayLength(option + " = " + steps + " (the time grid)", steps + 1.0);
        return b.heap(option + " = " + steps + " grid and per-step arrays", 8 * DOUBLE * (steps + 1));
    }

    /** Adds n kept samples of {@code values} values each (set by {@code valuesFrom}; rows on the heap, the run's tensors natively). */
    static void kept(Budget b, long n, double values, String valuesFrom, int valueBytes) {
        String name = String.format(Locale.ROOT, "--n = %d samples of %.0f values (%s) kept", n, values, valuesFrom);
        b.arrayLength(name, values * n);
        b.heap(name, n * (DOUBLE * values + 16));
        b.tensors(name + " as tensors", 2.0 * valueBytes * n * values);
    }

    /** Adds one batch's work: state-sized tensors, or a network's activations. */
    static void batch(Budget b, int batch, double values, int valueBytes, boolean network) {
        b.tensors((network ? "network activations" : "integrator state") + " of a batch of " + batch, (network ? 64.0 : 16.0) * valueBytes
                * batch * values);
    }
}
