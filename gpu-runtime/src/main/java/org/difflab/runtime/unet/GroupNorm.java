package org.difflab.runtime.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import org.difflab.dsl.Require;

/**
 * Group normalisation (Wu and He 2018): the channels of x [B, C, H, W] are split into G groups, each group of each
 * sample is normalised to mean 0 and variance 1 (biased variance, epsilon 1e-5 inside the square root), then every
 * channel is scaled by gamma and shifted by beta (learned, [C]). The normalisation of Ho et al. 2020's UNet, as
 * {@code torch.nn.GroupNorm}; DJL 0.35.1 has none.
 *
 * <p>Every operation takes tensor operands (epsilon is a scalar tensor of x's manager) and its result belongs to x's
 * manager, the reshaped gamma and beta included.
 */
final class GroupNorm extends AbstractBlock {
    static final float EPSILON = 1e-5f;

    private final int channels;
    private final int groups;
    private final Parameter gamma;
    private final Parameter beta;

    GroupNorm(int channels, int groups) {
        this.channels = channels;
        this.groups = groups;
        if (channels % groups != 0) {
            throw new IllegalArgumentException("groups = " + groups + " is not allowed for " + channels
                    + " channels: must divide the channel count");
        }
        gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA)
                .optShape(new Shape(channels)).optInitializer(Initializer.ONES).build());
        beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA)
                .optShape(new Shape(channels)).optInitializer(Initializer.ZEROS).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape s = x.getShape();
        if (s.dimension() != 4 || s.get(1) != channels) {
            throw new IllegalArgumentException("x has shape " + s + ", which is not allowed for GroupNorm over " + channels
                    + " channels: expected [B, " + channels + ", H, W]");
        }
        NDArray grouped = x.reshape(s.get(0), groups, -1);
        NDArray centred = grouped.sub(grouped.mean(new int[] {2}, true));
        NDArray variance = centred.square().mean(new int[] {2}, true);
        NDArray normed = centred.div(variance.add(x.getManager().create(EPSILON)).sqrt()).reshape(s);
        NDArray g = store.getValue(gamma, x.getDevice(), training).reshape(1, channels, 1, 1);
        NDArray b = store.getValue(beta, x.getDevice(), training).reshape(1, channels, 1, 1);
        g.attach(x.getManager());
        b.attach(x.getManager());
        return new NDList(normed.mul(g).add(b));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
