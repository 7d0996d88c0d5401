package org.difflab.theory.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.difflab.dsl.Require;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.integrator.Mutant;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.theory.parallel.ParallelRun;

/**
 * ParaDiGMS (Shih, Belkhale, Ermon, Sadigh and Anari 2023, arXiv 2305.16317; research note mlem_parallel.md C.2-C.4;
 * review mlem_piadm_fulltext.md section 7): the sliding-window Picard iteration of a sequential sampler reaches its
 * output in far fewer sequential rounds than steps at 2-3x the evaluations (the official table: DDPM-1000 in 44 rounds
 * at a window of about 48, DDIM-200 in 16 at about 32; the abstract's "2-4x" is wall-clock on several GPUs, not
 * rounds), and with tol = 0 it is the sequential sampler. Measured on a Gaussian mixture with the exact score (or a
 * trained network: {@link #onNetwork}), paired with the sequential run
 * (same prior draws and noise): rounds, evaluations per sample and the gap for several tolerances, and the wall time
 * of one sample, sequential against parallel, on this machine. Checks at the paper's tol: rounds at most half the
 * steps; evaluations at most {@value #OVERHEAD_LIMIT} times the steps; the paired per-coordinate mean differences
 * jointly 0 (chi-square below its 99.9% quantile; with as many coordinates as samples or more, as on images, the
 * per-sample mean over coordinates is tested instead, since so few rows cannot estimate each pixel's spread); and the
 * tol = 0 run equal to the sequential one to rounding.
 *
 * @param id        short stable id
 * @param sampler   the wrapped sampler's registered name
 * @param model     the score model, built when checked (DDPM's linear schedule over 1000 training steps)
 * @param steps     T
 * @param window    p
 * @param tolerance the tolerance judged (the paper's default 0.1)
 * @param samples   rows of the paired runs
 * @param exactGap  the largest gap allowed between the tol = 0 run and the sequential one: rounding of the model's
 *                  arithmetic (1e-12 for a float64 exact score; a network computing in float32 rounds at about 6e-8 per
 *                  operation, and a window batches other rows than the sequential run, whose kernels round differently)
 * @param parallelDefect empty, or a {@link Mutant} defect (e.g. {@code score=0.05}) of every parallel run while the
 *                  sequential runs stay intact: a negative control
 */
public record ParadigmsClaim(String id, String sampler, ClaimModel model, int steps, int window, double tolerance, int samples,
                             double exactGap, String parallelDefect) implements ClaimFamilies.Parallel {
    private static final double OVERHEAD_LIMIT = 4;
    private static final double[] TOLERANCES = {1e-3, 1e-2, 1e-1, 3e-1};
    private static final int EXACT_ROWS = 4;

    /** The official results table (SD-v2, review mlem_piadm_fulltext.md 7): T, window, rounds, evaluations / T; null if none. */
    private double[] paper() {
        if (sampler.equals("ddpm") && steps == 1000) {
            return new double[] {1000, 48, 44, 2.04};
        }
        if (sampler.equals("ddim") && steps == 200) {
            return new double[] {200, 32, 16, 2.13};
        }
        return null;
    }

    /** The mixture's exact score: the default tier's model. */
    private static final ClaimModel MIXTURE = new ClaimModel("a 2-D Gaussian mixture with the exact score (" + PicardSweepsClaim.TARGET.spec()
            + ")", PicardSweepsClaim.TARGET::exactScore);

    /** Float64 rounding: the largest gap allowed at tol = 0 with an exact score. */
    private static final double FLOAT64_GAP = 1e-12;

    /** The claim on the Gaussian mixture with its exact score. */
    public ParadigmsClaim(String id, String sampler, int steps, int window, double tolerance, int samples) {
        this(id, sampler, MIXTURE, steps, window, tolerance, samples, FLOAT64_GAP, "");
    }

    public ParadigmsClaim {
        Claim.requireId(id);
        Require.notNull("model", model);
        if (steps < 2 || window < 2 || !(tolerance > 0) || samples < 2 || !(exactGap > 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "steps = %d, window = %d, tolerance = %s, samples = %d, exactGap = %s "
                    + "are not allowed for claim %s: steps >= 2, window >= 2, tolerance > 0, samples >= 2, exactGap > 0", steps, window,
                    tolerance, samples, exactGap, id));
        }
        Require.notNull("parallelDefect", parallelDefect);
        if (!parallelDefect.isEmpty()) {
            Mutant.parse(Integrators.parse(sampler), parallelDefect); // refuses a defect it does not know, naming it
        }
    }

    @Override
    public Provenance provenance() {
        return Provenance.paper("Shih, Belkhale, Ermon, Sadigh and Anari (2023), Parallel sampling of diffusion models (ParaDiGMS), arXiv "
                + "2305.16317", "the official README's results table: DDPM-1000 in 44 parallel rounds (window about 48) and DDIM-200 in 16 "
                + "(window about 32), at 2.0-3.0x the evaluations; the abstract's 2-4x speed-up is wall-clock on 4-8 GPUs")
                .differs("sequential rounds (batched calls), not wall-clock (wall time on one CPU is measured and reported, not claimed); "
                        + model.description() + " instead of Stable Diffusion or LSUN; the paper's windows (48 for "
                        + "DDPM-1000, 32 for 200 steps) and tolerance (0.1 on the mean square change per dimension over the next step's "
                        + "posterior variance); rounds and evaluation ratios reported beside the paper's, judged only in the weak form "
                        + "rounds <= T/2 (the paper's counts come from a learned Stable Diffusion model)")
                .basis("official code AndyShih12/paradigms (tolerance and slide rule); research note mlem_parallel.md C.2-C.4; review "
                        + "mlem_piadm_fulltext.md 7 and 8.3");
    }

    @Override
    public String statement() {
        return "ParaDiGMS reaches the sequential sampler's output within its tolerance in far fewer sequential rounds than steps, at 2-3x "
                + "the evaluations; tol = 0 is the sequential sampler";
    }

    @Override
    public String rule() {
        return "counts at the paper's tol, from one run of paired samples: steps / rounds HOLDS at >= 2, evaluations / steps at <= 4 "
                + "(exact counts, no interval); the paired per-coordinate mean differences to the sequential run HOLD when their chi-square "
                + "is below its 99.9% quantile; at tol = 0 the largest gap to the sequential run must be <= " + gap() + " (rounding); each "
                + "VIOLATED otherwise";
    }

    /**
     * This claim on another number of steps, judged at another tolerance (e.g. 1e-12: a window that slides one point per
     * round, a negative control).
     */
    public ParadigmsClaim variant(int newSteps, double tol) {
        return new ParadigmsClaim(id, sampler, model, newSteps, window, tol, samples, exactGap, parallelDefect);
    }

    /**
     * This claim with another model, under another id (the same rules and provenance, the model named where it differs),
     * with the tol = 0 run's largest gap allowed at {@code gap}, the model's rounding.
     */
    public ParadigmsClaim onNetwork(String newId, ClaimModel network, double gap) {
        return new ParadigmsClaim(newId, sampler, network, steps, window, tolerance, samples, gap, parallelDefect);
    }

    /** This claim with every parallel run broken by {@code defect} (e.g. {@code score=0.05}), the sequential runs intact: a mutant. */
    public ParadigmsClaim withParallelDefect(String defect) {
        return new ParadigmsClaim(id, sampler, model, steps, window, tolerance, samples, exactGap, defect);
    }

    /** ParaDiGMS at {@code tol}, with a batch-shared window when {@code shared}, broken by {@link #parallelDefect} if any. */
    private Integrator parallel(double tol, boolean shared) {
        Integrator p = Integrators.paradigms(sampler, window, tol, shared);
        return parallelDefect.isEmpty() ? p : Mutant.parse(p, parallelDefect);
    }

    /** {@link #exactGap} as 1e-12 or 1e-3. */
    private String gap() {
        return String.format(Locale.ROOT, "%.0e", exactGap).replace("e-0", "e-");
    }

    @Override
    public String expectation() {
        return String.format(Locale.ROOT, "at tol = %s: rounds <= steps / 2, evaluations per sample <= %.0f x steps, paired mean differences 0 "
                + "(chi-square below its 99.9%% quantile); at tol = 0 the largest gap <= %s", tolerance, OVERHEAD_LIMIT, gap());
    }

    @Override
    public String setup() {
        return String.format(Locale.ROOT, "model %s, schedule ddpm (linear beta 1e-4..0.02, 1000 training steps), uniform grid of %d steps, float64, seed 1; %s against paradigms:sampler=%s,"
                + "window=%d,tol=tol for tol in %s (%d samples) and tol = 0 (%d samples); wall time of one sample each", model.description(),
                steps, sampler, sampler, window, java.util.Arrays.toString(TOLERANCES), samples, EXACT_ROWS);
    }

    @Override
    public String note() {
        return "By default each sample slides its own window (so samples do not depend on the batch; share=batch is the official code's "
                + "one window slid by the slowest sample, reported beside it) and the rows run side by side: a round is one "
                + "batched call over every grid point some window covers, so the rounds are the most iterations a sample needed, and the "
                + "evaluations per sample are its own windows' points. The wall-time ratio is one sample on this machine's CPU, where a "
                + "window of p points is one batched call of p rows: a measurement, not a claim.";
    }

    @Override
    public List<String> integrators() {
        return List.of("paradigms:sampler=" + sampler + ",window=" + window + ",tol=" + tolerance, sampler);
    }

    @Override
    public ClaimResult check() {
        long start = System.nanoTime();
        return model.with(m -> check(m, start));
    }

    private ClaimResult check(ScoreModel m, long start) {
        ParallelRun sequential = run(m, Integrators.parse(sampler), samples, 1, sampler);
        Table.Builder t = Table.of(String.format(Locale.ROOT, "paradigms:sampler=%s,window=%d against %s on %d steps (%d samples)", sampler, window, sampler,
                steps, samples), "tol", "rounds", "steps / rounds", "evaluations per sample", "evaluations / steps", "RMS gap", "largest gap");
        double[] tols = TOLERANCES.clone();
        double[] rounds = new double[tols.length];
        double[] evaluations = new double[tols.length];
        ParallelRun judged = null;
        for (int i = 0; i < tols.length; i++) {
            ParallelRun p = run(m, parallel(tols[i], false), samples, 1, spec(tols[i]));
            rounds[i] = p.rounds();
            evaluations[i] = p.evaluations();
            t.row(tols[i], p.rounds(), String.format(Locale.ROOT, "%.2f", steps / (double) p.rounds()), String.format(Locale.ROOT, "%.1f", p.evaluations()),
                    String.format(Locale.ROOT, "%.2f", p.evaluations() / steps), String.format(Locale.ROOT, "%.3e", p.rmsGap(sequential)),
                    String.format(Locale.ROOT, "%.3e", p.maxGap(sequential)));
            if (tols[i] == tolerance) {
                judged = p;
            }
        }
        if (judged == null) {
            judged = run(m, parallel(tolerance, false), samples, 1, spec(tolerance));
        }
        String subject = spec(tolerance);
        List<Check> checks = new ArrayList<>();
        double speedup = steps / (double) judged.rounds();
        checks.add(new Check(subject, "steps / rounds", speedup, Double.NaN, Double.NaN, "exact count", ">= 2", Judgement.of(speedup >= 2,
                String.format(Locale.ROOT, "%d rounds for %d steps: %.2fx fewer", judged.rounds(), steps, speedup))));
        double overhead = judged.evaluations() / steps;
        checks.add(new Check(subject, "evaluations / steps", overhead, Double.NaN, Double.NaN, "exact count", String.format(Locale.ROOT, "<= %.0f", OVERHEAD_LIMIT),
                Judgement.of(overhead <= OVERHEAD_LIMIT, String.format(Locale.ROOT, "%.1f evaluations per sample for %d steps: %.2fx", judged.evaluations(),
                        steps, overhead))));
        checks.add(pairedMeans(subject, judged, sequential, samples));
        ParallelRun exactSequential = run(m, Integrators.parse(sampler), EXACT_ROWS, 1, sampler);
        ParallelRun exact = run(m, parallel(0, false), EXACT_ROWS, 1, spec(0));
        double largest = exact.maxGap(exactSequential);
        checks.add(new Check(spec(0), "largest gap to " + sampler, largest, Double.NaN, Double.NaN, "<= " + gap(), Judgement.of(largest <= exactGap,
                String.format(Locale.ROOT, "largest gap %.3e over %d samples (%d rounds)", largest, EXACT_ROWS, exact.rounds()))));
        ParallelRun oneSequential = run(m, Integrators.parse(sampler), 1, 2, sampler + " (timed)");
        ParallelRun oneParallel = run(m, parallel(tolerance, false), 1, 2, spec(tolerance) + " (timed)");
        Table wall = Table.of("wall time of one sample on this machine (a measurement, not a claim)", "run", "rounds", "evaluations", "wall s",
                        "parallel / sequential")
                .row(sampler, oneSequential.rounds(), String.format(Locale.ROOT, "%.0f", oneSequential.evaluations()),
                        String.format(Locale.ROOT, "%.3f", oneSequential.wallSeconds()), "")
                .row(subject, oneParallel.rounds(), String.format(Locale.ROOT, "%.0f", oneParallel.evaluations()),
                        String.format(Locale.ROOT, "%.3f", oneParallel.wallSeconds()), String.format(Locale.ROOT, "%.2f",
                                oneParallel.wallSeconds() / oneSequential.wallSeconds()))
                .build();
        ParallelRun shared = run(m, parallel(tolerance, true), samples, 1, spec(tolerance) + ",share=batch");
        Table.Builder against = Table.of("against the paper's table (rounds: sequential batched calls; the paper's on Stable Diffusion v2, "
                + "ours on " + model.description() + ")", "run", "window", "rounds", "steps / rounds", "evaluations / steps");
        double[] paper = paper();
        if (paper != null) {
            against.row("paper: " + sampler + "-" + steps + " (SD-v2, batch-shared window)", (int) paper[1], (int) paper[2],
                    String.format(Locale.ROOT, "%.1f", paper[0] / paper[2]), String.format(Locale.ROOT, "%.2f", paper[3]));
        }
        against.row(subject + " (per-sample windows)", window, judged.rounds(), String.format(Locale.ROOT, "%.1f", speedup),
                String.format(Locale.ROOT, "%.2f", overhead));
        against.row(subject + ",share=batch (one window slid by the slowest of " + samples + " samples)", window, shared.rounds(),
                String.format(Locale.ROOT, "%.1f", steps / (double) shared.rounds()), String.format(Locale.ROOT, "%.2f", shared.evaluations() / steps));
        Chart chart = Chart.of(id + ": rounds and evaluations per sample against tol", "tol", "count", true, true)
                .measured("rounds", tols, rounds)
                .measured("evaluations per sample", tols, evaluations)
                .theory("steps (sequential rounds = evaluations)", new double[] {tols[0], tols[tols.length - 1]}, new double[] {steps, steps})
                .build();
        return new ClaimResult(this, checks, List.of(t.build(), against.build(), wall), chart, (System.nanoTime() - start) * 1e-9);
    }

    /**
     * One run of {@code rows} samples (seed as given); on a network, where a run of DDPM-1000 takes minutes, it says
     * which run starts (the mixture's runs take milliseconds and stay quiet).
     */
    private ParallelRun run(ScoreModel m, Integrator integrator, int rows, long seed, String label) {
        if (model != MIXTURE) {
            System.err.printf(Locale.ROOT, "%s: %s on %d steps, %d sample%s%n", id, label, steps, rows, rows == 1 ? "" : "s");
        }
        return ParallelRun.of(m, integrator, steps, rows, seed);
    }

    private String spec(double tol) {
        return "paradigms:sampler=" + sampler + ",window=" + window + ",tol=" + tol;
    }

    /**
     * Paired per-coordinate mean differences against 0: chi-square of their z-scores; with at least as many coordinates as
     * rows, one coordinate: each row's mean difference over its coordinates.
     */
    private static Check pairedMeans(String subject, ParallelRun parallel, ParallelRun sequential, int rows) {
        int width = parallel.samples().length / rows;
        int d = width < rows ? width : 1;
        double[] diffs = new double[rows * d]; // row r's difference in coordinate j, or its mean over the coordinates
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < width; i++) {
                double diff = parallel.samples()[r * width + i] - sequential.samples()[r * width + i];
                diffs[r * d + (d == width ? i : 0)] += d == width ? diff : diff / width;
            }
        }
        double chi = 0;
        for (int j = 0; j < d; j++) {
            double mean = 0;
            double sq = 0;
            for (int r = 0; r < rows; r++) {
                mean += diffs[r * d + j] / rows;
                sq += diffs[r * d + j] * diffs[r * d + j] / rows;
            }
            double se = Math.sqrt(Math.max(0, sq - mean * mean) / (rows - 1));
            chi += se > 0 ? mean * mean / (se * se) : mean == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        double limit = new ChiSquaredDistribution(d).inverseCumulativeProbability(0.999);
        double value = chi;
        return new Check(subject, "chi-square of paired mean differences", value, Double.NaN, Double.NaN, "a test statistic (no interval)", String.format(Locale.ROOT, "<= %.2f", limit),
                Judgement.of(value <= limit, String.format(Locale.ROOT, "chi-square %.2f on %s, 99.9%% quantile %.2f", value, d == width ? d
                        + " coordinates" : "the mean over " + width + " coordinates", limit)));
    }
}
