package org.difflab.theory.claims;

import java.util.List;
import org.difflab.theory.convergence.ConvergenceResult;

/**
 * What was measured for one integrator of a claim: the error table (steps, error, NFE, wall time), the fitted
 * order with its 95% confidence interval and local slopes, and the judgement.
 */
public record Measurement(String integrator, List<ConvergenceResult.Point> points, double order, double lower, double upper,
                          double[] localSlopes, Judgement judgement) {

    public Measurement {
        points = List.copyOf(points);
        localSlopes = localSlopes.clone();
    }

    @Override
    public double[] localSlopes() {
        return localSlopes.clone();
    }

    /** The verdict of this integrator. */
    public Verdict verdict() {
        return judgement.verdict();
    }
}
