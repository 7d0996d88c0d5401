package org.difflab.theory.exact;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.difflab.dsl.InPlace;
import org.difflab.dsl.noise.NoiseSource;
import org.difflab.dsl.tensor.Scalars;

/**
 * The noise of an exact evaluation: instead of random Gaussian draws it serves impulses, so that a run of an
 * integrator on an affine (Gaussian-target) problem reveals its affine map from the draws to the output
 * (DESIGN.md, "Exact evaluation").
 *
 * <p>Two passes over the same integrator, grid and auxiliary seed:
 * <ol>
 *   <li>{@link #counting(long)}: a batch of one row; every {@code normal(...)} call returns zeros and is recorded
 *       (its event shape and time interval), and so is every step end (how many draws came before it and how many
 *       arrays the run kept). After the run, {@link #draws()} is the sequence of the run's K Gaussian draws.</li>
 *   <li>{@link #probe()}: a batch of 1 + H + F rows, H the most arrays the run keeps at a step end (its state plus
 *       carried arrays), F the most draws between two step ends. Row 0 receives zeros for every draw; each draw
 *       receives ones across its whole event in one fresh row (a row whose deviation from row 0 is zero) and zeros
 *       elsewhere. At a step end, when fewer fresh rows are left than the next step draws, {@link PastCollapse}
 *       replaces the deviations of all rows by H rows with the same Gram matrix per coordinate, which frees the
 *       others. A run of T steps thus costs O(T) instead of the O(T K) of one row per draw. The probe pass checks
 *       that it sees the counting pass's draws and step ends and throws otherwise (then the integrator's draws
 *       depend on its state, and the rows would not be comparable).</li>
 * </ol>
 *
 * <p>Why all-ones impulses are enough. The evaluator works in the eigenbasis of the target covariance: the target
 * N(m, U diag(lambda) U^T) is replaced by the diagonal Gaussian N(U^T m, diag(lambda)). Isotropic noise and the
 * isotropic prior are invariant under the rotation U, and every integrator here is rotation-equivariant when the
 * score is exact (or affinely perturbed in the rotated frame), so the output law is the rotated output law of the
 * original problem. With a diagonal target every score evaluation acts coordinate by coordinate, hence coordinate j
 * of the output is an affine function of coordinate j of each draw only: out[j] = c[j] + sum_k a_k[j] z_k[j]. A unit
 * impulse in every coordinate at once therefore probes all d coordinates in one row. For independent standard normal
 * draws the output is N(c, diag(sum_k a_k^2)); since the collapse only mixes the draws orthogonally, per coordinate,
 * the output still is: mean = row 0, variance[j] = sum over rows r >= 1 of (row r - row 0)[j]^2.
 *
 * <p>The counting pass can be skipped when the run's {@link ProbeLayout} (draws between step ends, most arrays kept)
 * is known from an earlier one ({@link #known}): it is all the probe pass needs, and the probe pass then checks the
 * run against it instead of against the counting pass's draws.
 *
 * <p>Auxiliary randomness ({@link #uniform()}, {@link #uniformShared()}) comes from a generator seeded with the
 * auxiliary seed and is the same for every row (all probe rows see one realisation), so the output is Gaussian
 * conditional on the auxiliary draws; averaging over auxiliary seeds gives a Gaussian mixture. Both passes restart
 * the auxiliary generators from the same seed, so they see the same auxiliary values. The shared draws can instead be
 * forced ({@link #counting(long, IntToDoubleFunction)}: draw n returns a given value), which is how
 * {@link SelectionMoments} runs a step with chosen selections.
 *
 * <p>A probe stream is also its own {@link NoiseSource}: {@link #open} returns this stream for the one batch it
 * serves.
 */
public final class ProbeNoise extends WholeBatchProbe {

    /** One recorded Gaussian draw: the event shape and the time interval it was tied to (NaN when untied). */
    public record Draw(Shape event, double tFrom, double tTo) {
        boolean sameAs(Draw o) {
            return event.equals(o.event) && same(tFrom, o.tFrom) && same(tTo, o.tTo);
        }

        private static boolean same(double a, double b) {
            return Double.compare(a, b) == 0;
        }
    }

    /**
     * What a probe pass follows: the run's layout (with, for each step end, the draws before it, and the probe batch
     * size), and the draws of the counting pass that recorded it, or null when the layout was known in advance
     * ({@link #known}): then a run that departs from the layout throws {@link ProbeLayout.Mismatch}.
     */
    private record Plan(List<Draw> draws, ProbeLayout layout, int[] ends, int rows) {
        Plan(List<Draw> draws, ProbeLayout layout) {
            this(draws, layout, layout.ends(), layout.rows());
        }

        boolean known() {
            return draws == null;
        }

        int total() {
            return ends[ends.length - 1];
        }
    }

    private final long auxSeed;
    private final Plan plan; // null in the counting pass
    private final List<Draw> seen = new ArrayList<>();
    private final List<Integer> stepEnds = new ArrayList<>();
    private final SplittableRandom perSample;
    private final SplittableRandom shared;
    private final IntToDoubleFunction forcedShared; // null: drawn from the seeded generator
    private int sharedDraws;
    private int sampleDraws;
    private int mostKept;
    private int freshRow = 1;

    private ProbeNoise(long auxSeed, Plan plan, IntToDoubleFunction forcedShared) {
        this.auxSeed = auxSeed;
        this.plan = plan;
        this.forcedShared = forcedShared;
        SplittableRandom root = new SplittableRandom(auxSeed);
        this.perSample = root.split();
        this.shared = root.split();
    }

    /** The counting pass: one row of zeros per draw, recording the draw sequence and the step ends. */
    public static ProbeNoise counting(long auxSeed) {
        return new ProbeNoise(auxSeed, null, null);
    }

    /**
     * A counting pass whose shared auxiliary draws are forced: the n-th {@link #uniformShared()} call (from 0) returns
     * {@code shared.applyAsDouble(n)}, in this pass and in its probe pass.
     */
    public static ProbeNoise counting(long auxSeed, IntToDoubleFunction shared) {
        if (shared == null) {
            throw new IllegalArgumentException("shared is null, which is not allowed: give the forced draws");
        }
        return new ProbeNoise(auxSeed, null, shared);
    }

    /** How many per-sample auxiliary draws ({@link #uniform()}) the run has made so far. */
    public int sampleDraws() {
        return sampleDraws;
    }

    /** How many shared auxiliary draws the run has made so far. */
    public int sharedDraws() {
        return sharedDraws;
    }

    /**
     * A probe pass that follows a layout known in advance (from an earlier counting pass of the same run) instead of a
     * counting pass of its own: it computes the bits the probe pass of a counting pass with this layout would, and
     * throws {@link ProbeLayout.Mismatch} as soon as the run departs from the layout (a draw or step end too many or too
     * few, more arrays kept) and from {@link #verifyComplete} when it ends short of it or never keeps as many arrays.
     */
    static ProbeNoise known(long auxSeed, ProbeLayout layout, IntToDoubleFunction forcedShared) {
        return new ProbeNoise(auxSeed, new Plan(null, layout), forcedShared);
    }

    /** The probe pass for the run recorded by this counting pass (1 + H + F rows, same auxiliary seed). */
    public ProbeNoise probe() {
        return probe(forcedShared);
    }

    /**
     * A probe pass for the run recorded by this counting pass whose shared auxiliary draws are forced to other values
     * (null: the seeded ones): valid when the run's Gaussian draws do not depend on them, which the probe pass checks.
     */
    public ProbeNoise probe(IntToDoubleFunction shared) {
        if (plan != null) {
            throw new IllegalStateException("probe() is not allowed on a probe pass: call it on the counting pass");
        }
        return new ProbeNoise(auxSeed, new Plan(List.copyOf(seen), layout()), shared);
    }

    /** The layout of the run this counting pass recorded (call it after the run). */
    ProbeLayout layout() {
        if (plan != null) {
            throw new IllegalStateException("layout() is not allowed on a probe pass: call it on the counting pass");
        }
        int[] segments = new int[stepEnds.size() + 1];
        int from = 0;
        for (int e = 0; e < segments.length; e++) {
            int to = e < stepEnds.size() ? stepEnds.get(e) : seen.size();
            segments[e] = to - from;
            from = to;
        }
        return new ProbeLayout(segments, mostKept);
    }

    /** Whether this is the counting pass. */
    public boolean isCounting() {
        return plan == null;
    }

    /** The draws seen so far (after a counting run: the whole sequence, K = its size). */
    public List<Draw> draws() {
        return List.copyOf(seen);
    }

    /** Checks, after a probe run, that every expected draw and step end was made. */
    public void verifyComplete() {
        if (plan == null) {
            return;
        }
        boolean complete = seen.size() == plan.total() && stepEnds.size() == plan.layout().stepEnds();
        if (plan.known() && (!complete || mostKept != plan.layout().kept())) {
            throw new ProbeLayout.Mismatch("the run made " + seen.size() + " draws and " + stepEnds.size() + " step ends, keeping at most "
                    + mostKept + " arrays, not " + plan.layout());
        }
        if (!complete) {
            throw new IllegalStateException("the probe pass made " + seen.size() + " Gaussian draws and " + stepEnds.size()
                    + " steps but the counting pass made " + plan.total() + " and " + plan.layout().stepEnds()
                    + ": the integrator's draws depend on its state, so it cannot be evaluated exactly");
        }
    }

    @Override
    public int size() {
        return plan == null ? 1 : plan.rows();
    }

    @Override
    public NDArray normal(NDManager manager, Shape event, DataType type, double tFrom, double tTo) {
        return next(manager, new Draw(event, tFrom, tTo), type);
    }

    @Override
    public NDArray normal(NDManager manager, Shape event, DataType type) {
        return next(manager, new Draw(event, Double.NaN, Double.NaN), type);
    }

    private NDArray next(NDManager manager, Draw draw, DataType type) {
        int k = seen.size();
        if (plan != null && plan.known()) {
            int e = stepEnds.size();
            if (k >= plan.ends()[e]) {
                throw new ProbeLayout.Mismatch("draw " + k + " comes before step end " + e + ", after which " + plan.layout() + " has it");
            }
        } else if (plan != null) {
            List<Draw> expected = plan.draws();
            if (k >= expected.size() || !expected.get(k).sameAs(draw)) {
                throw new IllegalStateException("Gaussian draw " + k + " of the probe pass is " + draw + " but the counting pass made "
                        + (k < expected.size() ? expected.get(k) : "only " + expected.size() + " draws")
                        + ": the integrator's draws depend on its state, so it cannot be evaluated exactly");
            }
        }
        seen.add(draw);
        int rows = size();
        Shape shape = new Shape(rows).addAll(draw.event());
        int event = Math.toIntExact(draw.event().size());
        double[] values = new double[rows * event];
        if (plan != null) {
            int row = freshRow++;
            Arrays.fill(values, row * event, (row + 1) * event, 1.0);
        }
        return Scalars.copyOf(manager, values, shape, type);
    }

    /** Records the step end (counting pass), or checks it and collapses the past rows when fresh rows run short. */
    @Override
    public void stepEnded(int step, List<NDArray> kept) {
        int e = stepEnds.size();
        stepEnds.add(seen.size());
        mostKept = Math.max(mostKept, kept.size());
        if (plan == null) {
            return;
        }
        ProbeLayout layout = plan.layout();
        if (e >= layout.stepEnds() || plan.ends()[e] != seen.size() || kept.size() > layout.kept()) {
            if (plan.known()) {
                throw new ProbeLayout.Mismatch("step end " + e + " comes after " + seen.size() + " draws and keeps " + kept.size()
                        + " arrays, not as in " + layout);
            }
            throw new IllegalStateException("step end " + e + " (step " + step + ") of the probe pass comes after " + seen.size()
                    + " Gaussian draws and keeps " + kept.size() + " arrays, but the counting pass had "
                    + (e < layout.stepEnds() ? "it after " + plan.ends()[e] + " draws" : "only " + layout.stepEnds() + " step ends")
                    + " and kept at most " + layout.kept() + ": the integrator's draws depend on its state, so it cannot be evaluated exactly");
        }
        if (plan.rows() - freshRow < layout.segment(e + 1)) {
            collapse(step, kept);
            freshRow = 1 + kept.size();
        }
    }

    private void collapse(int step, List<NDArray> kept) {
        int rows = plan.rows();
        Shape shape = kept.get(0).getShape();
        double[][] values = new double[kept.size()][];
        for (int k = 0; k < kept.size(); k++) {
            NDArray a = kept.get(k);
            if (!a.getShape().equals(shape) || shape.dimension() == 0 || shape.get(0) != rows || a.getDataType() != DataType.FLOAT64) {
                throw new IllegalStateException("array " + k + " kept at the end of step " + step + " has shape " + a.getShape() + " and type "
                        + a.getDataType() + ", which is not allowed in an exact evaluation: every kept array must have the state's shape "
                        + shape + " with " + rows + " rows, in FLOAT64");
            }
            values[k] = a.toDoubleArray();
        }
        PastCollapse.apply(values, rows, Math.toIntExact(shape.size() / rows));
        for (int k = 0; k < kept.size(); k++) {
            InPlace.overwrite(kept.get(k), values[k]);
        }
    }

    @Override
    public double[] uniform() {
        sampleDraws++;
        double u = perSample.nextDouble();
        double[] out = new double[size()];
        Arrays.fill(out, u);
        return out;
    }

    @Override
    public double uniformShared() {
        double u = shared.nextDouble();
        int n = sharedDraws++;
        return forcedShared == null ? u : forcedShared.applyAsDouble(n);
    }

    @Override
    public long seed() {
        return auxSeed;
    }

    @Override
    public String describe() {
        return (plan == null ? "probe-count" : "probe(K=" + plan.total() + ", rows=" + plan.rows() + ")") + "(auxSeed=" + auxSeed + ")";
    }
}
