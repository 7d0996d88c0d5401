package org.difflab.dsl.parallel;

import java.util.Arrays;

/**
 * The sliding windows of {@link Paradigms}: each row's window [begin, end) over the grid; a row is done when its window
 * begins at T. Per-sample (the default), each row slides past its own accepted points; shared, every row slides by the
 * fewest points any active row accepted, so the batch moves as one window slid by its slowest sample, as in the
 * official ParaDiGMS code (AndyShih12/paradigms: the maximum over the batch of the error test; review
 * mlem_piadm_fulltext.md 7).
 */
final class SlidingWindows {
    final int[] begin;
    final int[] end;
    /** The window's end before the last slide (its points after it are filled from it). */
    final int[] previousEnd;
    final int steps;
    final int window;
    private final boolean shared;

    SlidingWindows(int rows, int steps, int window, boolean shared) {
        this.steps = steps;
        this.window = window;
        this.shared = shared;
        begin = new int[rows];
        end = new int[rows];
        previousEnd = new int[rows];
        Arrays.fill(end, Math.min(window, steps));
        Arrays.fill(previousEnd, Math.min(window, steps));
    }

    boolean done() {
        return lowestBegin() == steps;
    }

    int lowestBegin() {
        int lo = steps;
        for (int b : begin) {
            lo = Math.min(lo, b);
        }
        return lo;
    }

    /** The rows whose window covers grid point j. */
    long[] covering(int j) {
        int n = 0;
        for (int r = 0; r < begin.length; r++) {
            n += begin[r] <= j && j < end[r] ? 1 : 0;
        }
        long[] idx = new long[n];
        for (int r = 0, k = 0; r < begin.length; r++) {
            if (begin[r] <= j && j < end[r]) {
                idx[k++] = r;
            }
        }
        return idx;
    }

    /** The window offset of the last point a row accepts: its first moved point, or its last. */
    int lastAccepted(int row, int first) {
        return first < 0 ? end[row] - begin[row] - 1 : Math.min(first, window - 1);
    }

    /** Slides every active row past its accepted points (shared: the fewest any row accepted); returns the points accepted beyond one per row. */
    long slide(int[] first) {
        int sharedAccepted = Integer.MAX_VALUE;
        if (shared) {
            for (int r = 0; r < begin.length; r++) {
                if (begin[r] < steps) {
                    sharedAccepted = Math.min(sharedAccepted, lastAccepted(r, first[r]) + 1);
                }
            }
        }
        long beyondOne = 0;
        for (int r = 0; r < begin.length; r++) {
            if (begin[r] < steps) {
                previousEnd[r] = end[r];
                int accepted = shared ? sharedAccepted : lastAccepted(r, first[r]) + 1;
                beyondOne += accepted - 1;
                begin[r] += accepted;
                end[r] = Math.min(begin[r] + window, steps);
            }
        }
        return beyondOne;
    }
}
