package org.difflab.plugin.bench;

/**
 * One figure of {@code difflab bench}: which section and case it measures, what (metric and unit) and its value over
 * the repeats.
 *
 * @param section overhead, exact or unet (or check)
 * @param subject what was run, e.g. {@code ddim d=16 batch=64}
 * @param metric  what was measured, e.g. {@code DiffLab / raw DJL}
 * @param unit    the unit, e.g. {@code x} for a ratio, {@code us/step}
 * @param value   median, lowest and highest over the repeats
 */
public record BenchRow(String section, String subject, String metric, String unit, Spread value) {
}
