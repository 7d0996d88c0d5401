package org.difflab.plugin.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.difflab.distributed.sweep.SweepJson;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.plugin.cli.DiffLabCommand;
import org.difflab.runtime.unet.UNet;
import org.difflab.theory.claims.Claim;
import org.junit.jupiter.api.Test;

/**
 * No class-level import cycle in the main code of any module (jdeps over the compiled classes, {@link ClassCycles}).
 */
class ClassCyclesTest {

    @Test
    void noClassLevelCycle() {
        List<Path> modules = Stream.of(Integrator.class, UNet.class, Claim.class, SweepJson.class, DiffLabCommand.class)
                .map(ClassCyclesTest::codeSource).toList();
        Set<String> cycles = ClassCycles.cycles(ClassCycles.graph(modules));
        List<String> found = cycles.stream().map(c -> c.replace("org.difflab.", "")).sorted().toList();
        assertThat(found).as("class-level cycles of %s (jdeps -verbose:class -filter:none)", modules).isEmpty();
    }

    /** The finder on a small jdeps report: a three-class cycle, a two-class one through a nested class, an acyclic edge. */
    @Test
    void findsEveryCycleOfAJdepsReportAndNothingElse() {
        String report = String.join("\n",
                "   org.difflab.a.A                                    -> org.difflab.a.B                                    x.jar",
                "   org.difflab.a.B                                    -> org.difflab.a.C                                    x.jar",
                "   org.difflab.a.C                                    -> org.difflab.a.A                                    x.jar",
                "   org.difflab.a.C                                    -> org.difflab.b.D                                    x.jar",
                "   org.difflab.b.D$Inner                              -> org.difflab.b.E                                    x.jar",
                "   org.difflab.b.E                                    -> org.difflab.b.D                                    x.jar",
                "   org.difflab.b.E                                    -> java.lang.Object                                   java.base",
                "   org.difflab.b.F                                    -> org.difflab.b.E                                    x.jar");
        Map<String, Set<String>> graph = ClassCycles.parse(report);
        assertThat(graph).containsEntry("org.difflab.b.D", Set.of("org.difflab.b.E")).doesNotContainKey("org.difflab.b.D$Inner");
        assertThat(ClassCycles.cycles(graph)).containsExactlyInAnyOrder("org.difflab.a.A org.difflab.a.B org.difflab.a.C",
                "org.difflab.b.D org.difflab.b.E");
    }

    private static Path codeSource(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(c + " has no file code source", e);
        }
    }
}
