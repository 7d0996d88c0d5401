package org.difflab.dsl.langevin;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.integrator.RunContext;
import org.difflab.dsl.tensor.Scalars;

/** The overdamped flow with frozen force: X(s) = X + s b + sqrt(2) W_s (A = I, G_s = s, Sigma(s) = 2 s I; note section 1.1). */
final class OverdampedFlow implements FrozenForceFlow {

    @Override
    public NDArray position(NDArray state) {
        return state;
    }

    @Override
    public NDArray carry(NDArray state, double[] s) {
        return state;
    }

    @Override
    public NDArray advance(NDArray state, NDArray b, double[] s) {
        return state.add(PerRow.times(b, s, r -> r));
    }

    @Override
    public NDArray push(NDArray b, double delta, double[] after) {
        return Scalars.mul(b, delta);
    }

    @Override
    public NDArray kick(NDArray b, double[] weight, double[] after) {
        return PerRow.times(b, weight, w -> w);
    }

    @Override
    public NDArray noise(RunContext ctx, NDArray positions, double t, double s) {
        return Scalars.mul(ctx.normal(positions, t, t + s), Math.sqrt(2 * s));
    }

    @Override
    public NDArray noiseUntied(RunContext ctx, NDArray positions, double[] s) {
        return PerRow.times(ctx.normal(positions), s, r -> Math.sqrt(2 * r));
    }

    @Override
    public Split split(RunContext ctx, NDArray positions, double t, double h, double[] a) {
        NDArray wh = Scalars.mul(ctx.normal(positions, t, t + h), Math.sqrt(h));
        NDArray bridge = PerRow.times(ctx.normal(positions), a, r -> Math.sqrt(Math.max(r * (h - r) / h, 0)));
        NDArray wa = PerRow.times(wh, a, r -> r / h).add(bridge);
        return new Split(Scalars.mul(wa, Math.sqrt(2)), Scalars.mul(wh, Math.sqrt(2)));
    }
}
