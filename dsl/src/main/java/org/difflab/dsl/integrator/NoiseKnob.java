package org.difflab.dsl.integrator;

import java.util.Optional;
import java.util.function.DoubleFunction;
import org.difflab.dsl.Require;

/**
 * What the samplers with one noise knob eta share (k-diffusion's {@code eta}: 1 the sampler's reference noise, 0 none):
 * the knob's check, the spec {@code name:eta=...}, stochastic exactly when eta &gt; 0, and the same sampler at eta = 0
 * as its noiseless form (the conformance suite's {@code noiseless} check). The update rule stays in each sampler's file.
 */
abstract class NoiseKnob implements Integrator {
    /** The noise knob, finite and &gt;= 0. */
    protected final double eta;
    private final IntegratorInfo info;
    private final DoubleFunction<Integrator> atEta;

    /**
     * @param atEta the same sampler at another eta (its constructor)
     */
    NoiseKnob(String name, int nfePerStep, double expectedOrder, double eta, DoubleFunction<Integrator> atEta) {
        this.eta = Require.nonNegative("eta", eta);
        this.info = new IntegratorInfo(name, nfePerStep, eta > 0, expectedOrder);
        this.atEta = atEta;
    }

    @Override
    public final IntegratorInfo info() {
        return info;
    }

    @Override
    public final String spec() {
        return info.name() + ":eta=" + eta;
    }

    @Override
    public final Optional<Integrator> withoutNoise() {
        return eta > 0 ? Optional.of(atEta.apply(0)) : Optional.empty();
    }
}
