package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.util.CombinatoricsUtils;
import org.difflab.dsl.Require;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.tensor.Scalars;

/**
 * UniPC (Zhao, Bai, Rao, Zhou, Lu 2023, UniPC: a unified predictor-corrector framework for fast sampling of diffusion
 * models, NeurIPS), data prediction, multistep: the predictor UniP-p and the corrector UniC-p over lambda = ln(alpha/sigma).
 * From x at t with x0 = D_0 there, a step to t' (h = lambda' - lambda) is the exponential integrator
 * x' = (sigma'/sigma) x - alpha' (e^{-h} - 1) D_0 - alpha' B(h) sum_m (a_m / r_m) (D_m - D_0), where D_m are x0 predictions
 * at other points, r_m = (lambda_m - lambda) / h and a solves the order conditions sum_m a_m r_m^{k-1} =
 * k! (-h) phi_{k+1}(-h) / B(h), k = 1..(number of points), phi_k the exponential-integrator functions; with a single
 * point, a = 1/2 (the limit h -&gt; 0 of that solution: only then does the choice of B matter, which is what the variants
 * bh1, B(h) = h, and bh2, B(h) = e^h - 1 in the paper's notation, differ in; data prediction evaluates them at -h). The predictor of step i uses the p = min(order, i + 1) newest
 * x0 predictions (earlier ones as points); the corrector redoes the step from the same x with those points plus the
 * prediction at the predicted x' (r = 1), and that prediction, made anyway for step i + 1, is the only model call: one
 * per step, order p + 1 with the corrector. This form (the paper's Algorithms in data prediction, the weights derived
 * from the order conditions) is DiffLab's reading [R]; it agrees with an independent numpy version of the same
 * equations ({@code scripts/oracles/peer_samplers.py}). The last step's predictor is not corrected (no evaluation
 * follows, as in diffusers); a step to sigma = 0 returns alpha' x0, as {@link DpmSolverPP2M} does; no lower-order final
 * steps (diffusers' {@code lower_order_final}).
 */
public final class UniPc extends StatedIntegrator {
    /** The highest predictor order this class accepts (UniPC-3: fourth order with the corrector). */
    public static final int MAX_ORDER = 3;

    /** The choice of B in the update, evaluated at -h in data prediction (h &gt; 0 the step in lambda). */
    public enum Variant {
        /** B(h) = -h. */
        BH1,
        /** B(h) = e^{-h} - 1. */
        BH2
    }

    private final int order;
    private final Variant variant;

    /** UniPC with predictor order {@code order} (1 to {@link #MAX_ORDER}) and the given B(h). */
    public UniPc(int order, Variant variant) {
        super(IntegratorInfo.deterministic("unipc", 1, Require.inRange("unipc order", order, 1, MAX_ORDER) + 1));
        this.order = order;
        if (variant == null) {
            throw new IllegalArgumentException("unipc variant = null is not allowed: bh1 or bh2");
        }
        this.variant = variant;
    }

    @Override
    public String spec() {
        List<String> changed = new ArrayList<>();
        if (order != 2) {
            changed.add("order=" + order);
        }
        if (variant != Variant.BH2) {
            changed.add("variant=" + variant.name().toLowerCase(Locale.ROOT));
        }
        return changed.isEmpty() ? name() : name() + ":" + String.join(",", changed);
    }

    @Override
    public NDArray run(RunContext ctx, NDArray x) {
        StepHistory x0s = new StepHistory(order);
        NDArray start = null; // the (corrected) state at the start of the previous step
        int points = 0; // the x0 predictions the previous step's predictor used
        for (int i = 0; i < ctx.steps(); i++) {
            NoiseLevel now = ctx.level(i);
            NoiseLevel next = ctx.level(i + 1);
            NDArray x0 = ctx.predict(x, i).x0();
            if (start != null) { // UniC: the previous step again, with this prediction as one more point
                List<StepHistory.Entry> used = others(x0s, points);
                used.add(new StepHistory.Entry(now, x0));
                x = step(start, x0s.get(0), now, used);
            }
            x0s.push(now, x0);
            if (next.sigma() == 0) {
                x = ctx.endStep(i, Scalars.mul(x0, next.alpha()));
                continue;
            }
            start = x;
            points = x0s.size();
            NDArray predicted = step(x, x0s.get(0), next, others(x0s, points)); // UniP
            NDArray[] carry = new NDArray[points + 1];
            carry[0] = start;
            System.arraycopy(x0s.arrays(), 0, carry, 1, points);
            x = ctx.endStep(i, predicted, carry);
        }
        return x;
    }

    /** The entries 1..points-1 of the history (the points besides the newest). */
    private static List<StepHistory.Entry> others(StepHistory x0s, int points) {
        List<StepHistory.Entry> out = new ArrayList<>();
        for (int m = 1; m < points; m++) {
            out.add(x0s.get(m));
        }
        return out;
    }

    /** One exponential-integrator step from x (with x0 = base there) to {@code to}, corrected by the differences to {@code points}. */
    private NDArray step(NDArray x, StepHistory.Entry base, NoiseLevel to, List<StepHistory.Entry> points) {
        NoiseLevel from = base.level();
        double h = to.lambda() - from.lambda();
        NDArray out = Scalars.mul(x, to.sigma() / from.sigma()).sub(Scalars.mul(base.value(), to.alpha() * Math.expm1(-h)));
        if (points.isEmpty()) {
            return out;
        }
        double[] r = new double[points.size()];
        for (int m = 0; m < r.length; m++) {
            r[m] = (points.get(m).level().lambda() - from.lambda()) / h;
        }
        double[] a = weights(r, h);
        double b = b(h);
        for (int m = 0; m < r.length; m++) {
            out = out.sub(Scalars.mul(points.get(m).value().sub(base.value()), to.alpha() * b * a[m] / r[m]));
        }
        return out;
    }

    /** B(h) of the variant. */
    private double b(double h) {
        return variant == Variant.BH1 ? -h : Math.expm1(-h);
    }

    /** The weights a of the points at r (step h in lambda): 1/2 for one point, else the solution of the order conditions. */
    double[] weights(double[] r, double h) {
        if (r.length == 1) {
            return new double[] {0.5};
        }
        double[][] rows = new double[r.length][r.length];
        double[] rhs = new double[r.length];
        for (int k = 1; k <= r.length; k++) {
            for (int m = 0; m < r.length; m++) {
                rows[k - 1][m] = Math.pow(r[m], k - 1);
            }
            rhs[k - 1] = CombinatoricsUtils.factorialDouble(k) * -h * phi(k + 1, -h) / b(h);
        }
        return new LUDecomposition(new Array2DRowRealMatrix(rows, false)).getSolver().solve(new ArrayRealVector(rhs, false)).toArray();
    }

    /**
     * The exponential-integrator function phi_k(z) = sum_j z^j / (j + k)! (phi_0 = e^z, phi_{k+1} = (phi_k - 1/k!) / z): by
     * its series for |z| &lt; 1, where the recursion would cancel digits, else by the recursion.
     */
    static double phi(int k, double z) {
        if (Math.abs(z) < 1) {
            double sum = 0;
            double term = 1 / CombinatoricsUtils.factorialDouble(k);
            for (int j = 0; j < 30; j++) {
                sum += term;
                term *= z / (j + k + 1);
            }
            return sum;
        }
        double out = Math.exp(z);
        for (int j = 0; j < k; j++) {
            out = (out - 1 / CombinatoricsUtils.factorialDouble(j)) / z;
        }
        return out;
    }
}
