package org.difflab.plugin.notebook.repr;

import java.util.Locale;

/** Number formats of the notebook tables: fixed and scientific, NaN and infinities shown as n/a. */
final class Numbers {
    private Numbers() {}

    static String fixed(double v, int digits) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + digits + "f", v) : "n/a";
    }

    static String sci(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4e", v) : "n/a";
    }
}
