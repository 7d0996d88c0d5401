package org.difflab.dsl.hierarchy;

import org.difflab.dsl.Require;
import org.difflab.dsl.model.ScoreModel;

/**
 * One level of a {@link ModelHierarchy}: a score model s^k and its cost C_k per evaluation of one batch.
 *
 * <p>Costs are in any unit the user likes (FLOPs, parameters, seconds per batch from {@link CostMeter}); only their
 * ratios matter, both for the HTMC exponent gamma (Jacot 2026, arXiv 2603.24594; research note mlem_parallel.md
 * section A.4) and for the ML-EM rates lambda_k = Lambda delta_k / sqrt(C_k) (section A.2).
 *
 * @param model the level's score model (any parameterization; differences are taken in score space)
 * @param cost  cost per evaluation, finite and &gt; 0
 */
public record Level(ScoreModel model, double cost) {

    public Level {
        Require.notNull("model", model);
        Require.positive("cost", cost);
    }

    /** Short description for reports. */
    public String describe() {
        return model.describe() + " (cost " + cost + ")";
    }
}
