package org.difflab.distributed.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.difflab.distributed.job.Outcome;
import org.difflab.distributed.job.ProgressListener;
import org.difflab.distributed.job.SparkTasks;
import org.difflab.distributed.job.TaskItem;
import org.difflab.distributed.sample.ModelFactory;
import org.difflab.distributed.sample.PartitionedSampling;
import org.difflab.distributed.sample.SampleJob;
import org.difflab.distributed.sample.SamplePart;
import org.difflab.distributed.sample.TargetModel;
import org.difflab.distributed.spark.Cluster;
import org.difflab.distributed.spark.ExecutorRuntime;
import org.difflab.distributed.spark.SparkOptions;
import org.difflab.distributed.sweep.Cell;
import org.difflab.distributed.sweep.CellEvaluator;
import org.difflab.distributed.sweep.Measurement;
import org.difflab.distributed.sweep.Sweep;
import org.difflab.distributed.sweep.SweepGrid;
import org.difflab.distributed.sweep.SweepRow;
import org.difflab.distributed.sweep.SweepTable;
import org.difflab.dsl.Diffusion;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.runtime.DiffLabRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spark standalone cluster on 127.0.0.1: a master and two workers, each a JVM of its own started from Spark's jars,
 * executors started by the workers with DiffLab's jars shipped to them. A sweep and a sampling job (a target and a
 * network) give the local results bit for bit; nothing listens beyond the loopback address; a worker killed with its
 * executor mid-job leaves a job that completes with the same results; every process is stopped by its id at the end.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterTest {
    private static final String FIXTURE = Path.of("../gpu-runtime/src/test/resources/fixtures/unet_fixture.ckpt").toAbsolutePath().normalize()
            .toString();
    private static final Set<Long> EXECUTORS = ConcurrentHashMap.newKeySet();
    private static LocalStandaloneCluster cluster;
    private static Cluster spark;
    private static List<Long> daemons;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        cluster = LocalStandaloneCluster.start(dir, 2, 1, "1500m", System.out::println);
        daemons = new ArrayList<>(List.of(cluster.masterPid()));
        daemons.addAll(cluster.workerPids());
        spark = Cluster.start(SparkOptions.of(cluster.masterUrl()).withAppName("difflab cluster test"), System.out::println);
        spark.awaitExecutors(2);
        cluster.processes().stream().map(ProcessHandle::pid).filter(p -> !daemons.contains(p)).forEach(EXECUTORS::add);
    }

    @AfterAll
    static void stop() {
        try {
            if (spark != null) {
                spark.close();
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
        List<Long> all = new ArrayList<>(daemons);
        all.addAll(EXECUTORS);
        for (long pid : all) {
            ProcessHandle.of(pid).ifPresent(p -> {
                p.onExit().orTimeout(15, TimeUnit.SECONDS).join();
                assertThat(p.isAlive()).as("process %d stopped", pid).isFalse();
            });
        }
    }

    /** The grid's cells evaluated one after the other in this JVM: the local run. */
    private static List<Measurement> local(SweepGrid grid) {
        return grid.cells().stream().map(new CellEvaluator()::run).toList();
    }

    private static List<Measurement> measured(SweepTable t) {
        return t.rows().stream().map(r -> new Measurement(r.value(), r.lower(), r.upper(), r.standardError(), r.nfe(), r.steps(), r.censored(),
                r.atMinSteps(), r.monotone(), r.evaluations())).toList();
    }

    record Probe(int index) implements TaskItem {
        @Override
        public String describe() {
            return "probe " + index;
        }
    }

    @Test
    @Order(1)
    void aSweepOnTwoWorkersGivesTheLocalNumbersAndEachExecutorStartsTheEngineOnce() {
        Sweep sweep = Sweep.grid().targets("gaussian:d=2,mean=1,var=0.05", "gaussian:d=3,mean=0.5,var=0.2,spread=4")
                .integrators("ddim", "dpmSolverPP2M").steps(8, 16, 32).metrics("w2", "sqrtKl");
        SweepTable t = sweep.run(spark, ProgressListener.NONE);
        assertThat(measured(t)).isEqualTo(local(sweep.build()));
        Set<String> ranOn = new HashSet<>(t.rows().stream().map(SweepRow::executor).toList());
        assertThat(ranOn).hasSize(2).doesNotContain(ExecutorRuntime.jvmId());
        assertThat(ranOn.stream().map(e -> Long.parseLong(e.substring(0, e.indexOf('@')))).toList()).allMatch(EXECUTORS::contains);

        List<Outcome<Integer>> starts = SparkTasks.run(spark, "engine", "probe", IntStream.range(0, 8).mapToObj(Probe::new).toList(),
                p -> ExecutorRuntime.starts() * 100 + DiffLabRuntime.threads(), ProgressListener.NONE);
        int threads = DiffLabRuntime.configuredThreads();
        assertThat(starts).extracting(Outcome::value).as("engine starts x 100 + intra-op threads, per task").containsOnly(100 + threads);
    }

    @Test
    @Order(2)
    void samplesDrawnByPartitionAreTheLocalRunsBitForBitForATargetAndANetwork() {
        assertThat(partitioned(new TargetModel("gmm:preset=ring8"), 512, 7, "ddpm", 30, 4096, 5))
                .isEqualTo(local(Targets.ring(), 512, 7, "ddpm", 30));
        assertThat(partitioned(new CheckpointModel(FIXTURE), 12, 3, "ddim:eta=0.5", 4, 3, 4)).isEqualTo(localNetwork(12, 3, "ddim:eta=0.5", 4, 3));
    }

    private static double[] partitioned(ModelFactory model, int n, long seed, String integrator, int steps, int batch, int expectedParts) {
        SampleJob job = new SampleJob(model, "linear:T=1000", integrator, "uniform", steps, seed, batch, false, "cpu");
        PartitionedSampling.Result r = PartitionedSampling.run(spark, job, n, 5, ProgressListener.NONE);
        assertThat(r.partitions()).isEqualTo(expectedParts);
        return r.parts().stream().flatMapToDouble(p -> Arrays.stream(p.values())).toArray();
    }

    private static double[] local(org.difflab.dsl.target.Target target, int n, long seed, String integrator, int steps) {
        try (Samples s = Diffusion.sampler().schedule(Schedules.parse("linear:T=1000")).target(target).integrator(Integrators.parse(integrator))
                .grid(Grids.parse("uniform", steps)).seed(seed).dataType(DataType.FLOAT32).sample(n)) {
            return s.tensor().toType(DataType.FLOAT64, false).toDoubleArray();
        }
    }

    private static double[] localNetwork(int n, long seed, String integrator, int steps, int batch) {
        try (ModelFactory.Opened m = new CheckpointModel(FIXTURE).open(Schedules.parse("linear:T=1000"), DiffLabRuntime.device("cpu"));
             Samples s = Diffusion.sampler().schedule(Schedules.parse("linear:T=1000")).model(m.model()).integrator(Integrators.parse(integrator))
                     .grid(Grids.parse("uniform", steps)).seed(seed).batchSize(batch).sample(n)) {
            return s.tensor().toType(DataType.FLOAT64, false).toDoubleArray();
        }
    }

    /** Waits up to 10 s for a killed process to end (its exit is what the test asserts next). */
    private static void awaitExit(ProcessHandle p) {
        try {
            p.onExit().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // still alive: the assertion that follows reports it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Shorthand for the ring target of the sampling check. */
    private static final class Targets {
        static org.difflab.dsl.target.Target ring() {
            return org.difflab.dsl.target.Targets.parse("gmm:preset=ring8");
        }
    }

    @Test
    @Order(3)
    void nothingListensBeyondTheLoopbackAddress() throws IOException {
        List<Long> pids = new ArrayList<>(cluster.processes().stream().map(ProcessHandle::pid).toList());
        pids.add(ProcessHandle.current().pid());
        List<String> listening = Listeners.of(pids);
        assertThat(listening).as("listening sockets of the master, the workers, the executors and the driver").isNotEmpty()
                .allMatch(Listeners::loopback);
    }

    @Test
    @Order(4)
    void aWorkerKilledMidJobLeavesAJobThatCompletesWithTheSameResults() {
        Sweep sweep = Sweep.grid().targets("gaussian:d=4,mean=1,var=0.05").integrators("ddim", "heun", "acceleratedOde", "dpmSolverPP2M")
                .steps(24, 48, 96, 192, 384).metrics("w2", "kl");
        List<Long> killed = new ArrayList<>();
        CompletableFuture<Void> kill = new CompletableFuture<>();
        SweepTable t = sweep.run(spark, p -> {
            if (p.done() >= 4 && !kill.isDone()) {
                killed.addAll(cluster.killWorker(0));
                kill.complete(null);
            }
        });
        assertThat(kill).as("the worker was killed while the job ran").isDone();
        assertThat(killed).hasSizeGreaterThanOrEqualTo(2);
        assertThat(t.rows()).hasSize(40);
        assertThat(measured(t)).isEqualTo(local(sweep.build()));
        for (long pid : killed) { // SIGKILL is delivered asynchronously: a loaded machine may not have ended the process yet
            ProcessHandle.of(pid).ifPresent(StandaloneClusterTest::awaitExit);
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("killed process %d", pid).isFalse();
        }
        Set<String> survivors = new HashSet<>(t.rows().subList(30, 40).stream().map(SweepRow::executor).toList());
        assertThat(survivors).as("the last cells ran on the executor that was not killed").hasSize(1)
                .allMatch(e -> !killed.contains(Long.parseLong(e.substring(0, e.indexOf('@')))));
    }
}
