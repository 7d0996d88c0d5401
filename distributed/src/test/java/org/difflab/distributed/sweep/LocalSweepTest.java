package org.difflab.distributed.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.difflab.distributed.job.Progress;
import org.difflab.distributed.spark.Cluster;
import org.difflab.distributed.spark.SparkOptions;
import org.difflab.dsl.Diffusion;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Gaussian;
import org.difflab.dsl.target.Target;
import org.difflab.dsl.target.Targets;
import org.difflab.theory.complexity.ComplexityResult;
import org.difflab.theory.complexity.ComplexityStudy;
import org.difflab.theory.convergence.Convergence;
import org.difflab.theory.convergence.ConvergenceResult;
import org.difflab.theory.exact.Init;
import org.difflab.theory.metric.Metrics;
import org.difflab.theory.montecarlo.Estimate;
import org.difflab.theory.montecarlo.SampleMetrics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps on the embedded local[2] master give theory-checks' own numbers bit for bit (a convergence study, a complexity
 * search, a Monte Carlo distance computed directly), fit the same orders, and write the table and plots.
 */
class LocalSweepTest {
    private static Cluster spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = Cluster.start(SparkOptions.of("local[2]"), line -> { });
    }

    @AfterAll
    static void stop() {
        spark.close();
    }

    @Test
    void exactCellsAreTheConvergenceStudysErrorsAndOrdersBitForBit() throws IOException {
        List<Progress> seen = new CopyOnWriteArrayList<>();
        SweepTable t = Sweep.grid().targets("gaussian:d=2,mean=1,var=0.05", "gaussian:d=3,mean=0.5,var=0.2,spread=4")
                .integrators("ddim", "heun").steps(8, 16, 32, 64).metrics("w2", "kl").run(spark, seen::add);
        assertThat(t.rows()).hasSize(2 * 2 * 2 * 4);
        assertThat(t.rows()).as("rows in the grid's order, whatever order the cells ran in").extracting(SweepRow::cell)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 32).boxed().toList());
        for (String target : List.of("gaussian:d=2,mean=1,var=0.05", "gaussian:d=3,mean=0.5,var=0.2,spread=4")) {
            for (String metric : List.of("w2", "kl")) {
                Integrator[] methods = {Integrators.parse("ddim"), Integrators.parse("heun")};
                ConvergenceResult local = Convergence.study(methods).target((Gaussian) Targets.parse(target)).schedule(Schedules.parse("vp"))
                        .grid(Grids.parse("logsnr", 8).endingAtTMin()).init(Init.EXACT).steps(8, 16, 32, 64).metric(Metrics.byName(metric))
                        .exact().run();
                ConvergenceResult swept = t.convergence().get(metric + " on " + target);
                for (ConvergenceResult.Series s : local.series().values()) {
                    ConvergenceResult.Series mine = swept.of(s.integrator());
                    for (int i = 0; i < 4; i++) {
                        assertThat(mine.points().get(i).error()).isEqualTo(s.points().get(i).error());
                        assertThat(mine.points().get(i).nfe()).isEqualTo(s.points().get(i).nfe());
                    }
                    assertThat(mine.fit().order()).isEqualTo(s.fit().order());
                    assertThat(mine.fit().lower()).isEqualTo(s.fit().lower());
                }
            }
        }
        assertThat(t.convergence().get("w2 on gaussian:d=2,mean=1,var=0.05").of("heun").fit().contains(2.0)).isTrue();
        assertThat(seen.get(seen.size() - 1)).isEqualTo(new Progress("sweep", "cells", 32, 32, seen.get(seen.size() - 1).seconds()));
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i).done()).isGreaterThanOrEqualTo(seen.get(i - 1).done());
        }

        List<Path> files = t.write(dir);
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("sweep.parquet", "sweep.csv", "sweep.json",
                "errors-w2-on-gaussian-d-2-mean-1-var-0.05.png", "work-precision-kl-on-gaussian-d-3-mean-0.5-var-0.2-spread-4.png");
        for (Path f : files) {
            if (f.toString().endsWith(".png")) {
                assertThat(Files.readAllBytes(f)).startsWith(0x89, 'P', 'N', 'G');
            }
        }
        assertThat(readParquet(dir.resolve("sweep.parquet"))).isEqualTo(t.rows().stream().map(SweepColumns::deterministic).toList());
        List<String> csv = Files.readAllLines(dir.resolve("sweep.csv"), StandardCharsets.UTF_8);
        assertThat(csv.get(0)).startsWith("cell,kind,target,dim,integrator,metric,steps,eps,seed,samples,value,");
        SweepRow r = t.rows().get(5);
        assertThat(csv.get(6)).startsWith("6,EXACT,\"gaussian:d=2,mean=1,var=0.05\",2,ddim:eta=0.0,kl,16,NaN,0,0," + r.value() + "," + r.lower());
        assertThat(Files.readString(dir.resolve("sweep.json"))).contains("\"master\": \"local[2]\"", "\"orders\": [", "\"integrator\": \"heun\"");
    }

    /** The deterministic columns of a Parquet table, as {@link SweepColumns#deterministic} gives them for rows. */
    private static List<List<Object>> readParquet(Path file) throws IOException {
        List<List<Object>> out = new ArrayList<>();
        try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), new org.apache.hadoop.fs.Path(file.toUri()))
                .withConf(new Configuration()).build()) {
            for (Group g = reader.read(); g != null; g = reader.read()) {
                List<Object> row = new ArrayList<>();
                for (SweepColumns.Column c : SweepColumns.ALL) {
                    if (!c.deterministic()) {
                        continue;
                    }
                    row.add(switch (c.type()) {
                        case INT -> g.getInteger(c.name(), 0);
                        case LONG -> g.getLong(c.name(), 0);
                        case DOUBLE -> Double.doubleToRawLongBits(g.getDouble(c.name(), 0));
                        case BOOLEAN -> g.getBoolean(c.name(), 0);
                        case STRING -> g.getString(c.name(), 0);
                    });
                }
                out.add(row);
            }
        }
        return out;
    }

    @Test
    void smallestStepsCellsAreTheComplexityStudysCellsAndExponents() {
        SweepTable t = Sweep.grid().targets("gaussian:mean=1,var=0.05").dims(1, 4).integrators("ddim").eps(0.1, 0.05)
                .metrics("tv").timeGrid("uniform").reference("x0").init("prior").stepRange(2, 1024).run(spark, p -> { });
        ComplexityResult local = ComplexityStudy.of(Integrators.parse("ddim")).dims(4).eps(0.05).target(d -> Targets.gaussian(d, 1, 0.05))
                .schedule(s -> Schedules.parse("vp")).grid(Grids::uniform).metric(Metrics.tv()).init(Init.PRIOR).minSteps(2).maxSteps(1024).run();
        String ddim = Integrators.parse("ddim").spec();
        ComplexityResult.Cell expected = local.of(ddim).cells().get(0);
        ComplexityResult.Cell swept = t.complexity().get("tv on gaussian:mean=1,var=0.05").of(ddim).cell(4, 0.05);
        assertThat(swept).isEqualTo(expected);
        assertThat(t.complexity().get("tv on gaussian:mean=1,var=0.05").of(ddim).fit()).isNotNull()
                .satisfies(f -> assertThat(f.points()).isEqualTo(4));
        assertThat(t.rows().get(3).steps()).isEqualTo(expected.steps());
    }

    @Test
    void monteCarloCellsAreTheSampleDistanceOfTheSeededRun() {
        SweepTable t = Sweep.grid().targets("gmm:preset=ring8").integrators("heun").steps(20).timeGrid("karras").schedule("edm")
                .metrics("mmd2").seeds(3, 4).samples(200).run(spark, p -> { });
        Target ring = Targets.parse("gmm:preset=ring8");
        double[][] rows;
        try (Samples s = Diffusion.sampler().schedule(Schedules.parse("edm")).target(ring).integrator(Integrators.heun())
                .grid(Grids.parse("karras", 20)).seed(4).dataType(DataType.FLOAT64).sample(200)) {
            rows = s.rows();
        }
        Estimate e = SampleMetrics.mmd().toTarget(rows, ring, ~4L);
        SweepRow r = t.rows().get(1);
        assertThat(r.seed()).isEqualTo(4);
        assertThat(r.value()).isEqualTo(e.value());
        assertThat(r.standardError()).isEqualTo(e.standardError());
        assertThat(t.rows().get(0).value()).isNotEqualTo(r.value());
    }

    @Test
    void aCellThatFailsStopsTheJobNamingTheCellInOneLine() {
        assertThatThrownBy(() -> Sweep.grid().targets("gaussian:d=2,mean=1,var=0.05").integrators("ddim", "paradigms:sampler=ddim,window=4")
                .steps(8, 16).run(spark, p -> { })).isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("cell (3 of 4 \\(.*steps=8|4 of 4 \\(.*steps=16)\\) failed: integrator = paradigms:.*")
                .hasMessageContaining("(target=gaussian:d=2,mean=1,var=0.05, integrator=paradigms:")
                .hasMessageContaining("evaluate it with tol=0").satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
