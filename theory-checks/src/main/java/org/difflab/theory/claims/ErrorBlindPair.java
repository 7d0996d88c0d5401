package org.difflab.theory.claims;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.control.EmbeddedPair;
import org.difflab.dsl.control.RowModel;
import org.difflab.dsl.control.PairInfo;
import org.difflab.dsl.schedule.NoiseLevel;

/**
 * A mutant of an embedded pair for the controls of {@link WorkPrecisionClaim}: it reports its higher solution as the
 * lower one too, so the error estimate is always 0, every step is accepted and grows by the controller's largest
 * factor: a controller that ignores the error estimate. The steps it takes are then set by the first step and the
 * growth limit alone.
 */
final class ErrorBlindPair implements EmbeddedPair {
    private final EmbeddedPair pair;

    ErrorBlindPair(EmbeddedPair pair) {
        this.pair = pair;
    }

    @Override
    public PairInfo info() {
        PairInfo of = pair.info();
        return new PairInfo(of.name() + "@errorBlind", of.variable(), of.higherOrder(), of.lowerOrder(), of.evaluationsPerAttempt());
    }

    @Override
    public Attempt attempt(RowModel model, NDArray x, NDArray eps, NoiseLevel[] from, NoiseLevel[] to) {
        NDArray higher = pair.attempt(model, x, eps, from, to).higher();
        return new Attempt(higher, higher);
    }
}
