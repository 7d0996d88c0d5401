package org.difflab.theory.langevin;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.difflab.dsl.noise.NoiseStream;
import org.difflab.dsl.tensor.HostValues;
import org.difflab.theory.exact.WholeBatchProbe;

/**
 * The noise of one probed Langevin step, for many auxiliary realisations at once: the Langevin counterpart of the
 * exact evaluator's probe rows (DESIGN.md, "Exact evaluation"). The batch is made of {@code groups} groups, one per
 * realisation of the auxiliary randomness; every row of a group receives the group's auxiliary uniforms, so within a
 * group the step is one affine map of its Gaussian draws.
 *
 * <p>Two passes with the same seeds:
 * <ol>
 *   <li>{@link #counting}: one row per group; every Gaussian draw is zeros and its event shape is recorded.</li>
 *   <li>{@link #probe}: {@code lead + D} rows per group for the D draws recorded: the first {@code lead} rows receive zeros
 *       for every draw (they carry the initial states that reveal the constant and the matrix of the step), and row
 *       {@code lead + k} receives ones on draw k and zeros elsewhere (its difference from the zero-state row is the
 *       column of draw k). The probe pass checks that it sees the recorded draw sequence.</li>
 * </ol>
 * The impulse covers the whole event of a draw: correct for 1-D potentials, where each draw is one number per chain.
 *
 * <p>Realisations come in tuples of 2L groups that share one generator, seeded by (seed, tuple): group member 2l + a
 * receives v = (u + l/L) mod 1 for every uniform u of the generator (a randomly shifted lattice, Cranley and Patterson
 * 1976), or 1 - v when a = 1 (antithetic, Hammersley and Morton 1956). Every group's uniforms are U(0, 1), so every group
 * is an unbiased realisation, and tuples are independent, so standard errors come from the tuple means. The antithetic
 * half cancels statistics linear in a uniform (a random midpoint alpha h); the lattice makes a Bernoulli(1/L) selection
 * hit each sub-index exactly once per half tuple. Shared uniforms ({@link NoiseStream#uniformShared()}) come from the
 * batch's first group, and whether any were drawn is reported ({@link #usedShared()}): then only a batch of one group is
 * a realisation.
 */
final class StepProbeNoise extends WholeBatchProbe {
    private final long seed;
    private final int lattice;
    private final long firstGroup;
    private final int groups;
    private final int lead;
    private final List<Shape> expected; // null in the counting pass
    private final List<Shape> seen = new ArrayList<>();
    private final SplittableRandom[] auxiliary;
    private final SplittableRandom shared;
    private boolean usedAuxiliary;
    private boolean usedShared;

    // not a value (it draws and records what it was asked): alike RunContext's and TorchScriptModel's constructors in form only
    private StepProbeNoise(long seed, int lattice, long firstGroup, int groups, int lead, List<Shape> expected) {
        this.seed = seed;
        this.lattice = lattice;
        this.firstGroup = firstGroup;
        this.groups = groups;
        this.lead = lead;
        this.expected = expected;
        this.auxiliary = new SplittableRandom[groups];
        for (int g = 0; g < groups; g++) {
            auxiliary[g] = new SplittableRandom(mix(seed ^ mix((firstGroup + g) / (2L * lattice) + 1)));
        }
        this.shared = new SplittableRandom(mix(seed ^ mix(firstGroup / (2L * lattice) + 1) ^ 0x5DEECE66DL));
    }

    /** Groups per tuple: 2L. */
    static int tupleSize(int lattice) {
        return 2 * lattice;
    }

    /** The group's transform of its generator's next uniform u: (u + l/L) mod 1, or 1 minus that. */
    private double draw(SplittableRandom generator, long group) {
        int member = (int) (group % (2L * lattice));
        double v = generator.nextDouble() + (double) (member / 2) / lattice;
        v = v >= 1 ? v - 1 : v;
        return member % 2 == 0 ? v : 1 - v;
    }

    /** The counting pass for groups [firstGroup, firstGroup + groups), with lattice size L. */
    static StepProbeNoise counting(long seed, int lattice, long firstGroup, int groups) {
        return new StepProbeNoise(seed, lattice, firstGroup, groups, 1, null);
    }

    /** The probe pass for the draws this counting pass recorded, with {@code lead} zero-noise rows per group. */
    StepProbeNoise probe(int lead) {
        if (expected != null) {
            throw new IllegalStateException("probe() is not allowed on a probe pass: call it on the counting pass");
        }
        return new StepProbeNoise(seed, lattice, firstGroup, groups, lead, List.copyOf(seen));
    }

    /** Gaussian draws made so far (after a counting run: D). */
    int draws() {
        return seen.size();
    }

    /** Rows per group. */
    int rowsPerGroup() {
        return expected == null ? 1 : lead + expected.size();
    }

    boolean usedAuxiliary() {
        return usedAuxiliary;
    }

    boolean usedShared() {
        return usedShared;
    }

    /** Checks after a probe run that every recorded draw was made. */
    void verifyComplete() {
        if (expected != null && seen.size() != expected.size()) {
            throw new IllegalStateException("the probe pass made " + seen.size() + " Gaussian draws but the counting pass made " + expected.size()
                    + ": the integrator's draws depend on its state, so its step cannot be probed");
        }
    }

    @Override
    public int size() {
        return groups * rowsPerGroup();
    }

    @Override
    public NDArray normal(NDManager manager, Shape event, DataType type, double tFrom, double tTo) {
        return normal(manager, event, type);
    }

    @Override
    public NDArray normal(NDManager manager, Shape event, DataType type) {
        int k = seen.size();
        if (event.size() != 1) {
            throw new IllegalStateException("a draw of event shape " + event + " is not allowed: step probes impulse one number per draw (1-D potentials)");
        }
        if (expected != null && (k >= expected.size() || !expected.get(k).equals(event))) {
            throw new IllegalStateException("Gaussian draw " + k + " of the probe pass has shape " + event + " but the counting pass made "
                    + (k < expected.size() ? "shape " + expected.get(k) : "only " + expected.size() + " draws")
                    + ": the integrator's draws depend on its state, so its step cannot be probed");
        }
        seen.add(event);
        int rows = size();
        double[] values = new double[rows];
        if (expected != null) {
            int per = rowsPerGroup();
            for (int g = 0; g < groups; g++) {
                values[g * per + lead + k] = 1;
            }
        }
        return HostValues.of(manager, values, new Shape(rows, 1), type);
    }

    @Override
    public double[] uniform() {
        usedAuxiliary = true;
        int per = rowsPerGroup();
        double[] out = new double[size()];
        for (int g = 0; g < groups; g++) {
            Arrays.fill(out, g * per, (g + 1) * per, draw(auxiliary[g], firstGroup + g));
        }
        return out;
    }

    @Override
    public double uniformShared() {
        usedAuxiliary = true;
        usedShared = true;
        return draw(shared, firstGroup);
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public String describe() {
        return (expected == null ? "step-probe-count" : "step-probe(D=" + expected.size() + ")") + "(seed=" + seed + ", groups=" + groups + ")";
    }

    /** SplitMix64's finaliser (Steele, Lea and Flood 2014): independent generator seeds from (seed, group). */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
