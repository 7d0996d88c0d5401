package org.difflab.dsl.integrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.noise.NoiseSources;
import org.difflab.dsl.problem.DiffusionProblem;
import org.difflab.dsl.schedule.EdmSchedule;
import org.difflab.dsl.target.Targets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The peers' samplers against an independent numpy implementation of their papers' updates
 * ({@code scripts/oracles/peer_samplers.py}, which prints the reference values below): data N(1, 0.05) in d = 1 with
 * its exact score on the EDM schedule, one start y0 = 41, 10 steps geometric in sigma from 80 to 0.002 and the step to
 * sigma = 0 (which exercises each sampler's warm-up and final-step conventions).
 */
class PeerSamplersOracleTest {
    private static final EdmSchedule EDM = new EdmSchedule(0.002, 80);

    private static TimeGrid grid() {
        double[] t = new double[12];
        for (int i = 0; i <= 10; i++) {
            t[i] = Math.exp(Math.log(80) + (Math.log(0.002) - Math.log(80)) * i / 10);
        }
        return new TimeGrid(EDM, t);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"dpm2 | 1.1210844885138758", "lms | 1.0952069912587024", "lms:order=2 | 1.0927836780789275",
        "ipndm | 1.1170369179400734", "unipc:order=1 | 1.0938503550604823", "unipc | 1.1173655654626984", "unipc:order=3 | 1.1133045850983683",
        "unipc:variant=bh1 | 1.1398514360161036", "unipc:order=3,variant=bh1 | 1.1133055675339338"})
    void finalStateMatchesTheNumpyOracle(String spec, double oracle) {
        try (NDManager m = NDManager.newBaseManager()) {
            Solve.Solution s = Solve.run(Integrators.parse(spec), new DiffusionProblem(EDM, Targets.gaussian(1, 1, 0.05).exactScore()), grid(),
                    NoiseSources.perSample(1).open(0, 1), List.of(), m.create(new double[] {41.0}).reshape(1, 1));
            assertThat(s.x().toDoubleArray()[0]).isCloseTo(oracle, within(1e-12));
            assertThat(s.nfe()).isEqualTo(Integrators.parse(spec).nfe(grid()));
        }
    }

    /**
     * On the EDM schedule the time is sigma/alpha itself, so tAB-DEIS's polynomial in t is linear multistep's polynomial
     * in sigma: the two agree to rounding on the oracle's grid of unequal steps (DEIS's integration by parts and
     * quadrature against lms's direct Gauss-Legendre integral), the step to sigma = 0 included.
     */
    @ParameterizedTest(name = "order {0}")
    @CsvSource({"1", "2", "3"})
    void deisIsLinearMultistepWhenTimeIsSigma(int order) {
        try (NDManager m = NDManager.newBaseManager()) {
            DiffusionProblem problem = new DiffusionProblem(EDM, Targets.gaussian(1, 1, 0.05).exactScore());
            double a = Solve.run(new Deis(order), problem, grid(), NoiseSources.perSample(1).open(0, 1), List.of(),
                    m.create(new double[] {41.0}).reshape(1, 1)).x().toDoubleArray()[0];
            double b = Solve.run(new LinearMultistep(order), problem, grid(), NoiseSources.perSample(1).open(0, 1), List.of(),
                    m.create(new double[] {41.0}).reshape(1, 1)).x().toDoubleArray()[0];
            assertThat(a).isCloseTo(b, within(1e-12));
        }
    }

    /**
     * With equal steps in sigma, variable-step linear multistep's Lagrange weights are iPNDM's Adams-Bashforth weights
     * (warm-up included): the two agree to rounding, so iPNDM is fourth order there (order-lms), while on unequal
     * steps (the oracle's grid above) they differ.
     */
    @ParameterizedTest(name = "order {0}")
    @CsvSource({"2", "4"})
    void ipndmIsLinearMultistepOnEqualSigmaSteps(int order) {
        double[] t = new double[13];
        for (int i = 0; i <= 12; i++) {
            t[i] = 2 - (2 - 0.002) * i / 12;
        }
        TimeGrid equal = new TimeGrid(EDM, t);
        try (NDManager m = NDManager.newBaseManager()) {
            DiffusionProblem problem = new DiffusionProblem(EDM, Targets.gaussian(2, 1, 0.05).exactScore());
            double[] a = Solve.run(new Ipndm(order), problem, equal, NoiseSources.perSample(1).open(0, 3), List.of(),
                    m.create(new double[] {3, -1, 0.5, 2, 1.5, 0}).reshape(3, 2)).x().toDoubleArray();
            double[] b = Solve.run(new LinearMultistep(order), problem, equal, NoiseSources.perSample(1).open(0, 3), List.of(),
                    m.create(new double[] {3, -1, 0.5, 2, 1.5, 0}).reshape(3, 2)).x().toDoubleArray();
            for (int i = 0; i < a.length; i++) {
                assertThat(a[i]).as("coordinate %d", i).isCloseTo(b[i], within(1e-13));
            }
        }
    }
}
