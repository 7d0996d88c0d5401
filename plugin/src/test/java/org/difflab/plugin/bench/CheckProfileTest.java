package org.difflab.plugin.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckProfileTest {

    @Test
    void eachSampleGoesToTheFirstPartOfItsStackAndTheCrossCutsOverlap() {
        CheckProfile p = new CheckProfile();
        String counting = "org.difflab.theory.exact.ExactEvaluator.countingRun";
        String probe = "org.difflab.theory.exact.ExactEvaluator.run";
        p.add(List.of("ai.djl.pytorch.jni.PyTorchLibrary.torchFromBlob", "ai.djl.pytorch.jni.JniUtils.createNdFromByteBuffer",
                "ai.djl.pytorch.engine.PtNDManager.create", "org.difflab.dsl.target.Gaussian.constant", "org.difflab.dsl.integrator.RunContext.predict",
                "org.difflab.dsl.integrator.Solve.run", probe, counting, "org.difflab.theory.claims.OrderClaim.check"));
        p.add(List.of("ai.djl.pytorch.jni.PyTorchLibrary.torchMul", "org.difflab.dsl.integrator.Heun.run", "org.difflab.dsl.integrator.Solve.run",
                probe, "org.difflab.theory.exact.ExactEvaluator.evaluate"));
        p.add(List.of("java.math.BigDecimal.add", "org.difflab.theory.report.ChartPlot.write", "org.difflab.theory.report.ReportWriter.write"));
        p.add(List.of("org.difflab.theory.convergence.OrderFit.ofStepSizes", "org.difflab.theory.claims.OrderClaim.check"));
        p.add(List.of("java.lang.Thread.run"));
        p.add(List.of("ai.djl.pytorch.jni.PyTorchLibrary.tensorClone", "ai.djl.pytorch.jni.JniUtils.clone", "ai.djl.pytorch.engine.PtNDArray.duplicate",
                "org.difflab.dsl.tensor.Scalars.copyOf", "org.difflab.theory.exact.ProbeNoise.next", "org.difflab.dsl.integrator.Solve.run", probe));
        p.add(List.of("ai.djl.pytorch.jni.PyTorchLibrary.tensorClone", "ai.djl.pytorch.jni.JniUtils.clone", "ai.djl.pytorch.engine.PtNDArray.duplicate",
                "org.difflab.dsl.integrator.Heun.run", "org.difflab.dsl.tensor.Scalars.copyOf"));
        assertThat(p.samples()).isEqualTo(7);
        Map<String, Double> s = p.shares();
        assertThat(s.get("exact evaluator: counting pass")).isCloseTo(100.0 / 7, within(1e-9));
        assertThat(s.get("exact evaluator: probe pass")).isCloseTo(200.0 / 7, within(1e-9));
        assertThat(s.get("report drawing and writing")).isCloseTo(100.0 / 7, within(1e-9));
        assertThat(s.get("fits (orders, power laws, rates)")).isCloseTo(100.0 / 7, within(1e-9));
        assertThat(s.get("other (JVM, JIT, GC, command line)")).isCloseTo(100.0 / 7, within(1e-9));
        assertThat(s.get("  of all: inside a model call")).isCloseTo(100.0 / 7, within(1e-9));
        assertThat(s.get("  of all: creating a tensor from Java values (scalars, constants)")).isCloseTo(200.0 / 7, within(1e-9));
        assertThat(s.get("  of all: in the tensor library (native)")).isCloseTo(400.0 / 7, within(1e-9));
    }

    @Test
    void aBusyLoopIsSampledAndThePartsAddUpToAll() {
        long[] sink = {0};
        CheckProfile p = CheckProfile.of(() -> {
            long end = System.nanoTime() + 100_000_000L;
            while (System.nanoTime() < end) {
                sink[0] += Long.toString(sink[0]).hashCode();
            }
        });
        assertThat(p.samples()).isPositive();
        double parts = p.shares().entrySet().stream().filter(e -> !e.getKey().startsWith("  of all")).mapToDouble(Map.Entry::getValue).sum();
        assertThat(parts).isCloseTo(100, within(1e-9));
        assertThat(p.rows()).allMatch(r -> r.section().equals("check profile") && r.unit().equals("%"));
    }
}
