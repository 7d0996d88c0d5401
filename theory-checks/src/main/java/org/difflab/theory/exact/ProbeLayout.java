package org.difflab.theory.exact;

import java.util.Arrays;

/**
 * What a probe pass of {@link ProbeNoise} needs to know about a run before it starts: how many Gaussian draws the run
 * makes between consecutive step ends, and the most arrays it keeps at a step end. These decide every choice the probe
 * pass makes (its number of rows, which fresh row each draw gets, at which step ends the past is collapsed), so two
 * probe passes with the same layout, integrator, problem and auxiliary seed compute the same bits. The draws' shapes
 * and times do not enter the probe rows.
 *
 * @param segments {@code segments[e]}: the draws between step end e - 1 and step end e (the run's start before the
 *                 first, its end after the last: {@code segments.length} is the number of step ends plus one)
 * @param kept     the most arrays the run keeps at a step end
 */
record ProbeLayout(int[] segments, int kept) {

    ProbeLayout {
        if (segments.length == 0) {
            throw new IllegalArgumentException("segments is empty, which is not allowed: a run has at least the draws before its end");
        }
        segments = segments.clone();
    }

    @Override
    public int[] segments() {
        return segments.clone();
    }

    /** The draws between step end e - 1 and step end e. */
    int segment(int e) {
        return segments[e];
    }

    /** The probe batch size: row 0, one row per kept array, and the most draws of one segment. */
    int rows() {
        return 1 + kept + Arrays.stream(segments).max().orElseThrow();
    }

    /** The number of step ends of the run. */
    int stepEnds() {
        return segments.length - 1;
    }

    /** {@code ends[e]}: the draws made before step end e; the last entry is all draws of the run. */
    int[] ends() {
        int[] ends = new int[segments.length];
        int sum = 0;
        for (int e = 0; e < segments.length; e++) {
            sum += segments[e];
            ends[e] = sum;
        }
        return ends;
    }

    /**
     * A guess of this layout for a run of the same integrator with another number of steps, from the form most runs
     * have when a step ends once per step ({@code steps} = {@link #stepEnds()} here): the first segment (the initial
     * draw and the first step's), a run of equal segments (one per step), and a tail after that run (e.g. a last step
     * without noise, the draws after the last step end) kept as it is; null when the run of equal segments would be
     * empty. Only a guess: the probe pass that follows it checks it ({@link ProbeNoise#known}).
     */
    ProbeLayout stretched(int steps) {
        if (segments.length < 3) {
            return null;
        }
        int repeated = segments[1];
        int runEnd = 1;
        while (runEnd + 1 < segments.length && segments[runEnd + 1] == repeated) {
            runEnd++;
        }
        int tail = segments.length - 1 - runEnd;
        int run = steps - tail;
        if (run < 1) {
            return null;
        }
        int[] out = new int[steps + 1];
        out[0] = segments[0];
        Arrays.fill(out, 1, 1 + run, repeated);
        System.arraycopy(segments, runEnd + 1, out, 1 + run, tail);
        return new ProbeLayout(out, kept);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProbeLayout p && kept == p.kept && Arrays.equals(segments, p.segments);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(segments) + kept;
    }

    @Override
    public String toString() {
        return "ProbeLayout(segments=" + Arrays.toString(segments) + ", kept=" + kept + ")";
    }

    /**
     * Thrown by a probe pass that started from a layout known in advance ({@link ProbeNoise#known}) when the run does
     * not follow it: the evaluator then learns the layout from a counting pass, as when none is known.
     */
    static final class Mismatch extends RuntimeException {
        Mismatch(String what) {
            super(what, null, false, false);
        }
    }
}
