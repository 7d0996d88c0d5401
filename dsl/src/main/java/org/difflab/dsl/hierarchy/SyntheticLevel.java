package org.difflab.dsl.hierarchy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.difflab.dsl.model.ScoreWithError;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.dsl.tensor.RowReductions;
import org.difflab.dsl.tensor.Scalars;

/**
 * Level k of a {@link SyntheticHierarchy}: s^k(x) = s(x) + e_k(x), an exact score plus the tail e_k of a fixed random
 * expansion, standing in for one network of the hierarchies of multilevel Euler-Maruyama (Jacot 2026, arXiv
 * 2603.24594; research note mlem_parallel.md, section A.2). The construction is ours (a reconstruction), see
 * {@link SyntheticHierarchy} for the formula and why. The error depends on x only,
 * not on the noise level. Computed in the dtype of x (float32 or float64); event shapes of any rank are flattened to
 * d = product of the event dimensions for the random maps.
 */
public final class SyntheticLevel extends ScoreWithError {

    /** Whether the synthetic error is affine in x or bounded nonlinear features. */
    public enum Form {
        LINEAR, NONLINEAR
    }

    /**
     * One random Fourier term of the nonlinear form: [cos(x P + b), sin(x P + b)] U with P [d, F], b [F], U [2F, d],
     * the term's weight folded into U.
     */
    record Term(double[] projection, double[] phase, double[] output, int features) {

        /** The terms as one: their features side by side (one pair of matrix products per call instead of one per term). */
        static Term concat(List<Term> terms, int d) {
            int total = terms.stream().mapToInt(Term::features).sum();
            double[] projection = new double[d * total];
            double[] phase = new double[total];
            double[] output = new double[2 * total * d];
            int at = 0;
            for (Term t : terms) {
                int f = t.features();
                for (int i = 0; i < d; i++) {
                    System.arraycopy(t.projection(), i * f, projection, i * total + at, f);
                }
                System.arraycopy(t.phase(), 0, phase, at, f);
                System.arraycopy(t.output(), 0, output, at * d, f * d); // cos rows
                System.arraycopy(t.output(), f * d, output, (total + at) * d, f * d); // sin rows
                at += f;
            }
            return new Term(projection, phase, output, total);
        }
    }

    private final Form form;
    private final int level;
    private final int levels;
    private final double gamma;
    private final double scale;
    private final long seed;
    private final int d;
    // LINEAR: e_k(x) = diag(scales) x + offset, both [d]
    private final double[] scales;
    private final double[] offset;
    // NONLINEAR: e_k(x) = sum over the kept terms of [cos(x P + b), sin(x P + b)] U, held as one concatenated term
    private final Term term;

    // not a value (a ScoreModel subclass that derives d and the concatenated term): alike RunContext's and TorchScriptModel's constructors in form only
    SyntheticLevel(ScoreModel exact, Form form, int level, int levels, double gamma, double scale, long seed,
                   double[] scales, double[] offset, List<Term> terms) {
        super(exact);
        this.form = form;
        this.level = level;
        this.levels = levels;
        this.gamma = gamma;
        this.scale = scale;
        this.seed = seed;
        this.d = Math.toIntExact(exact.eventShape().size());
        this.scales = scales;
        this.offset = offset;
        this.term = terms == null ? null : Term.concat(terms, d);
    }

    /** This level's index k (1 = the coarsest). */
    public int level() {
        return level;
    }

    /** Number of levels K of the hierarchy this level belongs to. */
    public int levels() {
        return levels;
    }

    /**
     * Diagonal affine (LINEAR: exact evaluation applies when the base score is affine) or bounded Fourier features
     * (NONLINEAR).
     */
    public Form form() {
        return form;
    }

    /** The exact score the error is added to. */
    public ScoreModel exact() {
        return base();
    }

    @Override
    protected NDArray withError(NDArray s, NDArray x) {
        long batch = x.getShape().get(0);
        boolean rows = x.getShape().dimension() == 2;
        NDArray flat = rows ? x : x.reshape(batch, d);
        NDArray e;
        if (form == Form.LINEAR) {
            e = flat.mul(constant(x, scales, 1, d)).add(constant(x, offset, 1, d));
        } else {
            NDArray z = RowReductions.matMul(flat, constant(x, term.projection(), d, term.features()))
                    .add(constant(x, term.phase(), 1, term.features()));
            e = RowReductions.matMul(z.cos().concat(z.sin(), 1), constant(x, term.output(), 2L * term.features(), d));
        }
        return s.add(rows ? e : e.reshape(x.getShape()));
    }

    /** The level's fixed values as a tensor, kept for the run ({@link Scalars#constant}: no copy per call). */
    private static NDArray constant(NDArray like, double[] values, long rows, long cols) {
        return Scalars.constant(like.getManager(), values, new Shape(rows, cols), like.getDataType());
    }

    @Override
    public String describe() {
        return "synthetic " + form.name().toLowerCase() + " level " + level + " of " + levels + " (error ~ 2^-" + level
                + (scale == 1 ? "" : " x " + scale) + ", gamma " + gamma + ", seed " + seed + ") over " + base().describe();
    }
}
