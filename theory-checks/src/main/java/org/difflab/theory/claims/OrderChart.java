package org.difflab.theory.claims;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.difflab.theory.convergence.ConvergenceResult;
import org.difflab.theory.convergence.OrderFit;
import org.difflab.theory.convergence.StepProxy;

/**
 * The evidence of a convergence study: the log-log error plot (per integrator the measured errors, the fitted power
 * law and a theory line with the expected slope through the last point, so a reader sees at once whether the errors
 * run parallel to the theory) and the error table.
 */
public final class OrderChart {
    private OrderChart() {}

    /** The chart of a study; {@code expected} gives each series' theory order. */
    public static Chart of(String title, ConvergenceResult r, ToDoubleFunction<ConvergenceResult.Series> expected) {
        List<Curve> curves = r.series().values().stream().map(s -> new Curve(s.integrator(), s.points().stream()
                .mapToInt(ConvergenceResult.Point::steps).toArray(), s.points().stream().mapToDouble(p -> p.error().value()).toArray(),
                s.fit(), expected.applyAsDouble(s))).toList();
        return of(title, r.metric() + " error", r.proxy(), curves);
    }

    /** One integrator's errors against steps, its fitted order and the order the theory expects. */
    public record Curve(String integrator, int[] steps, double[] errors, OrderFit fit, double expected) {}

    /** The chart of any order study (weak or strong errors). */
    public static Chart of(String title, String yLabel, StepProxy proxy, List<Curve> curves) {
        Chart.Builder c = Chart.of(title, "steps T", yLabel, true, true);
        double sign = proxy == StepProxy.STEPS ? -1 : 1;
        for (Curve s : curves) {
            int n = s.steps().length;
            double[] t = new double[n];
            double[] e = s.errors();
            double[] logProxy = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = s.steps()[i];
                logProxy[i] = Math.log(proxy.at(s.steps()[i]));
            }
            OrderFit f = s.fit();
            double intercept = 0;
            for (int i = 0; i < n; i++) {
                intercept += (Math.log(e[i]) - sign * f.order() * logProxy[i]) / n;
            }
            double p = s.expected();
            double[] fit = new double[n];
            double[] theory = new double[n];
            for (int i = 0; i < n; i++) {
                fit[i] = Math.exp(intercept + sign * f.order() * logProxy[i]);
                theory[i] = e[n - 1] * Math.exp(sign * p * (logProxy[i] - logProxy[n - 1]));
            }
            c.theory(s.integrator() + ": theory slope " + number(p) + " through last point", t, theory);
            c.fit(s.integrator() + ": least-squares fit, order " + String.format(Locale.ROOT, "%.3f", f.order()), t, fit);
            c.measured(s.integrator() + ": measured", t, e);
        }
        return c.build();
    }

    /** The error table of one series: steps, NFE, error with its bracket, wall time. */
    public static Table errorTable(ConvergenceResult.Series s, String metric) {
        Table.Builder t = Table.of(s.integrator() + ": " + metric + " error against steps", "steps", "NFE", metric + " error",
                "error lower", "error upper", "wall s");
        for (ConvergenceResult.Point p : s.points()) {
            t.row(p.steps(), p.nfe(), sci(p.error().value()), sci(p.error().lower()), sci(p.error().upper()),
                    String.format(Locale.ROOT, "%.3f", p.wallSeconds()));
        }
        return t.build();
    }

    /** A number as short as it is exact, to 4 significant digits (1, 2, 1.5, 0.3333). */
    static String number(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v)
                : new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static String sci(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4e", v) : "";
    }
}
