package org.difflab.theory.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.difflab.theory.claims.ClaimResult;
import org.difflab.theory.claims.Measurement;

/** The number formats shared by every report format, so the terminal, HTML, Markdown and CSV agree digit for digit. */
final class Cells {
    private Cells() {}

    /** An order: 3 decimals. */
    static String order(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "n/a";
    }

    /** An order or interval end: 4 decimals, since exact errors give intervals narrower than 1e-3. */
    static String precise(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "n/a";
    }

    /** An expected order: as short as it is exact (1, 2, 1.5). */
    static String expected(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.valueOf(v);
    }

    /** A 95% confidence interval. */
    static String ci(Measurement m) {
        return "[" + precise(m.lower()) + ", " + precise(m.upper()) + "]";
    }

    /** An error or a small positive number. */
    static String sci(double v) {
        return String.format(Locale.ROOT, "%.3e", v);
    }

    /** Seconds. */
    static String seconds(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** Local slopes, e.g. {@code 0.989, 0.995, 0.997}. */
    static String slopes(double[] s) {
        return Arrays.stream(s).mapToObj(Cells::order).collect(Collectors.joining(", "));
    }

    /** The integrators of a result, as measured (full specs). */
    static String integrators(ClaimResult r) {
        return r.measurements().stream().map(Measurement::integrator).collect(Collectors.joining(", "));
    }

    /** Measured orders with CIs of every integrator of a result, e.g. {@code 2.010 [2.003, 2.017]}. */
    static String measured(ClaimResult r) {
        return r.measurements().stream().map(m -> precise(m.order()) + " " + ci(m)).collect(Collectors.joining("; "));
    }

    /** File-name stem of a claim's files. */
    static String stem(ClaimResult r) {
        return r.claim().id();
    }
}
