package org.difflab.theory.claims;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.difflab.theory.parallel.PicardDimensionResult;
import org.difflab.theory.parallel.PicardDimensionStudy;
import org.difflab.theory.parallel.PowerFit;

/**
 * Parallel rounds against sequential steps as the dimension grows, at fixed accuracy, in PIADM's block regime (Chen,
 * Ren, Ying and Rotskoff 2024, arXiv 2405.15986, Figure 1 caption: "O(log d) blocks of O(1) length", Õ(d) (SDE,
 * Theorem 3.3) or Õ(√d) (ODE, Theorem 3.5) points per block, K Picard iterations per block, K N = Õ(poly log d)
 * rounds; review mlem_piadm_fulltext.md 5 and 8.2): measured exactly on N(1, 0.05 I_d) by
 * {@link PicardDimensionStudy} for the reverse SDE (lambda = 1) and the probability-flow ODE (lambda = 0, PIADM-ODE's
 * predictor only, without its corrector): T_seq(d) of the exponential integrator at TV eps, and the rounds of
 * {@code picardBlocks:length=h,sweeps=K} (blocks of OU time h on a horizon that grows like log d, a fixed K, no
 * tolerance) with the fewest K reaching TV eps. [R]: the paper's update, initialisation, horizon constant and in-block
 * steps are not known to us (its captions and abstract only); the block length h, the horizon rule and the target are
 * DiffLab's.
 *
 * <p>Checks per lambda, with bounds fixed by the dimensions before measuring: the exponent of T_seq in d against the
 * theory's (1 SDE, 1/2 ODE) plus a log allowance, the exponent in d of the horizon S(d) over these dimensions (the
 * Õ's log: a uniform grid's steps grow with the horizon) ({@link Judgement#ofBound}); the exponent of the rounds in d
 * against the exponent in d of S(d)^2, the theory's K = O(log(d / eps)) sweeps times N ~ S(d) blocks over these
 * dimensions (HOLDS when the whole 95% interval is at or below it, VIOLATED when it is wholly above, INCONCLUSIVE
 * otherwise: over a finite range a poly-log grows like a small power, so this is what poly-log growth looks like
 * here); the exponent c of rounds ~ (ln d)^c against 2 ({@link Judgement#ofBound}).
 *
 * @param id           short stable id
 * @param dims         dimensions, at least 3, increasing, each >= 2
 * @param eps          TV tolerance in (0, 1)
 * @param blockLength  the blocks' length h in OU time, > 0
 * @param note         what a reader should know (may be empty)
 * @param everySweep   a negative control: every block swept as often as the largest block has points
 */
public record PicardDimensionClaim(String id, int[] dims, double eps, double blockLength, String note, boolean everySweep)
        implements ClaimFamilies.Parallel {
    private static final double[] LAMBDAS = {1, 0};

    public PicardDimensionClaim {
        Claim.requireId(id);
        if (dims == null || dims.length < 3 || !(eps > 0 && eps < 1) || !(blockLength > 0 && blockLength < 100)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "dims = %s, eps = %s, blockLength = %s are not allowed for claim %s: "
                    + "at least 3 dimensions, eps in (0, 1), blockLength in (0, 100)", Arrays.toString(dims), eps, blockLength, id));
        }
        PicardDimensionStudy.of(1).dims(dims); // the study's rules for dimensions
        dims = dims.clone();
        note = Claim.orEmpty(note);
    }

    /** The claim (blocks stop at the fewest sweeps that reach eps). */
    public PicardDimensionClaim(String id, int[] dims, double eps, double blockLength, String note) {
        this(id, dims, eps, blockLength, note, false);
    }

    /** A negative control: the same claim with Picard blocks that never stop early (swept as often as the largest block has points). */
    public PicardDimensionClaim neverStoppingEarly(int[] newDims) {
        return new PicardDimensionClaim(id, newDims, eps, blockLength, note, true);
    }

    /** The log allowance of T_seq's exponent: the exponent in d of the horizon S(d) over these dimensions. */
    public double horizonExponent() {
        return PowerFit.of(Arrays.stream(dims).asDoubleStream().toArray(), Arrays.stream(dims).mapToDouble(d -> PicardDimensionStudy.horizon(d, eps))
                .toArray()).slope();
    }

    /**
     * The rounds' bound: the exponent in d of S(d)^2 over these dimensions, K N with K and N both of the order of the
     * horizon S(d) = 1 + ln(sqrt(d) / eps) (the theory's K = O(log(d / eps)) sweeps, N = S / h blocks).
     */
    public double polylogBound() {
        return 2 * horizonExponent();
    }

    @Override
    public int[] dims() {
        return dims.clone();
    }

    @Override
    public Provenance provenance() {
        return Provenance.reconstruction("Chen, Ren, Ying, Rotskoff (2024), Accelerating diffusion models with parallel sampling, arXiv "
                + "2405.15986", "Figure 1 and Theorems 3.3 (SDE) and 3.5 (ODE): O(log d) blocks of O(1) length with a fixed number K of "
                + "parallel Picard iterations each give K N = poly-log d sequential rounds, against O~(d) (SDE) or O~(sqrt d) (ODE) "
                + "sequential steps")
                .differs("DiffLab's Picard blocks, built from the paper's captions (update, initialisation, horizon constant, in-block steps "
                        + "[R]); blocks of OU time h = " + OrderChart.number(blockLength) + " on a VP horizon 1 + ln(sqrt(d) / eps) from the "
                        + "prior (DiffLab's rule); K the fewest fixed sweeps reaching eps, found per d (the theory sets K = O(log d) a priori); "
                        + "an isotropic Gaussian with the exact score, where T_seq ~ sqrt(d) for the SDE too; the ODE is PIADM-ODE's predictor "
                        + "only (no ULMC corrector); the paper has no experiments: this is DiffLab's own check of an upper bound on an easy "
                        + "target")
                .basis("research note mlem_parallel.md B.2-B.5; review mlem_piadm_fulltext.md 8.2");
    }

    @Override
    public String rule() {
        return "per lambda: exponents fitted by OLS with 95% CIs; the exponent of T_seq in d HOLDS unless its whole interval lies above the "
                + "bound plus the horizon's exponent in d; the exponent of the rounds in d HOLDS when its whole interval is at or below the "
                + "exponent of S(d)^2, VIOLATED when "
                + "wholly above, INCONCLUSIVE when it straddles; the exponent c of rounds ~ (ln d)^c HOLDS unless wholly above 2";
    }

    @Override
    public String statement() {
        return "At fixed accuracy on Gaussian targets, the sequential rounds of PIADM's Picard blocks grow poly-logarithmically in d, "
                + "while the sequential sampler's steps grow like d (SDE) or sqrt(d) (ODE)";
    }

    @Override
    public String expectation() {
        return String.format(Locale.ROOT, "per lambda: exponent of T_seq in d at or below the bound (1 SDE, 0.5 ODE) plus %.3f, the horizon's "
                + "exponent in d (HOLDS unless the whole 95%% interval lies above); exponent of the rounds in d with its whole 95%% interval "
                + "at or below %.3f, the exponent of S(d)^2 over these dimensions (K and N both ~ S(d)); exponent c of rounds ~ (ln d)^c at or below 2 (K = "
                + "O(log d) sweeps times N = O(log d) blocks; HOLDS unless the whole interval lies above)", horizonExponent(), polylogBound());
    }

    @Override
    public String setup() {
        return String.format(Locale.ROOT, "target gaussian:mean=1,var=0.05 in d = %s, schedule vp:bmin=0.1,bmax=4 S(d) - 0.1,eps=1e-3 with "
                + "OU horizon S(d) = 1 + ln(sqrt(d) / %s), uniform grid ending at tMin, init prior, exact TV to the target noised to tMin "
                + "(each law evaluated in d = 1 and replicated); T_seq = smallest T of exponentialEuler:lambda with TV <= %s; Picard grid = "
                + "smallest T with TV <= %s, cut by picardBlocks:length=%s into N(d) blocks; K = smallest fixed sweeps of "
                + "picardBlocks:length=%s,sweeps=K,lambda with TV <= %s at K and K + 1, scanned from the previous d's K (down through the run of "
                + "passing counts that holds it, else up); rounds = sum over blocks of min(K, block points); "
                + "lambda = 1 and 0; OLS of log T_seq and log rounds on log d, and of log rounds on log ln d%s", Arrays.toString(dims), eps, eps,
                eps / 2, OrderChart.number(blockLength), OrderChart.number(blockLength), eps, everySweep ? "; every block swept as often as the "
                + "largest block has points (never stopping early)" : "");
    }

    @Override
    public List<String> integrators() {
        return List.of("exponentialEuler:lambda=1", "exponentialEuler:lambda=0", "picardBlocks:lambda=1", "picardBlocks:lambda=0");
    }

    @Override
    public ClaimResult check() {
        long start = System.nanoTime();
        List<Check> checks = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        Chart.Builder chart = Chart.of(id + ": sequential steps and parallel rounds at TV <= " + eps, "dimension d", "steps or rounds", true, true);
        double allowance = horizonExponent();
        double polylogBound = polylogBound();
        for (double lambda : LAMBDAS) {
            PicardDimensionStudy study = PicardDimensionStudy.of(lambda).dims(dims).eps(eps).blockLength(blockLength);
            PicardDimensionResult r = (everySweep ? study.everySweep() : study).run();
            String kind = lambda == 1 ? "SDE" : "ODE, predictor only (no corrector)";
            double bound = (lambda == 1 ? 1 : 0.5) + allowance;
            String seq = "exponentialEuler:lambda=" + (int) lambda;
            String par = "picardBlocks:lambda=" + (int) lambda + (lambda == 1 ? "" : " (PIADM-ODE predictor only)");
            PowerFit steps = r.sequentialExponent();
            PowerFit rounds = r.roundsExponent();
            PowerFit logRounds = r.roundsLogExponent();
            checks.add(new Check(seq, "exponent of T_seq in d", steps.slope(), steps.lower(), steps.upper(), String.format(Locale.ROOT, "<= %.3f",
                    bound),
                    Judgement.ofBound(bound, steps.slope(), steps.lower(), steps.upper())));
            checks.add(new Check(par, "exponent of rounds in d", rounds.slope(), rounds.lower(), rounds.upper(),
                    String.format(Locale.ROOT, "<= %.3f (whole CI)", polylogBound), small(rounds, polylogBound)));
            checks.add(new Check(par, "exponent c of rounds in ln d", logRounds.slope(), logRounds.lower(), logRounds.upper(), "<= 2",
                    Judgement.ofBound(2, logRounds.slope(), logRounds.lower(), logRounds.upper())));
            tables.add(table(r, kind));
            double[] d = r.dims();
            double[] t = r.rows().stream().mapToDouble(PicardDimensionResult.Row::seqSteps).toArray();
            double[] k = r.rows().stream().mapToDouble(PicardDimensionResult.Row::rounds).toArray();
            chart.measured("T_seq, " + seq, d, t).measured("rounds, " + par + " (h = " + OrderChart.number(blockLength) + ")", d, k)
                    .fit(String.format(Locale.ROOT, "fit: d^%.2f", steps.slope()), d, PowerFit.line(d, t, steps.slope()))
                    .fit(String.format(Locale.ROOT, "fit: d^%.2f", rounds.slope()), d, PowerFit.line(d, k, rounds.slope()))
                    .theory(String.format(Locale.ROOT, "bound d^%.2f (%s), through d = %d", bound, kind, dims[0]), d,
                            Arrays.stream(d).map(x -> t[0] * Math.pow(x / d[0], bound)).toArray());
        }
        return new ClaimResult(this, checks, tables, chart.build(), (System.nanoTime() - start) * 1e-9);
    }

    /** HOLDS when the whole interval is at or below polylogBound, VIOLATED when wholly above, INCONCLUSIVE otherwise. */
    private static Judgement small(PowerFit f, double polylogBound) {
        String numbers = String.format(Locale.ROOT, "measured %.3f, 95%% CI [%.3f, %.3f], poly-log bound %.3f", f.slope(), f.lower(), f.upper(),
                polylogBound);
        if (f.upper() <= polylogBound) {
            return new Judgement(Verdict.HOLDS, "the whole interval is at or below the bound (" + numbers + ")");
        }
        if (f.lower() > polylogBound) {
            return new Judgement(Verdict.VIOLATED, "the whole interval lies above the bound (" + numbers + ")");
        }
        return new Judgement(Verdict.INCONCLUSIVE, "the interval straddles the bound (" + numbers + ")");
    }

    private Table table(PicardDimensionResult r, String kind) {
        Table.Builder t = Table.of(String.format(Locale.ROOT, "%s (lambda = %s): T_seq at TV <= %s, Picard blocks of OU time %s on the grid of TV "
                + "<= %s with the fewest sweeps K reaching TV <= %s", kind, OrderChart.number(r.lambda()), eps, OrderChart.number(blockLength),
                eps / 2, eps), "d", "T_seq", "TV at T_seq", "Picard grid steps", "horizon S", "blocks N", "largest block", "K", "rounds",
                "TV at K", "sweeps scanned", "TV by sweep scanned", "note");
        for (PicardDimensionResult.Row row : r.rows()) {
            t.row(row.dim(), row.seqSteps(), sci(row.seqError()), row.gridSteps(), String.format(Locale.ROOT, "%.2f", row.horizon()), row.blocks(),
                    row.largest(), row.sweeps(), row.rounds(), sci(row.error()), row.firstSweep() + "-" + (row.firstSweep() + row.errors().length - 1),
                    String.join(", ", Arrays.stream(row.errors()).mapToObj(x -> String.format(Locale.ROOT, "%.3g", x)).toList()),
                    note(row));
        }
        return t.build();
    }

    private static String note(PicardDimensionResult.Row row) {
        List<String> notes = new ArrayList<>();
        if (!row.seqMonotone()) {
            notes.add("sequential TV not monotone in T near T_seq or the grid's count");
        }
        if (row.lucky()) {
            notes.add("a smaller K passed once but not at K + 1");
        }
        return String.join("; ", notes);
    }

    private static String sci(double v) {
        return String.format(Locale.ROOT, "%.3e", v);
    }
}
