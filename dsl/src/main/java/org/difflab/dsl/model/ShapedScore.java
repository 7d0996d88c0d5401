package org.difflab.dsl.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.difflab.dsl.Require;
import org.difflab.dsl.schedule.NoiseLevel;

/**
 * A model on flat vectors of d coordinates used for samples of another shape with d elements, e.g. the exact score of
 * a Gaussian over the pixels of [3, 16, 16] images (the base s^0 of a hierarchy of image networks): rows are flattened
 * before the call and the prediction is given the samples' shape back.
 */
public final class ShapedScore implements ScoreModel {
    private final ScoreModel flat;
    private final Shape shape;

    /**
     * @param flat  the model, on events [d]
     * @param shape the samples' event shape, with d elements
     */
    public ShapedScore(ScoreModel flat, Shape shape) {
        this.flat = Require.notNull("flat", flat);
        this.shape = Require.notNull("shape", shape);
        if (flat.eventShape().size() != shape.size()) {
            throw new IllegalArgumentException("shape = " + shape + " is not allowed for a model on events " + flat.eventShape()
                    + ": it must have the same number of elements, " + flat.eventShape().size());
        }
    }

    @Override
    public Parameterization parameterization() {
        return flat.parameterization();
    }

    @Override
    public Shape eventShape() {
        return shape;
    }

    @Override
    public NDArray predict(NDArray x, NoiseLevel level) {
        return flat.predict(flatten(x), level).reshape(x.getShape());
    }

    @Override
    public NDArray predict(NDArray x, NoiseLevel[] levels) {
        return flat.predict(flatten(x), levels).reshape(x.getShape());
    }

    private NDArray flatten(NDArray x) {
        return x.reshape(x.getShape().get(0), shape.size());
    }

    @Override
    public String describe() {
        return flat.describe() + " on events " + shape;
    }
}
