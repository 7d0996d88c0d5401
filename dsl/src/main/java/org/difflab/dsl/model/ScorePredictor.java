package org.difflab.dsl.model;

/**
 * A score model whose prediction is the score itself ({@link Parameterization#SCORE}): the exact score of a target
 * and the models that add a known error to a score. Declaring the parameterization once here keeps those wrappers to
 * what differs between them.
 */
public interface ScorePredictor extends ScoreModel {

    @Override
    default Parameterization parameterization() {
        return Parameterization.SCORE;
    }
}
