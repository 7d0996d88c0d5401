package org.difflab.theory.exact;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.difflab.dsl.noise.NoiseSource;
import org.difflab.dsl.noise.NoiseStream;

/**
 * The noise of an exact evaluation: instead of random Gaussian draws it serves impulses, so that a run of an
 * integrator on an affine (Gaussian-target) problem reveals the columns of its affine map from the draws to the
 * output (DESIGN.md, "Exact evaluation").
 *
 * <p>Two passes over the same integrator, grid and auxiliary seed:
 * <ol>
 *   <li>{@link #counting(long)}: a batch of one row; every {@code normal(...)} call returns zeros and is recorded
 *       (its event shape and time interval). After the run, {@link #draws()} is the sequence of K Gaussian draws.</li>
 *   <li>{@link #probe()}: a batch of 1 + K rows. Row 0 receives zeros for every draw; row k (1 <= k <= K) receives
 *       ones across the whole event on draw k and zeros on every other draw. The probe pass checks that it sees the
 *       same draw sequence as the counting pass and throws otherwise (then the integrator's draws depend on its
 *       state, and the probe rows would not be comparable).</li>
 * </ol>
 *
 * <p>Why all-ones impulses are enough. The evaluator works in the eigenbasis of the target covariance: the target
 * N(m, U diag(lambda) U^T) is replaced by the diagonal Gaussian N(U^T m, diag(lambda)). Isotropic noise and the
 * isotropic prior are invariant under the rotation U, and every integrator here is rotation-equivariant when the
 * score is exact (or affinely perturbed in the rotated frame), so the output law is the rotated output law of the
 * original problem. With a diagonal target every score evaluation acts coordinate by coordinate, hence coordinate j
 * of the output is an affine function of coordinate j of each draw only: out[j] = c[j] + sum_k a_k[j] z_k[j]. A unit
 * impulse in every coordinate at once therefore probes all d coordinates in one row: (row k - row 0)[j] = a_k[j].
 * For independent standard normal draws the output is N(c, diag(sum_k a_k^2)): mean = row 0, variance[j] =
 * sum_k (row k - row 0)[j]^2.
 *
 * <p>Auxiliary randomness ({@link #uniform()}, {@link #uniformShared()}) comes from a generator seeded with the
 * auxiliary seed and is the same for every row (all probe rows see one realisation), so the output is Gaussian
 * conditional on the auxiliary draws; averaging over auxiliary seeds gives a Gaussian mixture. Both passes restart
 * the auxiliary generators from the same seed, so they see the same auxiliary values.
 *
 * <p>A probe stream is also its own {@link NoiseSource}: {@link #open} returns this stream for the one batch it
 * serves.
 */
public final class ProbeNoise implements NoiseSource, NoiseStream {

    /** One recorded Gaussian draw: the event shape and the time interval it was tied to (NaN when untied). */
    public record Draw(Shape event, double tFrom, double tTo) {
        boolean sameAs(Draw o) {
            return event.equals(o.event) && same(tFrom, o.tFrom) && same(tTo, o.tTo);
        }

        private static boolean same(double a, double b) {
            return Double.compare(a, b) == 0;
        }
    }

    private final long auxSeed;
    private final List<Draw> expected; // null in the counting pass
    private final List<Draw> seen = new ArrayList<>();
    private final SplittableRandom perSample;
    private final SplittableRandom shared;

    private ProbeNoise(long auxSeed, List<Draw> expected) {
        this.auxSeed = auxSeed;
        this.expected = expected;
        SplittableRandom root = new SplittableRandom(auxSeed);
        this.perSample = root.split();
        this.shared = root.split();
    }

    /** The counting pass: one row of zeros per draw, recording the draw sequence. */
    public static ProbeNoise counting(long auxSeed) {
        return new ProbeNoise(auxSeed, null);
    }

    /** The probe pass for the draws recorded by this counting pass (1 + K rows, same auxiliary seed). */
    public ProbeNoise probe() {
        if (expected != null) {
            throw new IllegalStateException("probe() is not allowed on a probe pass: call it on the counting pass");
        }
        return new ProbeNoise(auxSeed, List.copyOf(seen));
    }

    /** Whether this is the counting pass. */
    public boolean isCounting() {
        return expected == null;
    }

    /** The draws seen so far (after a counting run: the whole sequence, K = its size). */
    public List<Draw> draws() {
        return List.copyOf(seen);
    }

    /** Checks, after a probe run, that every expected draw was made. */
    public void verifyComplete() {
        if (expected != null && seen.size() != expected.size()) {
            throw new IllegalStateException("the probe pass made " + seen.size() + " Gaussian draws but the counting pass made "
                    + expected.size() + ": the integrator's draws depend on its state, so it cannot be evaluated exactly");
        }
    }

    @Override
    public int size() {
        return expected == null ? 1 : 1 + expected.size();
    }

    @Override
    public long first() {
        return 0;
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
        if (expected != null) {
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
        if (expected != null) {
            Arrays.fill(values, (k + 1) * event, (k + 2) * event, 1.0);
        }
        return manager.create(values, shape).toType(type, false);
    }

    @Override
    public double[] uniform() {
        double u = perSample.nextDouble();
        double[] out = new double[size()];
        Arrays.fill(out, u);
        return out;
    }

    @Override
    public double uniformShared() {
        return shared.nextDouble();
    }

    @Override
    public NoiseStream open(long first, int size) {
        if (first != 0 || size != size()) {
            throw new IllegalArgumentException("open(first = " + first + ", size = " + size + ") is not allowed: this probe stream serves "
                    + "exactly first = 0, size = " + size());
        }
        return this;
    }

    @Override
    public boolean batchInvariant() {
        return false;
    }

    @Override
    public long seed() {
        return auxSeed;
    }

    @Override
    public String describe() {
        return (expected == null ? "probe-count" : "probe(K=" + expected.size() + ")") + "(auxSeed=" + auxSeed + ")";
    }
}
