package org.difflab.theory.claims;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.difflab.theory.parallel.PicardDimensionResult;
import org.difflab.theory.parallel.PicardDimensionStudy;
import org.difflab.theory.parallel.PowerFit;

/**
 * Parallel rounds against sequential steps as the dimension grows, at fixed accuracy (Chen, Ren, Ying and Rotskoff
 * 2024, arXiv 2405.15986, Theorems 3.3 and 3.5 as recalled in research note mlem_parallel.md B.5; SAMPLERS.md
 * section 6): PIADM needs K N = O(log^2 d) sequential rounds of batched score calls, while the sequential sampler
 * needs Õ(d) (SDE, KL) or Õ(√d) (ODE, TV) steps. Measured exactly on N(1, 0.05 I_d) by {@link PicardDimensionStudy}
 * for the reverse SDE (lambda = 1) and the probability-flow ODE (lambda = 0, PIADM-ODE's predictor without its
 * corrector): T_seq(d) of the exponential integrator at TV eps, and the rounds of picardBlocks on a grid cut into N
 * fixed blocks with the fewest sweeps K reaching TV eps.
 *
 * <p>Checks per lambda: the exponent of T_seq in d against the theory's bound ({@link Judgement#ofBound}); the
 * exponent of the rounds in d against {@code polylogBound} (HOLDS when the whole 95% interval is at or below it,
 * VIOLATED when it is wholly above, INCONCLUSIVE otherwise: over d in [4, 1024] a poly-log grows like a small power,
 * so a small exponent is what poly-log growth looks like here); the exponent c of rounds ~ (ln d)^c against 1, the
 * theory's K = O(log d) at fixed N ({@link Judgement#ofBound}).
 *
 * @param id           short stable id
 * @param dims         dimensions, at least 3, increasing, each >= 2
 * @param eps          TV tolerance in (0, 1)
 * @param blocks       the number N of blocks
 * @param polylogBound the largest exponent of d the rounds may have to count as poly-log over these dimensions, in (0, 1)
 * @param note         what a reader should know (may be empty)
 * @param everySweep   a negative control: every block swept M times (Picard blocks that never stop early)
 */
public record PicardDimensionClaim(String id, int[] dims, double eps, int blocks, double polylogBound, String note, boolean everySweep)
        implements Claim {
    private static final double[] LAMBDAS = {1, 0};

    public PicardDimensionClaim {
        Claim.requireId(id);
        if (dims == null || dims.length < 3 || !(eps > 0 && eps < 1) || blocks < 1 || !(polylogBound > 0 && polylogBound < 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "dims = %s, eps = %s, blocks = %d, polylogBound = %s are not allowed "
                    + "for claim %s: at least 3 dimensions, eps in (0, 1), blocks >= 1, polylogBound in (0, 1)", Arrays.toString(dims), eps,
                    blocks, polylogBound, id));
        }
        PicardDimensionStudy.of(1).dims(dims); // the study's rules for dimensions
        dims = dims.clone();
        note = note == null ? "" : note;
    }

    /** The claim (blocks stop at the fewest sweeps that reach eps). */
    public PicardDimensionClaim(String id, int[] dims, double eps, int blocks, double polylogBound, String note) {
        this(id, dims, eps, blocks, polylogBound, note, false);
    }

    /** A negative control: the same claim with Picard blocks that never stop early (every block swept M times), on these dimensions. */
    public PicardDimensionClaim neverStoppingEarly(int[] newDims) {
        return new PicardDimensionClaim(id, newDims, eps, blocks, polylogBound, note, true);
    }

    @Override
    public int[] dims() {
        return dims.clone();
    }

    @Override
    public String family() {
        return ParallelClaims.FAMILY;
    }

    @Override
    public Provenance provenance() {
        return Provenance.reconstruction("Chen, Ren, Ying, Rotskoff (2024), Accelerating diffusion models with parallel sampling, arXiv "
                + "2405.15986", "Figure 1 and Theorems 3.3 (SDE) and 3.5 (ODE): O(log d) blocks with parallel Picard iterations give "
                + "poly-log d sequential rounds, against O~(d) (SDE) or O~(sqrt d) (ODE) sequential steps")
                .differs("DiffLab's Picard blocks, built from the paper's captions (update, initialisation and sweep count [R]); N = 8 fixed "
                        + "blocks instead of O(log d); an isotropic Gaussian with the exact score, where T_seq ~ sqrt(d) for the SDE too; the "
                        + "ODE is PIADM-ODE's predictor only (no ULMC corrector); the paper has no experiments: this is DiffLab's own check of an "
                        + "upper bound on an easy target")
                .basis("research note mlem_parallel.md B.2-B.5; review mlem_piadm_fulltext.md 8.2");
    }

    @Override
    public String rule() {
        return "per lambda: exponents fitted by OLS with 95% CIs; the exponent of T_seq in d HOLDS unless its whole interval lies above the "
                + "bound; the exponent of the rounds in d HOLDS when its whole interval is at or below the poly-log bound, VIOLATED when "
                + "wholly above, INCONCLUSIVE when it straddles; the exponent c of rounds ~ (ln d)^c HOLDS unless wholly above 1";
    }

    @Override
    public String statement() {
        return "At fixed accuracy on Gaussian targets, the sequential rounds of PIADM's Picard blocks grow poly-logarithmically in d, "
                + "while the sequential sampler's steps grow like d (SDE) or sqrt(d) (ODE)";
    }

    @Override
    public String expectation() {
        return String.format(Locale.ROOT, "per lambda: exponent of T_seq in d at or below the bound (1 SDE, 0.5 ODE; HOLDS unless the whole 95%% "
                + "interval lies above); exponent of the rounds in d with its whole 95%% interval at or below %s; exponent c of rounds ~ "
                + "(ln d)^c at or below 1 (K = O(log d) at fixed N; HOLDS unless the whole interval lies above)", OrderChart.number(polylogBound));
    }

    @Override
    public String setup() {
        return String.format(Locale.ROOT, "target gaussian:mean=1,var=0.05 in d = %s, schedule vp, uniform grid ending at tMin, init exact, exact "
                + "TV to the target noised to tMin (each law evaluated in d = 1 and replicated); T_seq = smallest T of exponentialEuler:lambda "
                + "with TV <= %s; Picard grid = smallest T with TV <= %s, cut into N = %d blocks of M = ceil(T / N) points; K = smallest sweeps of "
                + "picardBlocks:points=M,sweeps=K,tol=0,lambda with TV <= %s at K and K + 1; rounds = sum over blocks of min(K, block length); "
                + "lambda = 1 and 0; OLS of log T_seq and log rounds on log d, and of log rounds on log ln d%s", Arrays.toString(dims), eps, eps / 2,
                blocks, eps, everySweep ? "; every block swept M times (never stopping early)" : "");
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
        for (double lambda : LAMBDAS) {
            PicardDimensionStudy study = PicardDimensionStudy.of(lambda).dims(dims).eps(eps).blocks(blocks);
            PicardDimensionResult r = (everySweep ? study.everySweep() : study).run();
            String kind = lambda == 1 ? "SDE" : "ODE, predictor only (no corrector)";
            double bound = lambda == 1 ? 1 : 0.5;
            String seq = "exponentialEuler:lambda=" + (int) lambda;
            String par = "picardBlocks:lambda=" + (int) lambda + (lambda == 1 ? "" : " (PIADM-ODE predictor only)");
            PowerFit steps = r.sequentialExponent();
            PowerFit rounds = r.roundsExponent();
            PowerFit logRounds = r.roundsLogExponent();
            checks.add(new Check(seq, "exponent of T_seq in d", steps.slope(), steps.lower(), steps.upper(), "<= " + OrderChart.number(bound),
                    Judgement.ofBound(bound, steps.slope(), steps.lower(), steps.upper())));
            checks.add(new Check(par, "exponent of rounds in d", rounds.slope(), rounds.lower(), rounds.upper(),
                    "<= " + OrderChart.number(polylogBound) + " (whole CI)", small(rounds)));
            checks.add(new Check(par, "exponent c of rounds in ln d", logRounds.slope(), logRounds.lower(), logRounds.upper(), "<= 1",
                    Judgement.ofBound(1, logRounds.slope(), logRounds.lower(), logRounds.upper())));
            tables.add(table(r, kind));
            double[] d = r.dims();
            double[] t = r.rows().stream().mapToDouble(PicardDimensionResult.Row::seqSteps).toArray();
            double[] k = r.rows().stream().mapToDouble(PicardDimensionResult.Row::rounds).toArray();
            chart.measured("T_seq, " + seq, d, t).measured("rounds, " + par + " (N = " + blocks + ")", d, k)
                    .fit(String.format(Locale.ROOT, "fit: d^%.2f", steps.slope()), d, PowerFit.line(d, t, steps.slope()))
                    .fit(String.format(Locale.ROOT, "fit: d^%.2f", rounds.slope()), d, PowerFit.line(d, k, rounds.slope()))
                    .theory("bound d^" + OrderChart.number(bound) + " (" + kind + "), through d = " + dims[0], d,
                            Arrays.stream(d).map(x -> t[0] * Math.pow(x / d[0], bound)).toArray());
        }
        return new ClaimResult(this, checks, tables, chart.build(), (System.nanoTime() - start) * 1e-9);
    }

    /** HOLDS when the whole interval is at or below polylogBound, VIOLATED when wholly above, INCONCLUSIVE otherwise. */
    private Judgement small(PowerFit f) {
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
        Table.Builder t = Table.of(String.format(Locale.ROOT, "%s (lambda = %s): T_seq at TV <= %s, Picard blocks (N = %d) on the grid of TV <= %s "
                + "with the fewest sweeps K reaching TV <= %s", kind, OrderChart.number(r.lambda()), eps, blocks, eps / 2, eps), "d", "T_seq",
                "TV at T_seq", "Picard grid steps", "M", "K", "rounds", "TV at K", "TV by sweep 1, 2, ...", "note");
        for (PicardDimensionResult.Row row : r.rows()) {
            t.row(row.dim(), row.seqSteps(), sci(row.seqError()), row.gridSteps(), row.points(), row.sweeps(), row.rounds(), sci(row.error()),
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
