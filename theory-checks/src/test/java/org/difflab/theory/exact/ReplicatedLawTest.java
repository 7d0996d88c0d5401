package org.difflab.theory.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Targets;
import org.difflab.theory.metric.DiagonalGaussian;
import org.difflab.theory.metric.MetricValue;
import org.difflab.theory.metric.Metrics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The separability shortcut of the complexity study: on N(1, 0.05 I_4) the exact law equals the 1-D law replicated
 * to 4 coordinates, for the Li samplers on their schedule (and a multistep SDE solver on VP), and TV of the direct
 * d = 4 law is exact (its variances are bitwise equal) and equal to TV of the replicated law.
 */
class ReplicatedLawTest {

    static Stream<Arguments> cases() {
        return Stream.of("liDdpm", "acceleratedDdpm", "momentumStochastic:clip=inf", "acceleratedOde:form=practical", "dpmSolverPP2MSde")
                .flatMap(spec -> Stream.of(Arguments.of(spec, Init.EXACT), Arguments.of(spec, Init.PRIOR)));
    }

    private static ExactLaw law(String spec, int d, Init init) {
        ExactEvaluator e = ExactEvaluator.of(Integrators.parse(spec)).target(Targets.gaussian(d, 1, 0.05)).init(init);
        return spec.startsWith("dpm") ? e.schedule(Schedules.vp()).grid(Grids.logSnr(60)).evaluate()
                : e.schedule(Schedules.li(300, 2, 6)).grid(Grids.uniform(299).endingAtTMin()).evaluate();
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("cases")
    void directEvaluationInFourDimensionsIsTheReplicatedOneDimensionalLaw(String spec, Init init) {
        ExactLaw direct = law(spec, 4, init);
        ExactLaw replicated = law(spec, 1, init).replicated(4);
        DiagonalGaussian a = direct.momentMatched();
        DiagonalGaussian b = replicated.momentMatched();
        for (int j = 0; j < 4; j++) {
            assertThat(a.mean(j)).as("mean[%d]", j).isCloseTo(b.mean(j), within(1e-13));
            assertThat(a.variance(j)).as("variance[%d]", j).isCloseTo(b.variance(j), within(1e-13 * b.variance(j)));
            assertThat(direct.reference().variance(j)).isEqualTo(replicated.reference().variance(j));
        }
        MetricValue tvDirect = direct.metric(Metrics.tv());
        MetricValue tvReplicated = replicated.metric(Metrics.tv());
        assertThat(tvDirect.isExact()).as("TV of the direct law is exact: %s", tvDirect).isTrue();
        assertThat(tvReplicated.isExact()).isTrue();
        assertThat(tvDirect.value()).isCloseTo(tvReplicated.value(), within(1e-10 * tvReplicated.value()));
        assertThat(replicated.nfe()).isEqualTo(direct.nfe());
        assertThat(replicated.draws()).isEqualTo(direct.draws());
    }

    @Test
    void onlyOneDimensionalLawsReplicate() {
        assertThatThrownBy(() -> law("liDdpm", 2, Init.EXACT).replicated(4)).hasMessageContaining("dimension 2");
        assertThatThrownBy(() -> law("liDdpm", 1, Init.EXACT).replicated(0)).hasMessageContaining("d = 0");
    }
}
