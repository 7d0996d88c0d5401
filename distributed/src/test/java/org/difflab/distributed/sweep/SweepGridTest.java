package org.difflab.distributed.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Grids are checked and expanded before Spark starts: bad input is refused naming the option or the cell. */
class SweepGridTest {
    @TempDir
    Path dir;

    private static Sweep convergence() {
        return Sweep.grid().targets("gaussian:mean=1,var=0.05").dims(1, 4).integrators("ddim", "heun").steps(10, 20, 40);
    }

    @Test
    void aGridExpandsTargetByDimByIntegratorByMetricBySteps() {
        List<Cell> cells = convergence().metrics("w2", "kl").build().cells();
        assertThat(cells).hasSize(2 * 2 * 2 * 3);
        assertThat(cells).extracting(Cell::number).containsExactlyElementsOf(IntStream.rangeClosed(1, 24).boxed().toList());
        assertThat(cells.get(0)).satisfies(c -> {
            assertThat(c.kind()).isEqualTo(CellKind.EXACT);
            assertThat(c.target()).isEqualTo("gaussian:d=1,mean=1,var=0.05");
            assertThat(c.integrator()).isEqualTo("ddim:eta=0.0");
            assertThat(c.metric()).isEqualTo("w2");
            assertThat(c.steps()).isEqualTo(10);
        });
        assertThat(cells.get(3).metric()).isEqualTo("kl");
        assertThat(cells.get(6).integrator()).isEqualTo("heun");
        assertThat(cells.get(12).target()).isEqualTo("gaussian:d=4,mean=1,var=0.05");
        assertThat(cells.get(12).dim()).isEqualTo(4);
        assertThat(cells.get(23).describe()).isEqualTo("target=gaussian:d=4,mean=1,var=0.05, integrator=heun, metric=kl, steps=40");
        assertThatThrownBy(() -> Sweep.grid().targets("gaussian").integrators("ddim", "ddim:eta=0").steps(5).build())
                .as("one integrator in two spellings").hasMessageContaining("ddim:eta=0.0 is given twice");
    }

    @Test
    void monteCarloCellsMultiplyBySeedsAndExactOnesDoNot() {
        List<Cell> cells = Sweep.grid().targets("gaussian:d=1,mean=1,var=0.05").integrators("ddpm").steps(10, 20).metrics("w2", "ks")
                .seeds(1, 2, 3).samples(500).build().cells();
        assertThat(cells.stream().filter(c -> c.kind() == CellKind.EXACT)).hasSize(2);
        assertThat(cells.stream().filter(c -> c.kind() == CellKind.MONTE_CARLO)).hasSize(6)
                .allSatisfy(c -> assertThat(c.samples()).isEqualTo(500));
        assertThat(cells.get(2).describe()).isEqualTo("target=gaussian:d=1,mean=1,var=0.05, integrator=ddpm:variance=large, metric=ks, steps=10, seed=1, n=500");
    }

    @Test
    void tolerancesGiveSmallestStepsCells() {
        List<Cell> cells = Sweep.grid().targets("gaussian:mean=1,var=0.05").dims(1, 8).integrators("ddim").eps(0.1, 0.03).metrics("tv")
                .stepRange(2, 512).build().cells();
        assertThat(cells).hasSize(4).allSatisfy(c -> {
            assertThat(c.kind()).isEqualTo(CellKind.SMALLEST_STEPS);
            assertThat(c.setup().maxSteps()).isEqualTo(512);
        });
        assertThat(cells.get(1).eps()).isEqualTo(0.03);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "integrator|nosuch|--integrator = nosuch is not allowed",
            "steps|10,0,20|--steps = 0 is not allowed: must be an integer >= 1",
            "steps||--steps is empty, which is not allowed: give at least one step count",
            "steps|10,x|--steps = x is not allowed",
            "steps|10,10|is given twice",
            "target||--target is empty",
            "dims|0|--dims = 0 is not allowed",
            "metric|l2|--metric = l2 is not allowed: exact metrics (Gaussian targets) kl, klReverse",
            "schedule|nosuch|--schedule = nosuch is not allowed",
            "grid|karras:rho=x|--grid = karras:rho=x is not allowed",
            "init|maybe|--init = maybe is not allowed: must be prior or exact",
            "reference|x2|--reference = x2 is not allowed: must be x0 or x1",
            "proxy|q|--proxy = q is not allowed",
            "seeds|1|--seeds is not allowed with only exact metrics",
            "eps|0.1|--steps and --eps are both given"})
    void aMalformedAxisIsRefusedNamingTheOption(String key, String value, String message) {
        Sweep s = convergence().set(key, value == null ? List.of() : SweepGrid.entries(key, value));
        assertThatThrownBy(s::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void anExactMetricOnAMixtureIsRefusedNamingTheCell() {
        assertThatThrownBy(() -> Sweep.grid().targets("gaussian:d=2", "gmm:preset=ring8").integrators("ddim").steps(10).metrics("w2").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cell (target=gmm:preset=ring8, metric=w2) is not allowed: w2 is an exact metric and needs a Gaussian target, "
                        + "but gmm:preset=ring8 is not one; use a Monte Carlo metric (mmd2, slicedW2sq, energy; ks, w1 in 1-D)");
        assertThat(Sweep.grid().targets("gmm:preset=ring8").integrators("ddim").steps(10).metrics("mmd2").build().cells()).hasSize(1);
    }

    @Test
    void oneDimensionalMetricsAndMonteCarloSearchesAreRefusedNamingTheCell() {
        assertThatThrownBy(() -> Sweep.grid().targets("gaussian:d=2").integrators("ddim").steps(10).metrics("ks").build())
                .hasMessageContaining("cell (target=gaussian:d=2, metric=ks)").hasMessageContaining("d = 2");
        assertThatThrownBy(() -> Sweep.grid().targets("gaussian:d=1").integrators("ddim").eps(0.1).metrics("mmd2").build())
                .hasMessageContaining("cell (target=gaussian:d=1, metric=mmd2)").hasMessageContaining("--eps");
    }

    @Test
    void missingAxesAndUnknownKeysAreRefused() {
        assertThatThrownBy(() -> Sweep.grid().integrators("ddim").steps(10).build()).hasMessage(
                "--target is missing: give at least one target spec, e.g. gaussian:d=2,mean=1,var=0.05");
        assertThatThrownBy(() -> Sweep.grid().targets("gaussian").integrators("ddim").build()).hasMessageContaining("--steps and --eps are both missing");
        assertThatThrownBy(() -> Sweep.grid().set("integrators", List.of("ddim"))).hasMessageContaining("grid keys are target, dims, integrator");
    }

    @Test
    void specListsKeepTheCommasInsideASpec() {
        assertThat(SweepGrid.entries("integrator", "ddpm:variance=small,heun,acceleratedOde:form=theory,c=0.5"))
                .containsExactly("ddpm:variance=small", "heun", "acceleratedOde:form=theory,c=0.5");
        assertThat(SweepGrid.entries("schedule", "li:T=400,c0=2,c1=6")).containsExactly("li:T=400,c0=2,c1=6");
        assertThat(SweepGrid.entries("steps", "1, 2,3")).containsExactly("1", "2", "3");
        assertThat(TargetSpecs.withDim("gaussian:d=2,mean=1", 8)).isEqualTo("gaussian:d=8,mean=1");
        assertThat(TargetSpecs.withDim("gaussian", 3)).isEqualTo("gaussian:d=3");
        assertThat(TargetSpecs.withoutDim("gaussian:d=8,mean=1")).isEqualTo("gaussian:mean=1");
    }

    @Test
    void aGridFileGivesTheSameGridAsTheOptions() throws IOException {
        Path file = dir.resolve("grid.txt");
        Files.writeString(file, """
                # two samplers, two dimensions
                target     = gaussian:mean=1,var=0.05   # the Li et al. setup
                dims       = 1, 4
                integrator = ddim
                integrator = heun

                steps      = 10, 20, 40
                """);
        assertThat(Sweep.fromFile(file).build()).isEqualTo(convergence().build());
    }

    @Test
    void aGridFileWithAnUnknownKeyOrABadLineNamesTheLine() throws IOException {
        Path file = dir.resolve("grid.txt");
        Files.writeString(file, "target = gaussian\nintegrators = ddim\n");
        assertThatThrownBy(() -> SweepFile.read(file)).hasMessage(file + " line 2: unknown key 'integrators': allowed keys are "
                + String.join(", ", SweepGrid.KEYS));
        Files.writeString(file, "target = gaussian\nsteps 10\n");
        assertThatThrownBy(() -> SweepFile.read(file)).hasMessageStartingWith(file + " line 2: 'steps 10' is not allowed: write key = value");
        assertThatThrownBy(() -> SweepFile.read(file.resolveSibling("absent.txt"))).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("absent.txt cannot be read");
    }
}
