package org.difflab.plugin.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.util.List;
import org.difflab.dsl.Diffusion;
import org.difflab.dsl.conformance.CheckResult;
import org.difflab.dsl.conformance.ConformanceReport;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.hierarchy.ModelHierarchy;
import org.difflab.dsl.hierarchy.SyntheticHierarchy;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.model.Parameterization;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Gaussian;
import org.difflab.dsl.target.GaussianMixture;
import org.difflab.dsl.target.Targets;
import org.difflab.theory.claims.Catalogue;
import org.difflab.theory.claims.ClaimResult;
import org.difflab.theory.claims.Figure;
import org.difflab.theory.complexity.ComplexityResult;
import org.difflab.theory.complexity.ComplexityStudy;
import org.difflab.theory.convergence.Convergence;
import org.difflab.theory.convergence.ConvergenceResult;
import org.difflab.theory.exact.Init;
import org.difflab.theory.metric.Metrics;
import org.junit.jupiter.api.Test;

class ReprTest {

    @Test
    void twoDimensionalSamplesShowTheirRunAndAScatterPlot() {
        GaussianMixture ring = Targets.ring(8, 2, 0.01);
        try (Samples s = Diffusion.sampler().schedule(Schedules.ddpm()).target(ring).integrator(Integrators.heun()).grid(Grids.karras(20, 7))
                .seed(3).sample(500)) {
            MimeBundle b = Repr.of(s);
            assertThat(b.types()).containsExactly(MimeBundle.TEXT, MimeBundle.HTML, MimeBundle.PNG);
            assertThat(b.get(MimeBundle.TEXT)).isEqualTo(s.toString());
            assertThat(b.get(MimeBundle.HTML)).contains("<table>").contains("heun").contains("<td>seed</td><td>3</td>");
            Bundles.png(b);
            MimeBundle contours = Repr.of(new ScatterView(s, ring, null));
            assertThat(contours.get(MimeBundle.TEXT)).contains("heun").contains(ring.spec());
            Bundles.png(contours);
        }
    }

    /** A model of image shape [3, 4, 4] predicting zero noise: DDPM then returns images, shown as a grid. */
    private static final class ZeroNoise implements ScoreModel {
        @Override
        public Parameterization parameterization() {
            return Parameterization.EPS;
        }

        @Override
        public Shape eventShape() {
            return new Shape(3, 4, 4);
        }

        @Override
        public NDArray predict(NDArray x, NoiseLevel level) {
            return x.zerosLike();
        }
    }

    @Test
    void imageSamplesShowAGrid() {
        try (Samples s = Diffusion.sampler().schedule(Schedules.ddpm()).model(new ZeroNoise()).integrator(Integrators.ddpm())
                .grid(Grids.uniform(10)).seed(1).sample(9)) {
            BufferedImage grid = Bundles.png(Repr.of(s));
            // 3 x 3 tiles of 4 x 4 pixels enlarged 8 times (128 / 4 capped at 8), 2-pixel gaps around and between
            assertThat(grid.getWidth()).isEqualTo(3 * 32 + 4 * 2);
        }
    }

    @Test
    void convergenceStudyShowsOrdersErrorsAndALogLogPlot() {
        Gaussian g = (Gaussian) Targets.parse("gaussian:d=2,mean=1,var=0.05");
        ConvergenceResult r = Convergence.study(Integrators.ddim(), Integrators.heun()).target(g).schedule(Schedules.vp())
                .grid(Grids.logSnr(10).endingAtTMin()).steps(20, 40, 80, 160).metric(Metrics.w2()).init(Init.EXACT).exact().run();
        MimeBundle b = Repr.of(r);
        assertThat(b.types()).containsExactly(MimeBundle.TEXT, MimeBundle.HTML, MimeBundle.PNG, MimeBundle.SVG);
        assertThat(b.get(MimeBundle.HTML)).contains("Fitted orders").contains("<td>heun</td><td>2.0</td>").contains("ddim:eta=0.0: w2 error against steps");
        Bundles.png(b);
        Bundles.svg(b);
    }

    @Test
    void complexityStudyShowsExponentsCellsAndAPlot() {
        ComplexityResult r = ComplexityStudy.onLiSchedule(Integrators.parse("liDdpm")).dims(1, 4).eps(0.2, 0.1).maxSteps(400).run();
        MimeBundle b = Repr.of(r);
        assertThat(b.get(MimeBundle.HTML)).contains("Smallest T").contains("<td>liDdpm</td><td>4</td>");
        Bundles.png(b);
        Bundles.svg(b);
    }

    @Test
    void claimShowsVerdictChecksTablesAndItsPlot() {
        ClaimResult r = Catalogue.byId("order-ddim").check();
        MimeBundle b = Repr.of(r);
        assertThat(b.get(MimeBundle.TEXT)).startsWith("order-ddim: " + r.verdict() + " (paper; Song, Meng, Ermon (2021), eq. (14))");
        assertThat(b.get(MimeBundle.HTML)).contains("<h4>order-ddim: ").contains("<b>Kind.</b> paper", "<b>Where.</b> eq. (14)", "<b>Rule.</b>",
                "<b>Theory.</b>", "measured [95% CI]", "uncertainty").doesNotContain("<figure").doesNotContain("Controls");
        MimeBundle controlled = Repr.of(r.withControls(List.of(Catalogue.entry("order-ddim").mutants().get(0).run())));
        assertThat(controlled.get(MimeBundle.HTML)).contains("Controls", "ddim@score=0.05", "caught");
        Bundles.png(b);
        Bundles.svg(b);
        ClaimResult withGrid = new ClaimResult(r.claim(), r.checks(), r.tables(), r.chart(),
                List.of(new Figure("ddim on uniform(20)", org.difflab.runtime.data.ImageGrid.render(org.difflab.runtime.data.SyntheticShapes.of(8).images(1, 0, 4), 4, 3, 8, 8, 4, 3))),
                r.wallSeconds());
        MimeBundle figure = Repr.of(withGrid.figures().get(0));
        assertThat(figure.get(MimeBundle.TEXT)).isEqualTo("ddim on uniform(20) (106 x 28 picture)");
        assertThat(figure.get(MimeBundle.HTML)).contains("<figcaption>ddim on uniform(20)</figcaption>");
        Bundles.png(figure);
        assertThat(Repr.of(withGrid).get(MimeBundle.HTML)).contains("<img style=\"width:100%;image-rendering:pixelated\" src=\"data:image/png;base64,")
                .contains("<figcaption>ddim on uniform(20)</figcaption>");
    }

    @Test
    void scheduleAndHierarchyShowTablesAndPlots() {
        MimeBundle schedule = Repr.of(Schedules.ddpm());
        assertThat(schedule.get(MimeBundle.HTML)).contains("ln(alpha/sigma)").contains("linear:T=1000");
        Bundles.png(schedule);
        Bundles.svg(schedule);

        ModelHierarchy h = SyntheticHierarchy.linear(Targets.gaussian(2).exactScore(), 3, 2.5, 1);
        MimeBundle hierarchy = Repr.of(h);
        assertThat(hierarchy.get(MimeBundle.HTML)).contains("3 levels").contains("<td>3</td>");
        Bundles.png(hierarchy);
    }

    @Test
    void conformanceReportShowsOneRowPerCheck() {
        ConformanceReport r = new ConformanceReport("rk3", List.of(new CheckResult("determinism", CheckResult.Verdict.PASS, "bit for bit"),
                new CheckResult("nfe", CheckResult.Verdict.FAIL, "spent 31, declared 30")));
        MimeBundle b = Repr.of(r);
        assertThat(b.get(MimeBundle.HTML)).contains("Conformance of rk3: FAIL").contains("<td>nfe</td><td>FAIL</td><td>spent 31, declared 30</td>");
        assertThat(b.get(MimeBundle.TEXT)).isEqualTo(r.toString());
    }

    @Test
    void unknownValuesAreRefusedNamingTheRenderedTypes() {
        assertThat(Repr.supports("text")).isFalse();
        assertThat(Repr.supports(Schedules.ddpm())).isTrue();
        assertThatThrownBy(() -> Repr.of(42)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("value = 42 (java.lang.Integer)").hasMessageContaining("Samples");
        assertThatThrownBy(() -> MimeBundle.text("x").with("png", "y")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mimeType = png");
    }
}
