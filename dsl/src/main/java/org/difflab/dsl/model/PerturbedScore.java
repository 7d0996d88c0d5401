package org.difflab.dsl.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.difflab.dsl.Require;

/**
 * A score model with a controlled error: s(x) = s_base(x) + e(x), for probing the score-error terms of the
 * convergence theorems (epsilon_score^2 = E||s - s*||^2). The error shapes:
 * <ul>
 *   <li>{@code CONSTANT}: e = size * u for a fixed random unit vector u, so ||e|| = size exactly (affine);</li>
 *   <li>{@code RELATIVE}: e = size * s_base(x), a multiplicative error (affine when the base is);</li>
 *   <li>{@code SINUSOIDAL}: e = size * sqrt(2/d) * sin(x), a bounded non-affine error of RMS about size.</li>
 * </ul>
 */
public final class PerturbedScore extends ScoreWithError {

    /** The form of the error term. */
    public enum ErrorShape {
        CONSTANT, RELATIVE, SINUSOIDAL
    }

    private final double size;
    private final ErrorShape shape;
    private final double[] direction;

    public PerturbedScore(ScoreModel base, double size, ErrorShape shape, long seed) {
        super(base);
        this.size = Require.nonNegative("size", size);
        this.shape = Require.notNull("shape", shape);
        int d = Math.toIntExact(base.eventShape().size());
        SplittableRandom rng = new SplittableRandom(seed);
        double[] u = new double[d];
        double norm = 0;
        for (int i = 0; i < d; i++) {
            u[i] = rng.nextDouble() - 0.5;
            norm += u[i] * u[i];
        }
        for (int i = 0; i < d; i++) {
            u[i] /= Math.sqrt(norm);
        }
        this.direction = u;
    }

    public double size() {
        return size;
    }

    public ErrorShape shape() {
        return shape;
    }

    @Override
    protected NDArray withError(NDArray s, NDArray x) {
        return switch (shape) {
            case CONSTANT -> s.add(x.getManager().create(direction).toType(x.getDataType(), false)
                    .reshape(new Shape(1).addAll(eventShape())).mul(size));
            case RELATIVE -> s.mul(1 + size);
            case SINUSOIDAL -> s.add(x.sin().mul(size * Math.sqrt(2.0 / direction.length)));
        };
    }

    @Override
    public String describe() {
        return base().describe() + " + " + shape.name().toLowerCase() + " error of size " + size;
    }
}
