package org.difflab.runtime.unet;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.nn.core.Linear;
import org.difflab.dsl.Require;
import org.difflab.runtime.DiffLabRuntime;

/**
 * The arithmetic cost of one forward pass of a {@link UNet} for one image: the multiply-adds of its layers, counted from
 * the network's own block tree at the input shapes it was initialised with (batch 1), so a change to the architecture
 * changes the count. FLOPs are 2 x multiply-adds (the usual convention: one multiply and one add).
 *
 * <ul>
 *   <li>Convolution: every output element costs (input channels / groups) x kernel height x kernel width multiply-adds.
 *   <li>Dense layer: every output element costs its input features.
 *   <li>{@link GroupNorm}: 3 per input element (the sum for the mean, the sum of squared deviations, the scale-and-shift
 *       by gamma and beta).
 * </ul>
 *
 * <p>Elementwise operations that are not multiply-adds (biases, SiLU, residual sums, the time shift, the centring and
 * division of GroupNorm, concatenation, nearest up-sampling, the sinusoidal time features) are left out: about one
 * operation per activation element against 9 x channels multiply-adds per output element of a 3 x 3 convolution. The
 * UNet has no attention (see its class comment). A leaf block of any other kind is refused rather than counted as
 * free. The count is the per-level cost a multilevel sampler's cost model needs in machine-independent units, beside
 * measured wall time (Jacot 2026, arXiv 2603.24594, states ML-EM's cost as compute).
 */
public final class UNetFlops {
    private UNetFlops() {}

    /** Multiply-adds of one forward pass of {@code net} for one image; {@code net} must be initialised. */
    public static long multiplyAdds(UNet net) {
        Require.notNull("net", net);
        return perImage(net, net.getInputShapes()[0].get(0));
    }

    /** Multiply-adds of one forward pass of a network of architecture {@code config} for one image. */
    public static long multiplyAdds(UNetConfig config) {
        Require.notNull("config", config);
        try (NDManager manager = DiffLabRuntime.engine().newBaseManager()) {
            return multiplyAdds(new UNet(config).initialize(manager, 0));
        }
    }

    /** FLOPs (2 x multiply-adds) of one forward pass of a network of architecture {@code config} for one image. */
    public static long flops(UNetConfig config) {
        return 2 * multiplyAdds(config);
    }

    private static long perImage(Block net, long batch) {
        long total = count(net, "unet");
        if (total % batch != 0) {
            throw new IllegalStateException(total + " multiply-adds for a batch of " + batch + " is not a whole number per image");
        }
        return total / batch;
    }

    /** Multiply-adds of {@code block} and its descendants at their initialised input shapes. */
    private static long count(Block block, String name) {
        if (!block.getChildren().isEmpty()) {
            long sum = 0;
            for (var child : block.getChildren()) {
                sum += count(child.getValue(), name + "/" + child.getKey());
            }
            return sum;
        }
        Shape in = block.getInputShapes()[0];
        if (block instanceof Convolution conv) {
            Shape out = conv.getOutputShapes(new Shape[] {in})[0];
            return Math.multiplyExact(out.size(), in.get(1) / conv.getGroups() * conv.getKernelShape().size());
        }
        if (block instanceof Linear) {
            long units = block.getOutputShapes(new Shape[] {in})[0].getLastDimension();
            return Math.multiplyExact(in.size(), units);
        }
        if (block instanceof GroupNorm) {
            return 3 * in.size();
        }
        throw new IllegalStateException(name + " is a " + block.getClass().getSimpleName() + ", whose multiply-adds are not "
                + "known to this counter: count it here before reporting a network's cost");
    }
}
