package org.difflab.dsl.langevin;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import org.difflab.dsl.integrator.RunContext;
import org.difflab.dsl.tensor.Scalars;

/**
 * The underdamped flow with frozen force on states [U | V] ({@link Dynamics#UNDERDAMPED}), integrated exactly with the
 * coefficients of {@link OrnsteinUhlenbeck}:
 * A_s (u, v) = (u + phi1 v, e^{-gamma s} v), G_s b = (phi2 b, phi1 b), and the force enters the velocity (F b = (0, b)).
 */
final class UnderdampedFlow implements FrozenForceFlow {
    private final OrnsteinUhlenbeck ou;

    UnderdampedFlow(OrnsteinUhlenbeck ou) {
        this.ou = ou;
    }

    private static long half(NDArray state) {
        return state.getShape().get(1) / 2;
    }

    @Override
    public NDArray position(NDArray state) {
        return state.get(":, 0:" + half(state));
    }

    private static NDArray velocity(NDArray state) {
        return state.get(":, " + half(state) + ":");
    }

    private static NDArray state(NDArray u, NDArray v) {
        return NDArrays.concat(new NDList(u, v), 1);
    }

    @Override
    public NDArray carry(NDArray state, double[] s) {
        NDArray v = velocity(state);
        return state(position(state).add(PerRow.times(v, s, ou::phi1)), PerRow.times(v, s, ou::decay));
    }

    @Override
    public NDArray advance(NDArray state, NDArray b, double[] s) {
        NDArray v = velocity(state);
        NDArray u = position(state).add(PerRow.times(v, s, ou::phi1)).add(PerRow.times(b, s, ou::phi2));
        return state(u, PerRow.times(v, s, ou::decay).add(PerRow.times(b, s, ou::phi1)));
    }

    @Override
    public NDArray push(NDArray b, double delta, double[] after) {
        double p1 = ou.phi1(delta);
        double p2 = ou.phi2(delta);
        return state(PerRow.times(b, after, r -> p2 + ou.phi1(r) * p1), PerRow.times(b, after, r -> ou.decay(r) * p1));
    }

    @Override
    public NDArray kick(NDArray b, double[] weight, double[] after) {
        int n = Math.max(weight.length, after.length);
        double[] wu = new double[n];
        double[] wv = new double[n];
        for (int i = 0; i < n; i++) {
            double w = weight[weight.length == 1 ? 0 : i];
            double r = after[after.length == 1 ? 0 : i];
            wu[i] = w * ou.phi1(r);
            wv[i] = w * ou.decay(r);
        }
        return state(PerRow.times(b, wu, w -> w), PerRow.times(b, wv, w -> w));
    }

    /** (sigma_u (H - G), sigma_v G): the state noise of one (H, G) pair. */
    private NDArray pair(NDArray h, NDArray g) {
        return state(Scalars.mul(h.sub(g), ou.positionNoiseScale()), Scalars.mul(g, ou.velocityNoiseScale()));
    }

    /** G = (phi1(s)/s) H + sqrt(Var(G | H)) Z, with Z an untied draw. */
    private NDArray given(RunContext ctx, NDArray positions, NDArray h, double[] s) {
        return PerRow.times(h, s, ou::regression).add(PerRow.times(ctx.normal(positions), s, r -> Math.sqrt(ou.conditionalVariance(r))));
    }

    @Override
    public NDArray noise(RunContext ctx, NDArray positions, double t, double s) {
        NDArray h = Scalars.mul(ctx.normal(positions, t, t + s), Math.sqrt(s));
        return pair(h, given(ctx, positions, h, PerRow.shared(s)));
    }

    @Override
    public NDArray noiseUntied(RunContext ctx, NDArray positions, double[] s) {
        NDArray h = PerRow.times(ctx.normal(positions), s, Math::sqrt);
        return pair(h, given(ctx, positions, h, s));
    }

    @Override
    public Split split(RunContext ctx, NDArray positions, double t, double h, double[] a) {
        double[] rest = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            rest[i] = h - a[i];
        }
        NDArray whole = Scalars.mul(ctx.normal(positions, t, t + h), Math.sqrt(h));
        NDArray h1 = PerRow.times(whole, a, r -> r / h)
                .add(PerRow.times(ctx.normal(positions), a, r -> Math.sqrt(Math.max(r * (h - r) / h, 0))));
        NDArray h2 = whole.sub(h1);
        NDArray g1 = given(ctx, positions, h1, a);
        NDArray g2 = given(ctx, positions, h2, rest);
        NDArray gEnd = PerRow.times(g1, rest, ou::decay).add(g2);
        return new Split(pair(h1, g1), pair(whole, gEnd));
    }
}
