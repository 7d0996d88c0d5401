package org.difflab.runtime.unet;

import java.util.Arrays;
import org.difflab.dsl.Require;

/**
 * The shape of a {@link UNet}: image channels and side, base width, channel multiplier per resolution level, residual
 * blocks per level and GroupNorm groups. Level i works at side size / 2^i with width * multipliers[i] channels; the
 * time embedding has width sinusoidal features and 4 * width hidden units (the proportions of Ho et al. 2020's
 * network, which uses width 128 and multipliers 1, 2, 2, 2 on CIFAR-10).
 *
 * <p>Every check names the parameter, its value and what is allowed, so a bad size fails here rather than deep inside
 * a convolution.
 *
 * @param channels    image channels (3 for RGB)
 * @param size        image side
 * @param width       base width: channels of level 0 and sinusoidal time features
 * @param multipliers channel multiplier per level (copied in and out)
 * @param blocks      residual blocks per level on the way down (one more on the way up, as in Ho et al.'s network)
 * @param groups      GroupNorm groups
 */
public record UNetConfig(int channels, int size, int width, int[] multipliers, int blocks, int groups) {

    /** Checks every field (in this order: channels, width, multipliers, blocks, groups, size) and copies the multipliers. */
    public UNetConfig {
        Require.inRange("channels", channels, 1, 64);
        Require.inRange("width", width, 2, 1024);
        if (width % 2 != 0) {
            throw new IllegalArgumentException("width = " + width + " is not allowed: must be even (it is also the number of "
                    + "sinusoidal time features, half sines and half cosines)");
        }
        Require.notNull("multipliers", multipliers);
        Require.inRange("multipliers.length", multipliers.length, 1, 6);
        for (int i = 0; i < multipliers.length; i++) {
            Require.inRange("multipliers[" + i + "]", multipliers[i], 1, 16);
        }
        multipliers = multipliers.clone();
        Require.inRange("blocks", blocks, 1, 4);
        Require.inRange("groups", groups, 1, width);
        for (int i = 0; i < multipliers.length; i++) {
            if (width * multipliers[i] % groups != 0) {
                throw new IllegalArgumentException("groups = " + groups + " is not allowed: it must divide the channel count of "
                        + "every level, and level " + i + " has width * multipliers[" + i + "] = " + width * multipliers[i]);
            }
        }
        int factor = 1 << (multipliers.length - 1);
        Require.inRange("size", size, 2 * factor, 1024);
        if (size % factor != 0) {
            throw new IllegalArgumentException("size = " + size + " is not allowed: with " + multipliers.length + " levels the "
                    + "side is halved " + (multipliers.length - 1) + " times, so it must be a multiple of " + factor);
        }
    }

    /**
     * RGB images of side {@code size}, base {@code width}, multipliers 1, 2, 2 (three levels), one residual block per
     * level and width / 4 groups (at least 1).
     */
    public static UNetConfig of(int size, int width) {
        return new UNetConfig(3, size, width, new int[] {1, 2, 2}, 1, Math.max(1, width / 4));
    }

    /** Every field explicit; see the class comment. */
    public static UNetConfig of(int channels, int size, int width, int[] multipliers, int blocks, int groups) {
        return new UNetConfig(channels, size, width, multipliers, blocks, groups);
    }

    /** Number of resolution levels. */
    public int levels() {
        return multipliers.length;
    }

    /** Channels of level i: width * multipliers[i]. */
    public int levelWidth(int i) {
        return width * multipliers[i];
    }

    /** The channel multipliers (a copy). */
    public int[] multipliers() {
        return multipliers.clone();
    }

    /** Width of the time embedding after its two dense layers: 4 * width. */
    public int embeddingWidth() {
        return 4 * width;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UNetConfig c && c.channels == channels && c.size == size && c.width == width
                && Arrays.equals(c.multipliers, multipliers) && c.blocks == blocks && c.groups == groups;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * (31 * (31 * channels + size) + width) + Arrays.hashCode(multipliers)) + blocks) + groups;
    }

    @Override
    public String toString() {
        return "unet:channels=" + channels + ",size=" + size + ",width=" + width + ",multipliers="
                + Arrays.toString(multipliers).replaceAll("[\\[\\] ]", "").replace(',', '/') + ",blocks=" + blocks
                + ",groups=" + groups;
    }
}
