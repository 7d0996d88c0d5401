package org.difflab.dsl.noise;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * A noise stream with a deliberate defect, for the mutants of {@code org.difflab.dsl.integrator.Mutant}: Gaussian
 * draws with their variance scaled, or auxiliary uniforms multiplied by a factor (capped below 1). Everything else,
 * the end-of-step hook included, is the wrapped stream's.
 */
public final class MutatedNoise extends ForwardingNoiseStream {
    private static final double BELOW_ONE = Math.nextDown(1.0);

    private final double gaussianScale;
    private final double uniformFactor;

    private MutatedNoise(NoiseStream inner, double gaussianScale, double uniformFactor) {
        super(inner);
        this.gaussianScale = gaussianScale;
        this.uniformFactor = uniformFactor;
    }

    /** Gaussian draws with variance {@code factor} instead of 1. */
    public static NoiseStream gaussianVariance(NoiseStream inner, double factor) {
        if (!(factor > 0) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("factor = " + factor + " is not allowed: must be finite and > 0");
        }
        return new MutatedNoise(inner, Math.sqrt(factor), 1);
    }

    /** Auxiliary uniforms u replaced by min(f u, 1 - ulp): a draw u &lt; p then happens with probability p / f. */
    public static NoiseStream uniformFactor(NoiseStream inner, double factor) {
        if (!(factor > 0) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("factor = " + factor + " is not allowed: must be finite and > 0");
        }
        return new MutatedNoise(inner, 1, factor);
    }

    @Override
    public NDArray normal(NDManager manager, Shape event, DataType type, double tFrom, double tTo) {
        NDArray z = inner().normal(manager, event, type, tFrom, tTo);
        return gaussianScale == 1 ? z : z.mul(gaussianScale);
    }

    @Override
    public NDArray normal(NDManager manager, Shape event, DataType type) {
        NDArray z = inner().normal(manager, event, type);
        return gaussianScale == 1 ? z : z.mul(gaussianScale);
    }

    @Override
    public double[] uniform() {
        double[] u = inner().uniform();
        for (int i = 0; i < u.length; i++) {
            u[i] = scaled(u[i]);
        }
        return u;
    }

    @Override
    public double uniformShared() {
        return scaled(inner().uniformShared());
    }

    private double scaled(double u) {
        return uniformFactor == 1 ? u : Math.min(u * uniformFactor, BELOW_ONE);
    }
}
