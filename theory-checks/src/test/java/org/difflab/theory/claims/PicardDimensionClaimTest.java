package org.difflab.theory.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Targets;
import org.difflab.theory.exact.ExactEvaluator;
import org.difflab.theory.exact.ExactLaw;
import org.difflab.theory.exact.Init;
import org.difflab.theory.metric.DiagonalGaussian;
import org.junit.jupiter.api.Test;

/**
 * PIADM's dimension claim (Chen, Ren, Ying and Rotskoff 2024, arXiv 2405.15986): the exact evaluator handles Picard
 * blocks (all of a block's draws before one step end) and gives the sequential law when K = M; in the paper's block
 * regime (blocks of OU time 1 on a horizon growing like ln d, a fixed K) the rounds at TV 0.1 grow far slower than the
 * sequential steps, which grow like sqrt(d).
 */
class PicardDimensionClaimTest {

    private static ExactLaw law(String spec, int steps, int dim) {
        Integrator integrator = Integrators.parse(spec);
        return ExactEvaluator.of(integrator).target(Targets.gaussian(dim, 1, 0.05)).grid(Grids.uniform(steps).endingAtTMin().on(Schedules.vp()))
                .init(Init.EXACT).evaluate();
    }

    /** K = M is the sequential exponential integrator's law, up to the summation order of the probe rows. */
    @Test
    void asManySweepsAsPointsIsTheSequentialLaw() {
        for (String lambda : new String[] {"1", "0"}) {
            DiagonalGaussian sequential = law("exponentialEuler:lambda=" + lambda, 40, 3).components().get(0);
            for (String picard : new String[] {"picardBlocks:points=8,sweeps=8,tol=0,lambda=", "picardBlocks:points=6,sweeps=inf,tol=0,lambda="}) {
                DiagonalGaussian p = law(picard + lambda, 40, 3).components().get(0);
                for (int j = 0; j < 3; j++) {
                    assertThat(p.mean(j)).as(picard + lambda).isCloseTo(sequential.mean(j), within(1e-13));
                    assertThat(p.variance(j)).as(picard + lambda).isCloseTo(sequential.variance(j), within(1e-13));
                }
            }
            DiagonalGaussian fewer = law("picardBlocks:points=8,sweeps=3,tol=0,lambda=" + lambda, 40, 3).components().get(0);
            assertThat(Math.abs(fewer.variance(0) - sequential.variance(0))).as("3 sweeps of 8 points differ").isGreaterThan(1e-3);
        }
    }

    @Test
    void roundsGrowFarSlowerThanSequentialStepsInThePapersBlockRegime() {
        PicardDimensionClaim claim = (PicardDimensionClaim) Catalogue.byId("piadm-rounds-polylog-in-d");
        ClaimResult r = claim.check();
        r.tables().forEach(t -> {
            System.out.println(t.title() + "\n" + t.columns());
            t.rows().forEach(System.out::println);
        });
        r.checks().forEach(c -> System.out.println(c.subject() + ", " + c.quantity() + ": " + c.verdict() + ", " + c.judgement().reason()));
        System.out.printf("check: %.1f s%n", r.wallSeconds());
        for (Check c : r.checks()) {
            assertThat(c.verdict()).as(c.subject() + " " + c.quantity() + ": " + c.judgement().reason()).isNotEqualTo(Verdict.VIOLATED);
        }
        for (int i = 0; i < 2; i++) {
            Check steps = r.checks().get(3 * i);
            Check rounds = r.checks().get(3 * i + 1);
            // sequential steps grow like sqrt(d) times the horizon's log; rounds like K N, both ~ the horizon
            assertThat(steps.value()).as(steps.subject()).isBetween(0.45, 0.65);
            assertThat(rounds.value()).as(rounds.subject()).isLessThan(steps.lower() - 0.2);
            List<List<String>> rows = r.tables().get(i).rows();
            assertThat(rows).hasSize(claim.dims().length);
            int previousBlocks = 0;
            int previousSweeps = 1;
            for (List<String> row : rows) {
                // the scan starts at the previous d's K (at most this grid's largest block), not at 1: up from there, or
                // down to one count below K
                int sweeps = Integer.parseInt(row.get(7));
                int from = Math.min(previousSweeps, Integer.parseInt(row.get(6)));
                int first = Integer.parseInt(row.get(10).substring(0, row.get(10).indexOf('-')));
                assertThat(first).as("first sweep count scanned, d = %s", row.get(0)).isBetween(Math.max(1, Math.min(from, sweeps) - 1), from);
                previousSweeps = sweeps;
                int blocks = Integer.parseInt(row.get(5));
                double horizon = Double.parseDouble(row.get(4));
                // blocks of OU time at most 1, two neighbours more than 1: the horizon's count, growing like ln d
                assertThat(blocks).as("N, d = %s", row.get(0)).isBetween((int) Math.floor(horizon), (int) Math.ceil(2 * horizon + 1))
                        .isGreaterThanOrEqualTo(previousBlocks);
                previousBlocks = blocks;
                assertThat(Double.parseDouble(row.get(9))).as("TV at K, d = %s", row.get(0)).isLessThanOrEqualTo(claim.eps());
                assertThat(Integer.parseInt(row.get(7))).as("K < largest block, d = %s", row.get(0)).isLessThan(Integer.parseInt(row.get(6)));
            }
            List<String> last = rows.get(rows.size() - 1);
            assertThat(3 * Integer.parseInt(last.get(8))).as("3 x rounds against T_seq, d = %s", last.get(0)).isLessThan(Integer.parseInt(last.get(1)));
        }
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> new PicardDimensionClaim("x", new int[] {4, 16}, 0.1, 1, "")).hasMessageContaining("dims = [4, 16]");
        assertThatThrownBy(() -> new PicardDimensionClaim("x", new int[] {4, 16, 8}, 0.1, 1, "")).hasMessageContaining("dims[2] = 8");
        assertThatThrownBy(() -> new PicardDimensionClaim("x", new int[] {4, 16, 64}, 0.1, 0, "")).hasMessageContaining("blockLength = 0");
    }
}
