package org.difflab.dsl.observe;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.junit.jupiter.api.Test;

/** The check finds every NaN and infinity, and a sum that overflows on finite entries does not fool it. */
class NonFiniteCheckTest {
    private static final float BIG = 3e38f; // two of them overflow a float32 sum

    private static StepEvent event(NDManager m, float... state) {
        return new StepEvent("ddim", 4, 10, 0.5, 0.6, 0.5, m.create(state).reshape(state.length / 2, 2), 5, 0);
    }

    @Test
    void findsNanAndInfinitiesAnywhereAndPassesFiniteStatesWhoseSumOverflows() {
        NonFiniteCheck check = new NonFiniteCheck();
        try (NDManager m = NDManager.newBaseManager()) {
            assertThatCode(() -> check.onStep(event(m, 1, 2, 3, 4))).doesNotThrowAnyException();
            assertThatCode(() -> check.onStep(event(m, BIG, BIG, BIG, BIG))).as("the sum overflows, the entries are finite")
                    .doesNotThrowAnyException();
            assertThatCode(() -> check.onStep(event(m, -BIG, -BIG, 1, 2))).doesNotThrowAnyException();
            for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
                assertThatThrownBy(() -> check.onStep(event(m, 1, 2, bad, 4))).isInstanceOf(NonFiniteStateException.class)
                        .hasMessage("ddim produced NaN or Inf at step 5 of 10 (t = 0.6 -> 0.5, batch starting at sample 0); the run was stopped");
                assertThatThrownBy(() -> check.onStep(event(m, BIG, BIG, bad, 4))).isInstanceOf(NonFiniteStateException.class);
            }
            assertThatThrownBy(() -> check.onStep(event(m, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0, 0)))
                    .as("+inf and -inf sum to NaN").isInstanceOf(NonFiniteStateException.class);
            assertThatThrownBy(() -> check.onStep(new StepEvent("heun", 0, 3, 1 / 3.0, 1, 0.5, m.create(new double[] {1, Double.NaN}).reshape(1, 2), 2, 7)))
                    .as("float64").hasMessageContaining("heun produced NaN or Inf at step 1 of 3");
        }
    }
}
