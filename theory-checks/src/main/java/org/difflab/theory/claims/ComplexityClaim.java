package org.difflab.theory.claims;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.theory.complexity.ComplexityFit;
import org.difflab.theory.complexity.ComplexityResult;
import org.difflab.theory.complexity.ComplexityStudy;

/**
 * An iteration-complexity claim T(d, eps) = O~(d^a / eps^b): the smallest number of steps with TV <= eps is searched
 * for every (d, eps) on the Li et al. setup ({@link ComplexityStudy#onLiSchedule}: exact evaluation, TV exact for
 * isotropic Gaussians, one 1-D evaluation per step count), T / ln T is fitted as C d^a eps^-b ({@link ComplexityFit},
 * over the cells with T >= {@code fromSteps}), and each exponent is judged against the theory's
 * ({@link Judgement#ofBound}): below the bound is consistent with it, an interval wholly above it is a finding.
 * The O~ hides log factors; dividing T by ln T removes one of them, the rest can still lift a measured exponent a
 * little, which a reader should weigh when a bound is missed narrowly.
 *
 * @param id         short stable id
 * @param family     the report section
 * @param source     the paper and bound the claim comes from
 * @param statement  what the theory states
 * @param integrator the integrator spec
 * @param dims       dimensions d (at least 2 distinct)
 * @param eps        TV tolerances (at least 2 distinct, in (0, 1))
 * @param maxSteps   largest T searched (cells needing more are censored and left out of the fit)
 * @param fromSteps  smallest T a cell needs to enter the fit (1 for all; larger to leave out a pre-asymptotic start)
 * @param boundA     the theory's exponent of d
 * @param boundB     the theory's exponent of 1/eps
 * @param note       what a reader should know (may be empty)
 */
public record ComplexityClaim(String id, String family, String source, String statement, String integrator, int[] dims, double[] eps,
                              int maxSteps, int fromSteps, double boundA, double boundB, String note) implements Claim {

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
        if (!(boundA > 0) || !(boundB > 0)) {
            throw new IllegalArgumentException("boundA = " + boundA + ", boundB = " + boundB + " are not allowed for claim " + id + ": both > 0");
        }
        Integrators.parse(integrator);
        dims = dims.clone();
        eps = eps.clone();
        note = note == null ? "" : note;
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

    @Override
    public String expectation() {
        return String.format(Locale.ROOT, "fitted exponents a (of d) and b (of 1/eps) of T / ln T at or below the theory's a = %s, b = %s: "
                + "HOLDS unless the whole 95%% interval lies above", OrderChart.number(boundA), OrderChart.number(boundB));
    }

    @Override
    public String setup() {
        return String.format(Locale.ROOT, "target gaussian:mean=1,var=0.05 in d = %s, schedule li:T=steps,c0=2,c1=6 sampled at every step T..1, "
                + "init exact, exact TV to law(X_1); T searched by doubling and bisection up to %d for eps = %s; fit of T / ln T over "
                + "cells with T >= %d that are neither censored nor at the smallest T", Arrays.toString(dims), maxSteps, Arrays.toString(eps),
                fromSteps);
    }

    @Override
    public ClaimResult check() {
        long start = System.nanoTime();
        Integrator sampler = Integrators.parse(integrator);
        ComplexityResult result = ComplexityStudy.onLiSchedule(sampler).dims(dims).eps(eps).maxSteps(maxSteps).run();
        ComplexityResult.Series series = result.of(sampler.spec());
        ComplexityFit fit = series.fit(fromSteps, true);
        List<Check> checks;
        if (fit == null) {
            Judgement none = new Judgement(Verdict.INCONCLUSIVE, "too few cells to fit (fewer than " + ComplexityFit.MIN_POINTS
                    + " with T >= " + fromSteps + " that are neither censored nor at the smallest T, or a single d or eps)");
            checks = List.of(new Check(integrator, "exponent a (of d)", Double.NaN, Double.NaN, Double.NaN, "<= " + OrderChart.number(boundA), none),
                    new Check(integrator, "exponent b (of 1/eps)", Double.NaN, Double.NaN, Double.NaN, "<= " + OrderChart.number(boundB), none));
        } else {
            checks = List.of(
                    new Check(integrator, "exponent a (of d)", fit.a(), fit.aLower(), fit.aUpper(), "<= " + OrderChart.number(boundA),
                            Judgement.ofBound(boundA, fit.a(), fit.aLower(), fit.aUpper())),
                    new Check(integrator, "exponent b (of 1/eps)", fit.b(), fit.bLower(), fit.bUpper(), "<= " + OrderChart.number(boundB),
                            Judgement.ofBound(boundB, fit.b(), fit.bLower(), fit.bUpper())));
        }
        Table.Builder cells = Table.of(integrator + ": smallest T with TV <= eps", "d", "eps", "T", "TV at T", "in fit", "note");
        for (ComplexityResult.Cell c : series.cells()) {
            boolean fitted = inFit(c);
            String why = c.censored() ? "censored: TV > eps at T = " + maxSteps : c.atMinSteps() ? "already <= eps at the smallest T"
                    : c.steps() < fromSteps ? "T < " + fromSteps : "";
            cells.row(c.dim(), c.eps(), c.steps(), String.format(Locale.ROOT, "%.4e", c.error()), fitted ? "yes" : "no",
                    why + (c.monotone() ? "" : (why.isEmpty() ? "" : "; ") + "errors not monotone near T"));
        }
        return new ClaimResult(this, checks, List.of(cells.build()), chart(series, fit), (System.nanoTime() - start) * 1e-9);
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
                    .sorted((x, y) -> Double.compare(y.eps(), x.eps())).toList();
            if (row.isEmpty()) {
                continue;
            }
            double[] inv = row.stream().mapToDouble(x -> 1 / x.eps()).toArray();
            double[] t = row.stream().mapToDouble(x -> x.steps() / Math.log(x.steps())).toArray();
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
