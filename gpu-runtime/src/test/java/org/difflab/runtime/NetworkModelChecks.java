package org.difflab.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.difflab.dsl.Diffusion;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.schedule.Schedules;

/**
 * The checks shared by the tests of the two network models (TorchScript, Java UNet), both of event shape [3, 8, 8] and
 * trained on the DDPM schedule: the same sampler behaviour and the same contract for bad calls.
 */
public final class NetworkModelChecks {
    private NetworkModelChecks() {}

    /**
     * 8 samples with 10 DDIM steps on the DDPM schedule have shape [8, 3, 8, 8], 10 model evaluations and exactly one
     * forward pass ({@code forwards}: the model's count) per evaluation; {@code more} checks what is particular to the model.
     */
    public static void assertOneForwardPerEvaluation(ScoreModel model, LongSupplier forwards, Consumer<Samples> more) {
        long before = forwards.getAsLong();
        try (Samples s = Diffusion.sampler().schedule(Schedules.ddpm()).model(model).integrator(Integrators.ddim())
                .grid(Grids.uniform(10)).seed(3).batchSize(8).sample(8)) {
            assertThat(s.tensor().getShape()).isEqualTo(new Shape(8, 3, 8, 8));
            assertThat(s.nfe()).isEqualTo(10);
            assertThat(forwards.getAsLong() - before).isEqualTo(10);
            more.accept(s);
        }
    }

    /**
     * A wrong event shape, an integer type, a number of levels other than the batch's rows and a time off the network's
     * [1, 1000] are refused with messages naming the argument and what is allowed ({@code levels}: four levels; arrays on m).
     */
    public static void assertBadCallsAreNamed(ScoreModel model, NDManager m, NoiseLevel[] levels) {
        assertThatThrownBy(() -> model.predict(m.zeros(new Shape(2, 3, 4, 4)), levels[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x has shape (2, 3, 4, 4)")
                .hasMessageContaining("expected [B, 3, 8, 8]");
        assertThatThrownBy(() -> model.predict(m.zeros(new Shape(2, 3, 8, 8), DataType.INT32), levels[0]))
                .hasMessageContaining("x has data type int32");
        assertThatThrownBy(() -> model.predict(m.zeros(new Shape(3, 3, 8, 8)), levels))
                .hasMessageContaining("levels has 4 entries").hasMessageContaining("batch of 3 rows");
        assertThatThrownBy(() -> model.predict(m.zeros(new Shape(1, 3, 8, 8)), Schedules.ddpm().level(0.25)))
                .hasMessageContaining("t = 0.25").hasMessageContaining("[1, 1000]");
    }
}
