package org.difflab.theory.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.schedule.EdmSchedule;
import org.difflab.dsl.target.Targets;
import org.difflab.theory.exact.ExactEvaluator;
import org.difflab.theory.exact.ExactLaw;
import org.difflab.theory.metric.DiagonalGaussian;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The stochastic peers' samplers against an independent oracle: {@code oracles/peer_sde_samplers.py} (test resources)
 * propagates the mean and variance of each paper's update on 1-D data N(0.7, 0.3) with the exact denoiser through a
 * short hand-made grid on the EDM schedule (sigma 70 down to 0: the first step's churn is cut at the schedule's largest
 * level 80, the last steps lie below S_tmin, the last is the step to sigma = 0; at eta = 1.5 every ancestral step goes to
 * sigma_down = 0, one Euler step and all noise), from N(0.2, 70^2 + 0.3). DiffLab's
 * exact evaluation of its own code must give the same law to rounding.
 */
class PeerStochasticOracleTest {
    private static final double[] SIGMAS = {70, 40, 10, 3, 1, 0.3, 0.06, 0.01, 0};

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "edmStochastic:churn=10,tmin=0.05,tmax=inf,noise=1.003 | 0.6986863275327011 | 0.5750446738341322",
            "edmStochastic:churn=0                                 | 0.6951851620229902 | 0.45440804819686154",
            "dpm2Ancestral:eta=1                                   | 0.6997900960368714 | 0.7375116991580807",
            "dpm2Ancestral:eta=0                                   | 0.6956103953814408 | 0.3776882450170527",
            "dpm2Ancestral:eta=1.5                                 | 0.6999999999999028 | 0.08661316195051189",
            "dpmSolverPP2SAncestral:eta=1                          | 0.6999375899933932 | 0.18919668584414304",
            "dpmSolverPP2SAncestral:eta=0                          | 0.6963916594921264 | 0.2552100000723765",
            "dpmSolverPP3MSde:eta=1                                | 0.6999693896292062 | 1.2488185503813443",
            "dpmSolverPP3MSde:eta=0.5                              | 0.6995524240118661 | 0.8842135370320143",
            "dpmSolverPP3MSde:eta=0                                | 0.6948010633188835 | 0.5297997099707124"})
    void theExactLawIsTheOraclesLaw(String spec, double mean, double variance) {
        assertLaw(spec, SIGMAS, mean, variance);
    }

    /**
     * dpmSolverPPSde on the same grid without its last step to sigma = 0 (which is a plain Euler step), so that the last
     * step's two correlated draws reach the output too.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "dpmSolverPPSde:eta=1 | 0.6999693794257493 | 0.2240931267497463",
            "dpmSolverPPSde:eta=0 | 0.6963904567119572 | 0.2553801684290912"})
    void theTwoSubstepsDrawOneBrownianMotion(String spec, double mean, double variance) {
        assertLaw(spec, Arrays.copyOf(SIGMAS, SIGMAS.length - 1), mean, variance);
    }

    private static void assertLaw(String spec, double[] sigmas, double mean, double variance) {
        ExactLaw law = ExactEvaluator.of(Integrators.parse(spec)).target(Targets.gaussian(1, 0.7, 0.3))
                .grid(new TimeGrid(new EdmSchedule(0.002, 80), sigmas))
                .start(new DiagonalGaussian(new double[] {0.2}, new double[] {70.0 * 70.0 + 0.3})).evaluate();
        DiagonalGaussian out = law.components().get(0);
        assertThat(out.mean(0)).as("mean").isCloseTo(mean, within(1e-12));
        assertThat(out.variance(0)).as("variance").isCloseTo(variance, within(1e-12));
    }
}
