package org.difflab.dsl.target;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.difflab.dsl.Require;
import org.difflab.dsl.noise.NoiseStream;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.tensor.RowReductions;
import org.difflab.dsl.tensor.Scalars;

/**
 * A mixture sum_k w_k N(m_k, Sigma_k). Its noised marginal is the mixture of the noised components, so the
 * exact score is sum_k r_k(x) score_k(x) with responsibilities r = softmax_k(ln w_k + ln N_k(x)). The softmax and
 * log-sum-exp over components are {@link RowReductions}', so a row's score does not depend on the batch around it.
 */
public final class GaussianMixture implements Target {
    private final List<Gaussian> components;
    private final double[] weights;
    private final String spec;
    /** Whether every component is diagonal: the score then takes {@link #stackedScore}. */
    private final boolean diagonal;

    public GaussianMixture(List<Gaussian> components, double[] weights, String spec) {
        Require.notNull("components", components);
        if (components.isEmpty()) {
            throw new IllegalArgumentException("components is empty, which is not allowed: a mixture needs at least 1 component");
        }
        Require.sameDimension("weights", weights.length, components.size());
        Require.finite("weights", weights);
        double total = 0;
        for (int k = 0; k < weights.length; k++) {
            if (!(weights[k] > 0)) {
                throw new IllegalArgumentException("weights[" + k + "] = " + weights[k] + " is not allowed: must be > 0");
            }
            total += weights[k];
        }
        int d = components.get(0).dim();
        for (int k = 1; k < components.size(); k++) {
            Require.sameDimension("component " + k, components.get(k).dim(), d);
        }
        this.components = List.copyOf(components);
        this.weights = new double[weights.length];
        for (int k = 0; k < weights.length; k++) {
            this.weights[k] = weights[k] / total;
        }
        this.spec = spec;
        this.diagonal = components.stream().allMatch(Gaussian::diagonal);
    }

    public List<Gaussian> components() {
        return components;
    }

    /** Normalised weights. */
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public int dim() {
        return components.get(0).dim();
    }

    @Override
    public String spec() {
        return spec;
    }

    /** Each component's centred eigen-coordinates, computed once per call for both logits and scores. */
    private NDArray[] centred(NDArray x, NoiseLevel[] levels) {
        NDArray[] c = new NDArray[components.size()];
        for (int k = 0; k < c.length; k++) {
            c[k] = components.get(k).centredEigen(x, levels);
        }
        return c;
    }

    private NDArray logits(NDArray[] centred, NoiseLevel[] levels) {
        NDList parts = new NDList();
        for (int k = 0; k < components.size(); k++) {
            parts.add(components.get(k).logDensityOfCentred(centred[k], levels).add(Math.log(weights[k])).expandDims(-1));
        }
        return NDArrays.concat(parts, -1);
    }

    @Override
    public NDArray score(NDArray x, NoiseLevel level) {
        return score(x, new NoiseLevel[] {level});
    }

    @Override
    public NDArray score(NDArray x, NoiseLevel[] levels) {
        if (levels.length == 1 && diagonal) {
            return stackedScore(x, levels[0]);
        }
        NDArray[] c = centred(x, levels);
        NDArray r = RowReductions.softmax(logits(c, levels));
        NDArray out = null;
        for (int k = 0; k < components.size(); k++) {
            NDArray term = components.get(k).scoreOfCentred(c[k], levels).mul(r.get(":, " + k + ":" + (k + 1)));
            out = out == null ? term : out.add(term);
        }
        return out;
    }

    /**
     * The score of a mixture of diagonal components at one level with the components stacked, in the layout
     * [K, d, B] (batch innermost, so that every engine call runs over long contiguous rows and the per-component
     * constants broadcast as scalars along them), against about 25 engine calls per component on the per-component
     * path (a 2-D ring of 8 at 10,000 rows took 26 ms a step that way, nearly all call overhead). The engine calls are
     * kept few because each costs a few microseconds whatever its size (docs/performance.md): the level's constants
     * arrive as one tensor [K, 3d + 2, 1] split once into broadcastable views, the reductions over d and over the
     * components keep their axis (no reshapes around them), and the products and the sum over the components are made
     * in place in the call's own temporaries.
     * Each entry goes through the same element-wise operations in the same order as on the per-component path
     * (centring, squares, the tree sum over d, the normaliser and the weight added one after the other, the softmax,
     * then the terms added component after component), so both give the same bits ({@code GaussianMixtureTest}).
     */
    private NDArray stackedScore(NDArray x, NoiseLevel level) {
        int k = components.size();
        int d = dim();
        int width = 3 * d + 2;
        // per component a row: noised mean, -1/2 and -1 times the inverse variances (d each), log normaliser, log weight
        double[] packed = new double[k * width];
        for (int j = 0; j < k; j++) {
            Gaussian g = components.get(j);
            int row = j * width;
            System.arraycopy(g.noisedMean(level), 0, packed, row, d);
            System.arraycopy(g.scaledInverseVariances(level, -0.5), 0, packed, row + d, d);
            System.arraycopy(g.scaledInverseVariances(level, -1), 0, packed, row + 2 * d, d);
            packed[row + 3 * d] = g.logNormaliser(level);
            packed[row + 3 * d + 1] = Math.log(weights[j]);
        }
        NDList pieces = Scalars.copyOf(x.getManager(), packed, new Shape(k, width, 1), x.getDataType())
                .split(new long[] {d, 2L * d, 3L * d, 3L * d + 1}, 1);
        NDArray c = x.transpose().sub(pieces.get(0));
        NDArray quadratic = RowReductions.sumKeepingAxis(c.mul(c).muli(pieces.get(1)), 1);
        NDArray logits = quadratic.addi(pieces.get(3)).addi(pieces.get(4));
        NDArray terms = c.mul(pieces.get(2)).muli(RowReductions.softmax(logits, 0));
        // component after component, in place into the first component's slice of the temporary terms (the engine's
        // sum over the axis adds in another order for some batch sizes: one row differed in its last bit)
        NDList parts = terms.split(k, 0);
        NDArray out = parts.get(0);
        for (int j = 1; j < k; j++) {
            out.addi(parts.get(j));
        }
        // [1, d, B] -> [B, d] in row-major order (the flattening copies where the layout is not already that)
        return out.transpose(2, 1, 0).reshape(-1).reshape(x.getShape());
    }

    @Override
    public NDArray logDensity(NDArray x, NoiseLevel level) {
        NoiseLevel[] levels = {level};
        return RowReductions.logSumExp(logits(centred(x, levels), levels));
    }

    @Override
    public NDArray sample(NDManager manager, NoiseStream noise, DataType type) {
        NDArray z = noise.normal(manager, new Shape(dim()), type);
        double[] u = noise.uniform();
        int n = u.length;
        int kk = components.size();
        double[] oneHot = new double[n * kk];
        for (int i = 0; i < n; i++) {
            double c = 0;
            int pick = kk - 1;
            for (int k = 0; k < kk; k++) {
                c += weights[k];
                if (u[i] < c) {
                    pick = k;
                    break;
                }
            }
            oneHot[i * kk + pick] = 1;
        }
        NDArray mask = manager.create(oneHot, new Shape(n, kk)).toType(type, false);
        NDArray out = null;
        for (int k = 0; k < kk; k++) {
            NDArray term = components.get(k).fromStandard(z).mul(mask.get(":, " + k + ":" + (k + 1)));
            out = out == null ? term : out.add(term);
        }
        return out;
    }

    @Override
    public double[] mean() {
        double[] m = new double[dim()];
        for (int k = 0; k < components.size(); k++) {
            double[] mk = components.get(k).mean();
            for (int i = 0; i < m.length; i++) {
                m[i] += weights[k] * mk[i];
            }
        }
        return m;
    }

    @Override
    public double[][] covariance() {
        int d = dim();
        double[] m = mean();
        double[][] c = new double[d][d];
        for (int k = 0; k < components.size(); k++) {
            double[] mk = components.get(k).mean();
            double[][] ck = components.get(k).covariance();
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    c[i][j] += weights[k] * (ck[i][j] + (mk[i] - m[i]) * (mk[j] - m[j]));
                }
            }
        }
        return c;
    }

    @Override
    public String toString() {
        return spec;
    }
}
