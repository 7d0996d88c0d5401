package org.difflab.theory.claims;

import java.util.Arrays;
import java.util.List;
import org.difflab.theory.complexity.ComplexityFit;
import org.difflab.theory.complexity.ComplexityResult;

/**
 * The plot of an iteration-complexity study: the smallest T against 1/eps on log-log axes, per integrator and dimension
 * the measured step counts (censored cells left out) and the fitted power law T = C d^a eps^-b at that d.
 */
public final class ComplexityChart {
    private ComplexityChart() {}

    /** The chart of a study (no line when every cell is censored). */
    public static Chart of(ComplexityResult r) {
        Chart.Builder chart = Chart.of("smallest T with " + r.metric() + " <= eps", "1 / eps", "T", true, true);
        for (ComplexityResult.Series s : r.series().values()) {
            ComplexityFit f = s.fit();
            for (int d : s.cells().stream().mapToInt(ComplexityResult.Cell::dim).distinct().sorted().toArray()) {
                List<ComplexityResult.Cell> row = s.cells().stream().filter(c -> c.dim() == d && !c.censored())
                        .sorted((x, y) -> Double.compare(y.eps(), x.eps())).toList();
                if (row.isEmpty()) {
                    continue;
                }
                double[] inv = row.stream().mapToDouble(c -> 1 / c.eps()).toArray();
                chart.measured(s.integrator() + ", d = " + d, inv, row.stream().mapToDouble(ComplexityResult.Cell::steps).toArray());
                if (f != null) {
                    chart.fit(s.integrator() + " fit, d = " + d, inv,
                            Arrays.stream(inv).map(x -> Math.exp(f.logC() + f.a() * Math.log(d) + f.b() * Math.log(x))).toArray());
                }
            }
        }
        return chart.build();
    }
}
