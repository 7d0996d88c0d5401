package org.difflab.runtime.torchscript;

import org.difflab.dsl.Require;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.spec.Spec;

/**
 * How a network reads time: the map from the noise level a sampler evaluates at to the t the network was trained with.
 * A network does not know DiffLab's schedules, so this map is declared when it is loaded, and getting it wrong silently
 * conditions the network on another noise level; hence one explicit place, with the conventions of the common code
 * bases.
 *
 * <ul>
 *   <li>{@link #trainingIndex(int)}: DDPM training indices. DiffLab's discrete time k in [1, N] is the level with
 *       alpha^2 = abar_k; the network's index is k - 1 in [0, N - 1], as in Ho et al.'s code and diffusers, where
 *       timestep n is trained on abar_{n+1} (the first beta is {@code betas[0]}). A fractional k (a continuous-time
 *       sampler on a discrete schedule) is passed as the fractional index k - 1, not rounded.</li>
 *   <li>{@link #continuous(double)}: the schedule's own continuous time, times a scale: 1 for networks taking
 *       t in [eps, 1] (score_sde VP and sub-VP), 999 or 1000 for networks taking a continuous t on the DDPM index
 *       range.</li>
 *   <li>{@link #sigma()}: sigma / alpha, the noise level of x / alpha (EDM and k-diffusion networks conditioned on
 *       sigma; on an EDM schedule this is t itself).</li>
 * </ul>
 *
 * The network's x is always the sampler's x = alpha x0 + sigma z as is: preconditioning (EDM's c_in, c_noise) belongs
 * inside the TorchScript module.
 */
public final class TimeConvention {
    private enum Kind { INDEX, CONTINUOUS, SIGMA }

    private final Kind kind;
    private final double parameter;

    private TimeConvention(Kind kind, double parameter) {
        this.kind = kind;
        this.parameter = parameter;
    }

    /** DDPM training indices 0..N-1 for a network trained with N steps: network t = k - 1 for DiffLab's time k in [1, N]. */
    public static TimeConvention trainingIndex(int trainingSteps) {
        return new TimeConvention(Kind.INDEX, Require.positive("trainingSteps", trainingSteps));
    }

    /** The schedule's continuous time times {@code scale}: network t = scale * t. */
    public static TimeConvention continuous(double scale) {
        return new TimeConvention(Kind.CONTINUOUS, Require.positive("scale", scale));
    }

    /** sigma / alpha: network t = sigma(t) / alpha(t). */
    public static TimeConvention sigma() {
        return new TimeConvention(Kind.SIGMA, 0);
    }

    /**
     * A convention from its spec form, as {@link #describe()} writes it: {@code index:N=1000} (N defaults to 1000),
     * {@code continuous:scale=S} (S defaults to 1) or {@code sigma}.
     *
     * @throws IllegalArgumentException naming the spec, the bad name or key and what is allowed
     */
    public static TimeConvention parse(String text) {
        Spec s = Spec.parse("time convention", text);
        TimeConvention c = switch (s.name()) {
            case "index" -> {
                int n = s.integer("N", 1000);
                if (n < 1) {
                    throw s.bad("N", n, "an integer >= 1"); // named as the spec writes it, not as trainingIndex's parameter
                }
                yield trainingIndex(n);
            }
            case "continuous" -> continuous(s.real("scale", 1));
            case "sigma" -> sigma();
            default -> throw new IllegalArgumentException("time convention spec '" + text + "': name = " + s.name()
                    + " is not allowed: must be index, continuous or sigma");
        };
        s.done();
        return c;
    }

    /**
     * The network times of a batch: {@code levels} holds one level for every row or one per row.
     *
     * @throws IllegalArgumentException naming the count of levels, or a level outside the trained range
     */
    public float[] networkTimes(NoiseLevel[] levels, int rows) {
        if (levels.length != 1 && levels.length != rows) {
            throw new IllegalArgumentException("levels has " + levels.length + " entries, which is not allowed for a batch of "
                    + rows + " rows: one level for every row, or one per row");
        }
        float[] t = new float[rows];
        for (int r = 0; r < rows; r++) {
            t[r] = (float) networkTime(Require.notNull("levels[" + r + "]", levels[levels.length == 1 ? 0 : r]));
        }
        return t;
    }

    /**
     * The t the network is given at a noise level.
     *
     * @throws IllegalArgumentException naming the level's time and the allowed range when the network was not trained there
     */
    public double networkTime(NoiseLevel level) {
        double t = level.t();
        return switch (kind) {
            case INDEX -> {
                if (!(t >= 1 && t <= parameter)) {
                    throw new IllegalArgumentException("t = " + t + " is not allowed for a network trained on indices 0.."
                            + (long) (parameter - 1) + ": must lie in [1, " + (long) parameter + "] (index = t - 1)");
                }
                yield t - 1;
            }
            case CONTINUOUS -> {
                Require.nonNegative("t", t);
                yield parameter * t;
            }
            case SIGMA -> {
                double s = level.sigmaOverAlpha();
                if (!(s >= 0) || Double.isInfinite(s)) {
                    throw new IllegalArgumentException("sigma / alpha = " + s + " at t = " + t
                            + " is not allowed for a network conditioned on sigma: must be a finite number >= 0");
                }
                yield s;
            }
        };
    }

    /** The convention in spec form: {@code index:N=1000}, {@code continuous:scale=1.0} or {@code sigma}. */
    public String describe() {
        return switch (kind) {
            case INDEX -> "index:N=" + (long) parameter;
            case CONTINUOUS -> "continuous:scale=" + parameter;
            case SIGMA -> "sigma";
        };
    }

    @Override
    public String toString() {
        return describe();
    }
}
