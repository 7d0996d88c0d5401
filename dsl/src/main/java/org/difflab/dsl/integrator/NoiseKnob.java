package org.difflab.dsl.integrator;

import java.util.Optional;
import java.util.function.DoubleFunction;
import org.difflab.dsl.Require;

/**
 * What the samplers with one noise knob share (k-diffusion's {@code eta}, or the {@code lambda} of the reverse-SDE
 * family: 1 the sampler's reference noise, 0 none): the knob's check, the spec {@code name:knob=...}, stochastic exactly
 * when the knob is &gt; 0, and the same sampler at 0 as its noiseless form (the conformance suite's {@code noiseless}
 * check). The update rule stays in each sampler's file.
 */
abstract class NoiseKnob extends StatedIntegrator {
    /** The noise knob, finite and &gt;= 0. */
    protected final double eta;
    private final String knob;
    private final DoubleFunction<Integrator> atEta;

    /**
     * A knob named {@code eta}.
     *
     * @param atEta the same sampler at another eta (its constructor)
     */
    NoiseKnob(String name, int nfePerStep, double expectedOrder, double eta, DoubleFunction<Integrator> atEta) {
        this(name, nfePerStep, expectedOrder, "eta", eta, atEta);
    }

    /**
     * @param knob  the knob's name in the spec and in error messages
     * @param atEta the same sampler at another value of the knob (its constructor)
     */
    NoiseKnob(String name, int nfePerStep, double expectedOrder, String knob, double eta, DoubleFunction<Integrator> atEta) {
        super(new IntegratorInfo(name, nfePerStep, eta > 0, expectedOrder));
        this.eta = Require.nonNegative(knob, eta);
        this.knob = knob;
        this.atEta = atEta;
    }

    @Override
    public final String spec() {
        return name() + ":" + knob + "=" + eta;
    }

    @Override
    public final Optional<Integrator> withoutNoise() {
        return eta > 0 ? Optional.of(atEta.apply(0)) : Optional.empty();
    }
}
