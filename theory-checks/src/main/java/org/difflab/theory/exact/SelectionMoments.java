package org.difflab.theory.exact;

import java.util.function.IntToDoubleFunction;
import java.util.function.UnaryOperator;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.SelectionLaw;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.dsl.target.Gaussian;
import org.difflab.theory.metric.DiagonalGaussian;

/**
 * The exact expectation over random selections of a sampler's output moments on a diagonal Gaussian target, computed
 * instead of sampled: for samplers whose auxiliary randomness is, at each grid step, independent Bernoulli selections
 * drawn as {@code uniformShared() < p} (one per draw, shared by the batch) that enter the step's map affinely, as the
 * Poisson midpoint method's selections do (Kandasamy and Nagaraj 2024: the block output is affine in H_i; research
 * review pmm_fulltext.md section 7).
 *
 * <p>Per grid step and coordinate the map is x' = c(H) x + e(H) + sum_r n_r(H) z_r with c, e and the noise
 * coefficients n_r affine in the selections H_1..H_D of that step. One probe run of the step alone (a one-step grid,
 * started from N(0, 1) so that the initial draw's row is c) with no selection, and one with each single selection
 * forced, give f_0 and f_0 + f_i for every coefficient f; then for H_i ~ Bernoulli(p) independent,
 * E[f g] = (f_0 + p sum f_i)(g_0 + p sum g_i) + p (1 - p) sum f_i g_i, and the expected noise variance is
 * |N_0 + p sum N_i|^2 + p (1 - p) sum |N_i|^2 over the noise rows. Steps are independent given the state, so the first
 * two moments propagate exactly: m1' = E[c] m1 + E[e], m2' = E[c^2] m2 + 2 E[c e] m1 + E[e^2] + E[V].
 * The result is the law's moment-matched Gaussian (its mean and per-coordinate variance over selections and draws),
 * with no Monte Carlo error.
 *
 * <p>The integrator declares its {@link SelectionLaw}: the probability of each draw, and a form whose Gaussian draws are
 * the same whatever is selected (so that row r means draw r in every run; with the Poisson midpoint method its
 * {@code noise=dense} form, whose law given the selection is that of the default sparse noise), which is the one run.
 * A step whose draws still change with the selection, a run with per-sample auxiliary draws, or a step map that is not
 * affine in its selections (checked on two selections at once) is refused.
 * Cost: 1 + D one-step probe runs per grid step, D = the step's selection draws.
 */
public final class SelectionMoments {
    private static final double NEVER = Math.nextDown(1.0);
    private static final double AFFINE_TOLERANCE = 1e-9;

    private SelectionMoments() {}

    /**
     * The moment-matched output law, exact over the selections and the Gaussian draws.
     *
     * @param integrator the sampler, with a {@link SelectionLaw}
     * @param target     a diagonal Gaussian target
     * @param grid       the time grid
     * @param init       where the chain starts
     */
    public static DiagonalGaussian of(Integrator integrator, Gaussian target, TimeGrid grid, Init init) {
        return of(integrator, target, grid, init, UnaryOperator.identity());
    }

    /**
     * The same with the exact score wrapped, e.g. by a RELATIVE {@code PerturbedScore} (a score with a controlled error);
     * the wrapper must keep the model affine, as {@link ExactEvaluator#model} requires.
     *
     * @param model the wrapper applied to the target's exact score
     */
    public static DiagonalGaussian of(Integrator integrator, Gaussian target, TimeGrid grid, Init init, UnaryOperator<ScoreModel> model) {
        if (integrator == null || target == null || grid == null || init == null || model == null) {
            throw new IllegalArgumentException("integrator, target, grid, init and model are not allowed to be null");
        }
        SelectionLaw<Integrator> law = integrator.selectionLaw().orElseThrow(() -> new IllegalArgumentException("integrator = " + integrator.spec()
                + " is not allowed: it declares no selection law (Bernoulli selections shared by the batch, e.g. poissonMidpoint)"));
        if (target.eigenbasis() != null) {
            throw new IllegalArgumentException("target = " + target.spec() + " is not allowed: selection moments need a diagonal Gaussian");
        }
        int d = target.dim();
        double[] m1 = new double[d];
        double[] m2 = new double[d];
        DiagonalGaussian exactStart = init == Init.PRIOR ? null : NoisedTarget.law(grid.level(0), target.mean(), target.eigenvalues());
        for (int j = 0; j < d; j++) {
            double v0 = exactStart == null ? Math.pow(grid.schedule().priorStd(), 2) : exactStart.variance(j);
            m1[j] = exactStart == null ? 0 : exactStart.mean(j);
            m2[j] = v0 + m1[j] * m1[j];
        }
        for (int k = 0; k < grid.steps(); k++) {
            TimeGrid one = new TimeGrid(grid.schedule(), new double[] {grid.t(k), grid.t(k + 1)});
            StepMoments s = step(law.aligned(), target, one, k, law, model);
            for (int j = 0; j < d; j++) {
                double next1 = s.c[j] * m1[j] + s.e[j];
                m2[j] = s.cc[j] * m2[j] + 2 * s.ce[j] * m1[j] + s.ee[j] + s.noise[j];
                m1[j] = next1;
            }
        }
        double[] var = new double[d];
        for (int j = 0; j < d; j++) {
            var[j] = m2[j] - m1[j] * m1[j];
        }
        return new DiagonalGaussian(m1, var);
    }

    /** E[c], E[e], E[c^2], E[c e], E[e^2] and E[V] of one step, per coordinate. */
    private record StepMoments(double[] c, double[] e, double[] cc, double[] ce, double[] ee, double[] noise) {
    }

    private static StepMoments step(Integrator integrator, Gaussian target, TimeGrid one, int k, SelectionLaw<Integrator> law,
            UnaryOperator<ScoreModel> model) {
        int d = target.dim();
        ExactEvaluator.ProbePlan plan = plan(integrator, target, one, model);
        ExactEvaluator.ProbeRows none = plan.rows(forced(-1, -1));
        if (plan.sampleDraws() > 0) {
            throw new IllegalArgumentException("integrator = " + integrator.spec() + " is not allowed: it draws per-sample selections "
                    + "(uniform()); selection moments need selections shared by the batch (e.g. share=batch)");
        }
        int draws = plan.sharedDraws();
        double p = draws == 0 ? 0 : law.probability().applyAsDouble(draws);
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("selection probability " + p + " at step " + k + " is not allowed: must be in [0, 1]");
        }
        int rows = none.rows();
        double[][] single = new double[draws][];
        for (int i = 0; i < draws; i++) {
            ExactEvaluator.ProbeRows r;
            try {
                r = plan.rows(forced(i, -1));
            } catch (IllegalStateException e) {
                throw new IllegalArgumentException("integrator = " + integrator.spec() + " is not allowed: its Gaussian draws at step " + k
                        + " change with the selection (" + e.getMessage() + "): its selection law's aligned form must draw the same whatever "
                        + "is selected", e);
            }
            if (r.rows() != rows || r.draws() != none.draws()) {
                throw new IllegalArgumentException("integrator = " + integrator.spec() + " is not allowed: its Gaussian draws at step " + k
                        + " change with the selection (" + none.draws() + " without, " + r.draws() + " with selection " + i + "): its "
                        + "selection law's aligned form must draw the same whatever is selected");
            }
            single[i] = r.values();
        }
        if (draws >= 2) {
            requireAffine(integrator, plan, k, none, single);
        }
        double[] c = new double[d];
        double[] e = new double[d];
        double[] cc = new double[d];
        double[] ce = new double[d];
        double[] ee = new double[d];
        double[] noise = new double[d];
        double[] base = none.values();
        double q = p * (1 - p);
        for (int j = 0; j < d; j++) {
            // row 0: e; row 1 (the start's draw, variance 1): c; rows 2..: the noise coefficients of the step's draws
            double e0 = base[j];
            double c0 = base[d + j] - e0;
            double eSum = 0;
            double cSum = 0;
            double eSq = 0;
            double cSq = 0;
            double cTimesE = 0;
            for (double[] s : single) {
                double ei = s[j] - e0;
                double ci = (s[d + j] - s[j]) - c0;
                eSum += ei;
                cSum += ci;
                eSq += ei * ei;
                cSq += ci * ci;
                cTimesE += ci * ei;
            }
            double eBar = e0 + p * eSum;
            double cBar = c0 + p * cSum;
            c[j] = cBar;
            e[j] = eBar;
            cc[j] = cBar * cBar + q * cSq;
            ce[j] = cBar * eBar + q * cTimesE;
            ee[j] = eBar * eBar + q * eSq;
            double v = 0;
            for (int r = 2; r < rows; r++) {
                double n0 = base[r * d + j] - base[j];
                double mean = n0;
                double spread = 0;
                for (double[] s : single) {
                    double ni = (s[r * d + j] - s[j]) - n0;
                    mean += p * ni;
                    spread += ni * ni;
                }
                v += mean * mean + q * spread;
            }
            noise[j] = v;
        }
        return new StepMoments(c, e, cc, ce, ee, noise);
    }

    /** Two selections at once must give the sum of their single effects (the step is affine in its selections). */
    private static void requireAffine(Integrator integrator, ExactEvaluator.ProbePlan plan, int k, ExactEvaluator.ProbeRows none,
            double[][] single) {
        ExactEvaluator.ProbeRows both = plan.rows(forced(0, 1));
        double[] base = none.values();
        double worst = 0;
        double scale = 0;
        for (int v = 0; v < base.length; v++) {
            double predicted = single[0][v] + single[1][v] - base[v];
            worst = Math.max(worst, Math.abs(both.values()[v] - predicted));
            scale = Math.max(scale, Math.abs(base[v]));
        }
        if (worst > AFFINE_TOLERANCE * Math.max(1, scale)) {
            throw new IllegalArgumentException("integrator = " + integrator.spec() + " is not allowed: its step " + k + " is not affine in its "
                    + "selections (two selections at once differ from the sum of their effects by " + worst + ")");
        }
    }

    /** The counting pass of a one-step grid from N(0, 1) per coordinate, with no selection. */
    private static ExactEvaluator.ProbePlan plan(Integrator integrator, Gaussian target, TimeGrid one, UnaryOperator<ScoreModel> model) {
        int d = target.dim();
        double[] zero = new double[d];
        double[] unit = new double[d];
        java.util.Arrays.fill(unit, 1);
        return ExactEvaluator.of(integrator).target(target).grid(one).model(model).start(new DiagonalGaussian(zero, unit))
                .sharedAux(forced(-1, -1)).plan();
    }

    /** Shared draws with selections a and b forced open (-1: none) and every other draw closed. */
    private static IntToDoubleFunction forced(int a, int b) {
        return n -> n == a || n == b ? 0 : NEVER;
    }
}
