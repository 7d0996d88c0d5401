package org.difflab.theory.claims;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.theory.complexity.ComplexityFit;
import org.difflab.theory.complexity.ComplexityResult;
import org.difflab.theory.complexity.ComplexityStudy;

/**
 * An iteration-complexity claim T(d, eps) = O~(d^a / eps^b): the smallest number of steps with TV &lt;= eps is searched
 * for every (d, eps) on the Li et al. setup ({@link ComplexityStudy#onLiSchedule}: exact evaluation, TV exact for
 * isotropic Gaussians, one 1-D evaluation per step count), and T / ln T (the Li schedule's step is h = c1 ln T / T) is
 * fitted as C d^a eps^-b ({@link ComplexityFit}) over the cells with T &gt;= {@code fromSteps}.
 *
 * <p>The rule is fixed in the claim before measuring:
 * <ul>
 *   <li>log allowance: the O~ hides log factors beyond the schedule's one, which lift the fitted exponent by about
 *       k / ln(1/eps) over the tolerances fitted (T = C eps^-b ln^k T has local exponent b + k / ln T); so b is judged
 *       against bound + k / ln(1/eps_bar), eps_bar the geometric mean of the fitted tolerances, with k =
 *       {@code logPower} taken from the theorem (its power of log T less the one the fit removes; 1 where the power is
 *       not known);</li>
 *   <li>asymptotic range: only cells with T &gt;= {@code fromSteps} (the stated cut-off) are fitted, and the exponent is
 *       judged only when the local exponents between neighbouring tolerances have settled (their spread across the
 *       fitted cells at most {@value #SETTLED}); otherwise it is INCONCLUSIVE, pre-asymptotic;</li>
 *   <li>b: HOLDS unless the whole 95% interval lies above the bound plus its log allowance (VIOLATED);</li>
 *   <li>a: on an isotropic product Gaussian T depends on sqrt(d)/eps only, so a = b/2 whatever the sampler; the paper's
 *       worst-case d-exponent cannot be tested on this target. a is reported as that sanity check of the harness:
 *       HOLDS when its interval lies within b/2 +- {@value #HALF_B_TOLERANCE}, VIOLATED when wholly outside.</li>
 * </ul>
 *
 * @param id         short stable id
 * @param family     the report section
 * @param provenance the paper, the place in it and the kind of claim
 * @param statement  what the theory states
 * @param integrator the integrator spec
 * @param dims       dimensions d (at least 2 distinct)
 * @param eps        TV tolerances (at least 2 distinct, in (0, 1))
 * @param maxSteps   largest T searched (cells needing more are censored and left out of the fit)
 * @param fromSteps  the asymptotic cut-off: smallest T a cell needs to enter the fit (1 for all)
 * @param boundA     the theory's (worst-case) exponent of d, reported, not tested
 * @param boundB     the theory's exponent of 1/eps
 * @param logPower   k, the log factors allowed beyond the schedule's (the theorem's power of log T less one)
 * @param note       what a reader should know (may be empty)
 */
public record ComplexityClaim(String id, String family, Provenance provenance, String statement, String integrator, int[] dims, double[] eps,
                              int maxSteps, int fromSteps, double boundA, double boundB, int logPower, String note) implements Claim {
    /** Largest spread of the local exponents b over the fitted cells for the run to count as asymptotic. */
    static final double SETTLED = 0.3;
    /** Allowed |a - b/2| of the isotropic sanity check. */
    static final double HALF_B_TOLERANCE = 0.1;

    public ComplexityClaim {
        Claim.requireId(id);
        if (dims == null || Arrays.stream(dims).distinct().count() < 2 || eps == null || Arrays.stream(eps).distinct().count() < 2) {
            throw new IllegalArgumentException("dims = " + Arrays.toString(dims) + ", eps = " + Arrays.toString(eps) + " are not allowed for claim "
                    + id + ": at least 2 distinct dimensions and 2 distinct tolerances");
        }
        if (fromSteps < 1 || maxSteps <= fromSteps) {
            throw new IllegalArgumentException("fromSteps = " + fromSteps + ", maxSteps = " + maxSteps + " are not allowed for claim " + id
                    + ": need 1 <= fromSteps < maxSteps");
        }
        if (!(boundA > 0) || !(boundB > 0) || logPower < 0 || provenance == null) {
            throw new IllegalArgumentException("boundA = " + boundA + ", boundB = " + boundB + ", logPower = " + logPower + ", provenance = "
                    + provenance + " are not allowed for claim " + id + ": bounds > 0, logPower >= 0, a provenance");
        }
        Integrators.parse(integrator);
        note = Claim.orEmpty(note);
        dims = dims.clone();
        eps = eps.clone();
    }

    @Override
    public int[] dims() {
        return dims.clone();
    }

    @Override
    public double[] eps() {
        return eps.clone();
    }

    @Override
    public List<String> integrators() {
        return List.of(integrator);
    }

    /**
     * This claim on another integrator, bound and log allowance (e.g. a positive control or a mutant), on other dimensions
     * and tolerances.
     */
    public ComplexityClaim variant(String spec, double bound, int logs, int[] newDims, double[] newEps, int cutOff) {
        return new ComplexityClaim(id, family, provenance, statement, spec, newDims, newEps, maxSteps, cutOff, boundA, bound, logs, note);
    }

    @Override
    public String rule() {
        return String.format(Locale.ROOT, "fit of T / ln T = C d^a eps^-b over the cells with T at or above the stated cut-off; b is "
                + "judged only when the local exponents between neighbouring tolerances have settled (spread <= %.2f, else INCONCLUSIVE: "
                + "pre-asymptotic), against the bound plus a log allowance k / ln(1/eps_bar) with k fixed before measuring from the "
                + "theorem's log factor: HOLDS unless the whole 95%% interval lies above (VIOLATED). On isotropic Gaussians T depends on "
                + "sqrt(d)/eps only, so a = b/2 for any "
                + "sampler: a is the harness's sanity check (HOLDS with its interval inside b/2 +- %.2f, VIOLATED wholly outside), not a test "
                + "of the paper's worst-case d-exponent", SETTLED, HALF_B_TOLERANCE);
    }

    @Override
    public String expectation() {
        return String.format(Locale.ROOT, "b <= %s + %d / ln(1/eps_bar) for T / ln T (fitted from T >= %d); a = b/2 (the paper's d^%s is a "
                + "worst-case bound this target cannot reach)", OrderChart.number(boundB), logPower, fromSteps, OrderChart.number(boundA));
    }

    @Override
    public String setup() {
        return String.format(Locale.ROOT, "target gaussian:mean=1,var=0.05 in d = %s, schedule li:T=steps,c0=2,c1=6 sampled at every step T..1, "
                + "init exact, exact TV to law(X_1); T searched by doubling and bisection up to %d for eps = %s; fit of T / ln T over "
                + "cells with T >= %d that are neither censored nor at the smallest T; log allowance k = %d; cells with eps > 1/sqrt(d) are marked "
                + "(outside the regime of Li and Cai's comparison)", Arrays.toString(dims), maxSteps,
                Arrays.toString(eps), fromSteps, logPower);
    }

    @Override
    public ClaimResult check() {
        long start = System.nanoTime();
        Integrator sampler = Integrators.parse(integrator);
        ComplexityResult result = ComplexityStudy.onLiSchedule(sampler).dims(dims).eps(eps).maxSteps(maxSteps).run();
        ComplexityResult.Series series = result.of(sampler.spec());
        ComplexityFit fit = series.fit(fromSteps, true);
        double[] local = localExponents(series);
        List<Check> checks;
        if (fit == null) {
            Judgement none = new Judgement(Verdict.INCONCLUSIVE, "too few cells to fit (fewer than " + ComplexityFit.MIN_POINTS
                    + " with T >= " + fromSteps + " that are neither censored nor at the smallest T, or a single d or eps)");
            checks = List.of(new Check(integrator, "exponent b (of 1/eps)", Double.NaN, Double.NaN, Double.NaN, "no fit", "<= "
                    + OrderChart.number(boundB), none), new Check(integrator, "exponent a (of d), sanity check a = b/2", Double.NaN, Double.NaN,
                    Double.NaN, "no fit", "b/2", none));
        } else {
            String uncertainty = "95% CI of the OLS exponent (T found by search)";
            checks = List.of(new Check(integrator, "exponent b (of 1/eps)", fit.b(), fit.bLower(), fit.bUpper(), uncertainty,
                            String.format(Locale.ROOT, "<= %.3f (%s + %d / ln(1/%.2g))", allowed(series), OrderChart.number(boundB), logPower,
                                    meanEps(series)), judgeB(fit, local, series)),
                    new Check(integrator, "exponent a (of d), sanity check a = b/2", fit.a(), fit.aLower(), fit.aUpper(), uncertainty,
                            String.format(Locale.ROOT, "%.3f +- %.2f", fit.b() / 2, HALF_B_TOLERANCE),
                            Band.inside(fit.b() / 2, HALF_B_TOLERANCE, fit.a(), fit.aLower(), fit.aUpper(), "a")));
        }
        Table.Builder cells = Table.of(integrator + ": smallest T with TV <= eps", "d", "eps", "T", "TV at T", "in fit", "note");
        for (ComplexityResult.Cell c : series.cells()) {
            boolean fitted = inFit(c);
            String why = c.censored() ? "censored: TV > eps at T = " + maxSteps : c.atMinSteps() ? "already <= eps at the smallest T"
                    : c.steps() < fromSteps ? "T < " + fromSteps + " (before the cut-off)" : "";
            why += c.monotone() ? "" : (why.isEmpty() ? "" : "; ") + "errors not monotone near T";
            why += c.eps() <= 1 / Math.sqrt(c.dim()) ? "" : (why.isEmpty() ? "" : "; ") + "eps > 1/sqrt(d): outside the regime of Li and Cai's "
                    + "comparison";
            cells.row(c.dim(), c.eps(), c.steps(), String.format(Locale.ROOT, "%.4e", c.error()), fitted ? "yes" : "no", why);
        }
        return new ClaimResult(this, checks, List.of(cells.build()), chart(series, fit), (System.nanoTime() - start) * 1e-9);
    }

    /** The geometric mean of the fitted cells' tolerances. */
    private double meanEps(ComplexityResult.Series series) {
        double[] e = series.cells().stream().filter(this::inFit).mapToDouble(c -> Math.log(c.eps())).toArray();
        return Math.exp(Arrays.stream(e).average().orElse(Math.log(eps[0])));
    }

    /** The bound plus the log allowance k / ln(1/eps_bar). */
    private double allowed(ComplexityResult.Series series) {
        return boundB + logPower / Math.log(1 / meanEps(series));
    }

    /** b against the bound with its log allowance, but only once the local exponents have settled. */
    private Judgement judgeB(ComplexityFit fit, double[] local, ComplexityResult.Series series) {
        Judgement raw = Judgement.ofBound(allowed(series), fit.b(), fit.bLower(), fit.bUpper());
        Judgement bound = new Judgement(raw.verdict(), raw.reason().replace("theory bound", "bound with its log allowance"));
        if (local.length < 2) {
            return bound;
        }
        double lo = Arrays.stream(local).min().orElseThrow();
        double hi = Arrays.stream(local).max().orElseThrow();
        String spread = String.format(Locale.ROOT, "local exponents %.3f..%.3f over the fitted cells (spread %.3f, settled at <= %.2f)", lo, hi,
                hi - lo, SETTLED);
        if (hi - lo > SETTLED) {
            return new Judgement(Verdict.INCONCLUSIVE, "pre-asymptotic: " + spread + "; " + bound.reason());
        }
        return new Judgement(bound.verdict(), bound.reason() + "; " + spread);
    }

    /** Local exponents d ln(T / ln T) / d ln(1/eps) between neighbouring tolerances, per d, over the fitted cells. */
    private double[] localExponents(ComplexityResult.Series series) {
        List<Double> out = new ArrayList<>();
        for (int d : dims) {
            List<ComplexityResult.Cell> row = series.cells().stream().filter(c -> c.dim() == d && inFit(c))
                    .sorted((x, y) -> Double.compare(y.eps(), x.eps())).toList();
            for (int i = 1; i < row.size(); i++) {
                ComplexityResult.Cell a = row.get(i - 1);
                ComplexityResult.Cell b = row.get(i);
                out.add((Math.log(scaled(b.steps())) - Math.log(scaled(a.steps()))) / Math.log(a.eps() / b.eps()));
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double scaled(int steps) {
        return steps / Math.log(steps);
    }

    private boolean inFit(ComplexityResult.Cell c) {
        return !c.censored() && !c.atMinSteps() && c.steps() >= fromSteps;
    }

    /** T / ln T against 1/eps, one measured line per d (the fitted cells), the fitted power law beside it, and the bound's slope in 1/eps. */
    private Chart chart(ComplexityResult.Series series, ComplexityFit fit) {
        Chart.Builder c = Chart.of(id + ": " + integrator + ", smallest T with TV <= eps", "1 / eps", "T / ln T", true, true);
        int largest = Arrays.stream(dims).max().orElseThrow();
        for (int d : Arrays.stream(dims).sorted().toArray()) {
            List<ComplexityResult.Cell> row = series.cells().stream().filter(x -> x.dim() == d && inFit(x))
                    .sorted((x, z) -> Double.compare(z.eps(), x.eps())).toList();
            if (row.isEmpty()) {
                continue;
            }
            double[] inv = row.stream().mapToDouble(x -> 1 / x.eps()).toArray();
            double[] t = row.stream().mapToDouble(x -> scaled(x.steps())).toArray();
            c.measured("d = " + d, inv, t);
            if (fit != null) {
                c.fit("fit, d = " + d, inv, Arrays.stream(inv).map(x -> Math.exp(fit.logC() + fit.a() * Math.log(d) + fit.b() * Math.log(x))).toArray());
            }
            if (d == largest) {
                double[] theory = Arrays.stream(inv).map(x -> t[0] * Math.pow(x / inv[0], boundB)).toArray();
                c.theory("bound slope " + OrderChart.number(boundB) + " in 1/eps, through d = " + d, inv, theory);
            }
        }
        return c.build();
    }
}
