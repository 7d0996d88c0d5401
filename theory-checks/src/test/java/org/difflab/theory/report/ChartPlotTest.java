package org.difflab.theory.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.difflab.theory.claims.Chart;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/** Charts people can read (issue 26): one colour per subject for its theory, fit and measured lines; the legend beside the plot. */
class ChartPlotTest {

    @Test
    void eachIntegratorsLinesShareItsColourAndTheLegendStaysOutsideTheData() {
        double[] x = {10, 20, 40};
        Chart c = Chart.of("t", "steps", "error", true, true)
                .theory("heun: theory", x, new double[] {1e-2, 2.5e-3, 6e-4}).fit("heun: fit", x, new double[] {1e-2, 2.5e-3, 6e-4})
                .measured("heun: measured", x, new double[] {1e-2, 2.5e-3, 6e-4})
                .theory("ddim: theory", x, new double[] {1e-1, 5e-2, 2.5e-2}).fit("ddim: fit", x, new double[] {1e-1, 5e-2, 2.5e-2})
                .measured("ddim: measured", x, new double[] {1e-1, 5e-2, 2.5e-2}).build();
        XYChart chart = ChartPlot.draw(c);
        var series = chart.getSeriesMap();
        assertThat(series.get("heun: fit").getLineColor()).isEqualTo(series.get("heun: measured").getLineColor());
        assertThat(series.get("ddim: fit").getLineColor()).isEqualTo(series.get("ddim: measured").getLineColor());
        assertThat(series.get("heun: measured").getLineColor()).isNotEqualTo(series.get("ddim: measured").getLineColor());
        assertThat(series.get("ddim: theory").getLineColor().getRGB() & 0xFFFFFF)
                .isEqualTo(series.get("ddim: measured").getLineColor().getRGB() & 0xFFFFFF);
        assertThat(chart.getStyler().getLegendPosition()).isEqualTo(Styler.LegendPosition.OutsideS);
        assertThat(chart.getStyler().getYAxisMin()).isLessThanOrEqualTo(6e-4);
        assertThat(chart.getStyler().getYAxisMax()).isGreaterThanOrEqualTo(1e-1);
    }
}
