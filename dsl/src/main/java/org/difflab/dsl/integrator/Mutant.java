package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import java.util.Locale;
import java.util.Optional;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.model.PerturbedScore;
import org.difflab.dsl.noise.MutatedNoise;
import org.difflab.dsl.noise.NoiseStream;
import org.difflab.dsl.problem.DiffusionProblem;

/**
 * A deliberately broken sampler, for the negative controls of the claims catalogue (a claim must catch it): any
 * integrator with one of three defects, written {@code SPEC@score=0.02}, {@code SPEC@noise=0.01} or {@code SPEC@gates=2}
 * in a spec ({@link Integrators#parse}).
 * <ul>
 *   <li>{@code score=delta}: the model term's coefficient is off by a factor 1 + delta (the score, or the eps it is
 *       converted to, scaled by 1 + delta), as a mistyped coefficient in an update rule would be;</li>
 *   <li>{@code noise=delta}: the variance of every Gaussian draw inside the run is off by a factor 1 + delta (the
 *       initial draw, made before the run, is left alone);</li>
 *   <li>{@code gates=f}: every auxiliary uniform draw is multiplied by f (capped below 1), so a Bernoulli(p) selection
 *       or gate drawn as {@code u < p} opens with probability p / f while its weight stays 1/p: an estimator whose
 *       1/p weights do not match its selection law (biased by the factor 1/f).</li>
 * </ul>
 * {@link Solve#run} applies the defect to the run's problem and noise; the mutant then runs the wrapped integrator's
 * own code. Everything else (name, evaluations, order it should have) is the wrapped integrator's.
 *
 * @param inner  the integrator that is broken
 * @param defect which defect
 * @param size   its size: delta in (0, 1) for score, |delta| in (0, 1) for noise, the factor f &gt; 1 for gates
 */
public record Mutant(Integrator inner, Defect defect, double size) implements Integrator {

    /** The defects a mutant can have. */
    public enum Defect {
        /** The model term's coefficient off by 1 + size. */
        SCORE,
        /** The in-run Gaussian draws' variance off by 1 + size. */
        NOISE,
        /** Auxiliary uniforms multiplied by size: selections open less often than their 1/p weights assume. */
        GATES;

        /** The key in a spec: {@code score}, {@code noise} or {@code gates}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Mutant {
        if (inner == null || defect == null) {
            throw new IllegalArgumentException("inner = " + inner + ", defect = " + defect + " are not allowed: both must be non-null");
        }
        if (inner instanceof Mutant) {
            throw new IllegalArgumentException("inner = " + inner.spec() + " is not allowed: a mutant has one defect");
        }
        boolean ok = switch (defect) {
            case GATES -> size > 1 && Double.isFinite(size);
            case SCORE -> size > 0 && size < 1;
            case NOISE -> Math.abs(size) > 0 && Math.abs(size) < 1;
        };
        if (!ok) {
            throw new IllegalArgumentException("mutation " + defect.key() + " = " + size + " is not allowed: " + switch (defect) {
                case GATES -> "a finite factor > 1";
                case SCORE -> "a relative error with 0 < score < 1";
                case NOISE -> "a relative error with 0 < |noise| < 1";
            });
        }
    }

    /**
     * A mutant from the part of a spec after '@', e.g. {@code noise=0.01}.
     *
     * @param inner    the integrator parsed from the part before '@'
     * @param mutation {@code score=DELTA}, {@code noise=DELTA} or {@code gates=FACTOR}
     */
    public static Mutant parse(Integrator inner, String mutation) {
        int eq = mutation == null ? -1 : mutation.indexOf('=');
        String key = eq < 0 ? String.valueOf(mutation) : mutation.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        Defect defect = null;
        for (Defect d : Defect.values()) {
            if (d.key().equals(key)) {
                defect = d;
            }
        }
        if (defect == null) {
            throw new IllegalArgumentException("mutation = '" + mutation + "' is not allowed: one of score=DELTA, noise=DELTA, gates=FACTOR "
                    + "after '@' (e.g. ddpm@noise=0.01)");
        }
        double size;
        try {
            size = Double.parseDouble(mutation.substring(eq + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("mutation " + key + " = '" + mutation.substring(eq + 1) + "' is not allowed: a number", e);
        }
        return new Mutant(inner, defect, size);
    }

    /** The problem the broken run sees: with {@code score=delta} the model scaled by 1 + delta. */
    public DiffusionProblem mutate(DiffusionProblem problem) {
        return defect == Defect.SCORE ? new DiffusionProblem(problem.schedule(), new PerturbedScore(problem.model(), size,
                PerturbedScore.ErrorShape.RELATIVE, 0)) : problem;
    }

    /** The noise the broken run draws: with {@code noise} or {@code gates}, the stream with that defect. */
    public NoiseStream mutate(NoiseStream noise) {
        return switch (defect) {
            case SCORE -> noise;
            case NOISE -> MutatedNoise.gaussianVariance(noise, 1 + size);
            case GATES -> MutatedNoise.uniformFactor(noise, size);
        };
    }

    @Override
    public IntegratorInfo info() {
        return inner.info();
    }

    @Override
    public String spec() {
        return inner.spec() + "@" + defect.key() + "=" + (size == Math.rint(size) ? Long.toString((long) size) : Double.toString(size));
    }

    @Override
    public long nfe(TimeGrid grid) {
        return inner.nfe(grid);
    }

    @Override
    public Optional<String> randomNfeCounter() {
        return inner.randomNfeCounter();
    }

    @Override
    public NDArray run(RunContext ctx, NDArray x) {
        return inner.run(ctx, x);
    }
}
