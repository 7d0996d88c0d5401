package org.difflab.distributed.sweep;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.difflab.distributed.io.AtomicFile;
import org.difflab.theory.claims.Chart;
import org.difflab.theory.claims.ComplexityChart;
import org.difflab.theory.claims.OrderChart;
import org.difflab.theory.convergence.ConvergenceResult;
import org.difflab.theory.report.ChartPlot;
import org.knowm.xchart.BitmapEncoder;

/**
 * The plots drawn from a sweep's table with the report's own charts and plotting ({@link ChartPlot}): per convergence
 * study the error against steps with the fitted and theory slopes ({@link OrderChart}) and the work-precision diagram
 * (error against model evaluations per sample, per integrator), and per complexity study T against 1/eps
 * ({@link ComplexityChart}).
 */
public final class SweepPlots {
    private SweepPlots() {}

    /** The charts by file name. */
    public static Map<String, Chart> charts(SweepFits fits) {
        Map<String, Chart> out = new LinkedHashMap<>();
        fits.convergence().forEach((study, r) -> {
            out.put("errors-" + slug(study) + ".png", OrderChart.of(study, r, ConvergenceResult.Series::expectedOrder));
            out.put("work-precision-" + slug(study) + ".png", workPrecision(study, r));
        });
        fits.complexity().forEach((study, r) -> out.put("complexity-" + slug(study) + ".png", ComplexityChart.of(r)));
        return out;
    }

    /** Writes every chart into {@code dir}, returning the files. */
    public static List<Path> write(Path dir, SweepFits fits) {
        List<Path> files = new ArrayList<>();
        charts(fits).forEach((name, chart) -> {
            if (chart.lines().isEmpty()) {
                return;
            }
            Path png = dir.resolve(name);
            AtomicFile.write(png, temp -> {
                try (OutputStream out = Files.newOutputStream(temp)) {
                    BitmapEncoder.saveBitmap(ChartPlot.draw(chart), out, BitmapEncoder.BitmapFormat.PNG);
                }
            });
            files.add(png);
        });
        return files;
    }

    /** Error against model evaluations per sample, one measured line per integrator (the cost axis of a work-precision diagram). */
    static Chart workPrecision(String study, ConvergenceResult r) {
        Chart.Builder c = Chart.of("work-precision: " + study, "model evaluations per sample (NFE)", r.metric() + " error", true, true);
        r.series().values().stream().sorted(Comparator.comparing(ConvergenceResult.Series::integrator)).forEach(s -> {
            List<ConvergenceResult.Point> p = s.points().stream().sorted(Comparator.comparingLong(ConvergenceResult.Point::nfe)).toList();
            c.measured(s.integrator(), p.stream().mapToDouble(ConvergenceResult.Point::nfe).toArray(),
                    p.stream().mapToDouble(x -> x.error().value()).toArray());
        });
        return c.build();
    }

    /** A file-name part from a study's title: {@code w2-on-gaussian-d-2-mean-1-var-0.05}. */
    static String slug(String title) {
        String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("^-+|-+$", "");
        return s.length() > 80 ? s.substring(0, 80) : s;
    }
}
