package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.Require;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.tensor.Scalars;

/**
 * The accelerated probability-flow ODE sampler of Li et al. (arXiv 2306.09251 v1/v2; Li, Huang, Efimov, Wei, Chi and
 * Chen, ICML 2024), score-difference form:
 * <pre>
 *   Y^-     = sqrt(alpha_{t+1}) (Y_t - (1 - alpha_{t+1})/2 s_t(Y_t))
 *   Y_{t-1} = [Y_t + (1 - alpha_t)/2 s_t + c (1 - alpha_t)^2 / (1 - alpha_{t+1}) (s_t - sqrt(alpha_{t+1}) s_{t+1}(Y^-))] / sqrt(alpha_t)
 * </pre>
 * with c = 1/4; the first step (no alpha_{T+1}) is a plain {@link LiOde} step. THEORY evaluates s_{t+1} at the
 * pull-back Y^- (2 NFE per step); MULTISTEP reuses s_{t+1} from the previous iterate (1 NFE).
 * Reconstruction: the papers' full text was not available; the coefficients are those of the research note
 * (li_samplers.md section 4.1), checked there to give second order. The knobs {@code c} and
 * {@code sqrtAlphaFactor} exist so that tests can show that 1/8, 1/2 or a dropped sqrt(alpha_{t+1}) give first order.
 */
public final class AcceleratedOde extends StatedIntegrator {

    /** Where s_{t+1} is evaluated. */
    public enum Form {
        THEORY, MULTISTEP
    }

    private final Form form;
    private final double c;
    private final boolean sqrtAlphaFactor;

    public AcceleratedOde(Form form) {
        this(form, 0.25, true);
    }

    /** A variant with another correction coefficient c (1/4 in the paper) or without the sqrt(alpha_{t+1}) factor. */
    public AcceleratedOde(Form form, double c, boolean sqrtAlphaFactor) {
        super(IntegratorInfo.deterministic("acceleratedOde", form == Form.THEORY ? 2 : 1, 2));
        this.form = Require.notNull("form", form);
        this.c = Require.finite("c", c);
        this.sqrtAlphaFactor = sqrtAlphaFactor;
    }

    @Override
    public String spec() {
        return "acceleratedOde:form=" + form.name().toLowerCase() + (c == 0.25 && sqrtAlphaFactor ? ""
                : ",c=" + c + ",sqrtAlpha=" + sqrtAlphaFactor);
    }

    @Override
    public long nfe(TimeGrid grid) {
        return form == Form.THEORY ? 2L * grid.steps() - 1 : grid.steps();
    }

    @Override
    public NDArray run(RunContext ctx, NDArray x) {
        NDArray previousScore = null;
        for (int i = 0; i < ctx.steps(); i++) {
            double alpha = LiStep.alpha(ctx, i);
            NDArray score = ctx.predict(x, i).score();
            NDArray next = x.add(Scalars.mul(score, (1 - alpha) / 2));
            if (i > 0) {
                double alphaUp = LiStep.alpha(ctx, i - 1);
                double factor = sqrtAlphaFactor ? Math.sqrt(alphaUp) : 1;
                NDArray scoreUp = form == Form.MULTISTEP ? previousScore
                        : ctx.predict(Scalars.mul(x.sub(Scalars.mul(score, (1 - alphaUp) / 2)), Math.sqrt(alphaUp)), i - 1).score();
                double weight = c * (1 - alpha) * (1 - alpha) / (1 - alphaUp);
                next = next.add(Scalars.mul(score.sub(Scalars.mul(scoreUp, factor)), weight));
            }
            previousScore = score;
            x = ctx.endStep(i, Scalars.div(next, Math.sqrt(alpha)), previousScore);
        }
        return x;
    }
}
