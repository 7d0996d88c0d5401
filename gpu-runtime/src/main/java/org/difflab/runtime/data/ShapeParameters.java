package org.difflab.runtime.data;

/**
 * The latent variables of one {@link SyntheticShapes} image: which shape, its radius, its centre (column cx, row cy, in
 * pixel-corner coordinates) and its colour (an index into {@link SyntheticShapes#palette()}).
 */
public record ShapeParameters(ShapeKind kind, int radius, int cx, int cy, int colour) {}
