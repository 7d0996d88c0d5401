package org.difflab.theory.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.integrator.Ddpm;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Gaussian;
import org.difflab.theory.metric.DiagonalGaussian;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exact evaluator against hand-derived moment recursions: with the affine exact score
 * s(x) = -(x - a m)/(a^2 lambda + s^2) each DDPM/DDIM step is x' = c1 x + c0 + sd z, so mean and variance
 * propagate as mu' = c1 mu + c0, v' = c1^2 v + sd^2, coordinate by coordinate, from the prior N(0, priorStd^2).
 */
class ExactEvaluatorRecursionTest {

    static Stream<Arguments> cases() {
        Gaussian oneD = Gaussian.diagonal(new double[] {0.7}, new double[] {0.3});
        Gaussian threeD = Gaussian.diagonal(new double[] {1, -0.5, 0.2}, new double[] {0.05, 0.5, 2});
        return Stream.of("ddpm-large", "ddpm-small", "ddim-0", "ddim-0.5")
                .flatMap(name -> Stream.of(Arguments.of(name, oneD), Arguments.of(name, threeD)));
    }

    private static Integrator integrator(String name) {
        return switch (name) {
            case "ddpm-large" -> Integrators.ddpm(Ddpm.Variance.LARGE);
            case "ddpm-small" -> Integrators.ddpm(Ddpm.Variance.SMALL);
            case "ddim-0" -> Integrators.ddim(0);
            default -> Integrators.ddim(0.5);
        };
    }

    @ParameterizedTest(name = "{0} on d={1}")
    @MethodSource("cases")
    void matchesMomentRecursion(String name, Gaussian target) {
        NoiseSchedule schedule = Schedules.parse("linear:T=1000");
        TimeGrid grid = Grids.uniform(50).on(schedule);
        ExactLaw law = ExactEvaluator.of(integrator(name)).target(target).schedule(schedule).grid(Grids.uniform(50)).evaluate();
        DiagonalGaussian out = law.momentMatched();
        double[] m = target.mean();
        double[] lambda = target.eigenvalues();
        for (int j = 0; j < target.dim(); j++) {
            double mu = 0;
            double v = schedule.priorStd() * schedule.priorStd();
            for (int i = 0; i < grid.steps(); i++) {
                NoiseLevel now = grid.level(i);
                NoiseLevel next = grid.level(i + 1);
                double a = now.alpha();
                double s2 = now.sigma() * now.sigma();
                double bigV = a * a * lambda[j] + s2;
                // x0(x) = (x + s^2 score(x)) / a = x0x * x + x0c ; eps(x) = -s score(x) = ex * x + ec
                double x0x = (1 - s2 / bigV) / a;
                double x0c = s2 * m[j] / bigV;
                double ex = now.sigma() / bigV;
                double ec = -now.sigma() * a * m[j] / bigV;
                double r = a / next.alpha();
                double sp2 = next.sigma() * next.sigma();
                double beta = s2 - r * r * sp2;
                double c1;
                double c0;
                double noiseVar;
                if (name.startsWith("ddpm")) {
                    c1 = r * sp2 / s2 + next.alpha() * beta / s2 * x0x;
                    c0 = next.alpha() * beta / s2 * x0c;
                    noiseVar = sp2 == 0 ? 0 : name.equals("ddpm-small") ? beta * sp2 / s2 : beta;
                } else {
                    double eta = name.equals("ddim-0") ? 0 : 0.5;
                    noiseVar = eta * eta * beta * sp2 / s2;
                    double k = Math.sqrt(Math.max(0, sp2 - noiseVar));
                    c1 = next.alpha() * x0x + k * ex;
                    c0 = next.alpha() * x0c + k * ec;
                }
                mu = c1 * mu + c0;
                v = c1 * c1 * v + noiseVar;
            }
            assertThat(out.mean(j)).as("mean[%d]", j).isCloseTo(mu, within(1e-12 * Math.max(1, Math.abs(mu))));
            assertThat(out.variance(j)).as("variance[%d]", j).isCloseTo(v, within(1e-12 * v));
        }
        assertThat(law.nfe()).isEqualTo(50);
    }
}
