package org.difflab.theory.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.difflab.theory.montecarlo.Estimate;

/**
 * How the Monte Carlo budget claims judge a contender against the reference run by a sample distance to the truth:
 * the difference of the two distances in standard errors of the difference (combined from two independent estimates,
 * or from a paired bootstrap). A CLOSE contender must not be worse by more than
 * {@code z} of them; a FAR one must be worse by more than that, and a FAR contender the sample size cannot tell from
 * the reference is INCONCLUSIVE (unresolved, not refuted).
 */
final class MonteCarloComparison {
    /** The decision rule of the Monte Carlo budget claims, in words: {@link #judge} as a reader reads it. */
    static final String RULE = "Monte Carlo: the contender's sample distance to the truth minus the reference run's, in standard errors of "
            + "the difference (bootstrap); a CLOSE contender HOLDS unless it is worse by more than the limit (then VIOLATED); a FAR "
            + "contender HOLDS when it is worse by more than the limit, INCONCLUSIVE when the sample size cannot tell it from the "
            + "reference (unresolved, not refuted)";

    private MonteCarloComparison() {}

    /**
     * What a budget claim expects to measure, in words: its distances minus the reference's, within the limit for CLOSE
     * contenders and beyond it for FAR ones.
     *
     * @param distances the judged distances, e.g. {@code MMD^2 to the target}
     * @param limit     the limit with its kind of standard error, e.g. {@code within 3 combined standard errors}
     */
    static String expectation(String distances, String limit) {
        return distances + " minus the reference's: " + limit + " for CLOSE contenders, larger by more than that for FAR ones";
    }

    /**
     * The check of one contender.
     *
     * @param subject   the contender's label
     * @param quantity  what is compared, e.g. {@code MMD^2 - reference's}
     * @param expect    CLOSE or FAR
     * @param run       the contender's distance to the truth
     * @param reference the reference run's distance to the truth
     * @param z         the limit in combined standard errors
     */
    static Check judge(String subject, String quantity, BudgetRun.Expect expect, Estimate run, Estimate reference, double z) {
        return judge(subject, quantity, expect, run.value(), reference.value(), Math.hypot(run.standardError(), reference.standardError()), z);
    }

    /**
     * The check of one contender whose difference to the reference has its own standard error {@code se} (e.g. from a
     * paired bootstrap, {@link org.difflab.theory.montecarlo.PairedDistances}).
     */
    static Check judge(String subject, String quantity, BudgetRun.Expect expect, double run, double reference, double se, double z) {
        double diff = run - reference;
        boolean close = diff <= z * se;
        boolean ok = expect == BudgetRun.Expect.CLOSE ? close : !close;
        String reason = se > 0 ? String.format(Locale.ROOT, "%.3e vs reference %.3e: difference %.3e is %.1f standard errors of the "
                + "difference (limit %.0f)", run, reference, diff, diff / se, z) : String.format(Locale.ROOT, "%.3e vs reference %.3e: "
                + "difference %.3e with no spread over the resamples (the same samples as the reference's)", run, reference, diff);
        Judgement j = ok ? Judgement.of(true, reason) : expect == BudgetRun.Expect.FAR
                ? new Judgement(Verdict.INCONCLUSIVE, reason + "; not resolved at this sample size") : Judgement.of(false, reason);
        return new Check(subject, quantity, diff, diff - 1.96 * se, diff + 1.96 * se, "+-1.96 standard errors of the difference",
                expect == BudgetRun.Expect.CLOSE ? "<= " + z + " s.e." : "> " + z + " s.e.", j);
    }

    /**
     * Distance against NFE: one measured line (with 95% error bars) per sampler and grid rule over its step counts, and
     * the reference's distance as a level line.
     *
     * @param points per contender {NFE, distance, 95% half-width}, in the order of {@code contenders}
     */
    static Chart chart(String title, String yLabel, BudgetRun reference, double referenceValue, long referenceNfe, List<BudgetRun> contenders,
                       List<double[]> points) {
        Chart.Builder chart = Chart.of(title, "model evaluations (NFE)", yLabel, false, false);
        double lo = points.stream().mapToDouble(p -> p[0]).min().orElseThrow();
        double hi = Math.max(referenceNfe, points.stream().mapToDouble(p -> p[0]).max().orElseThrow());
        chart.theory("reference " + reference.label(), new double[] {lo, hi}, new double[] {referenceValue, referenceValue});
        for (String name : contenders.stream().map(MonteCarloComparison::series).distinct().toList()) {
            List<double[]> mine = new ArrayList<>();
            for (int i = 0; i < contenders.size(); i++) {
                if (series(contenders.get(i)).equals(name)) {
                    mine.add(points.get(i));
                }
            }
            chart.line(name, mine.stream().mapToDouble(p -> p[0]).toArray(), mine.stream().mapToDouble(p -> p[1]).toArray(),
                    mine.stream().mapToDouble(p -> p[2]).toArray(), Chart.Style.MEASURED);
        }
        return chart.build();
    }

    private static String series(BudgetRun run) {
        return run.integrator() + " on " + run.grid();
    }
}
