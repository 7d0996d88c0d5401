package org.difflab.dsl.langevin;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.Require;
import org.difflab.dsl.tensor.Scalars;

/**
 * The double well F(x) = a sum_j (x_j^2 - 1)^2: two modes at +-1 per coordinate with a barrier of height a at 0, the
 * standard non-log-concave test potential (research note section 9.1 (d)). Drift b(x) = -4 a x (x^2 - 1), coordinate by
 * coordinate. The drift grows cubically, so explicit schemes are stable only while h * 4a(3x^2 - 1) stays below
 * about 2 along the chains.
 */
public final class DoubleWell implements Potential {
    private final int d;
    private final double a;

    /** In d dimensions (1 to 100000) with barrier height a (finite, > 0). */
    public DoubleWell(int d, double a) {
        this.d = Require.inRange("d", d, 1, 100_000);
        this.a = Require.positive("a", a);
    }

    @Override
    public int dim() {
        return d;
    }

    @Override
    public String spec() {
        return "doublewell:d=" + d + ",a=" + a;
    }

    @Override
    public NDArray gradLogDensity(NDArray x) {
        Require.sameDimension("x", x.getShape().get(x.getShape().dimension() - 1), d);
        return Scalars.mul(Scalars.sub(x.mul(x), 1).mul(x), -4 * a);
    }

    @Override
    public String toString() {
        return spec();
    }
}
