package org.difflab.dsl.control;

import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.spec.Spec;

/**
 * What the command line's {@code --controller} asks for: a {@link StepController} and, optionally, the embedded pair
 * ({@code pair=heun|dpm12|dpm23}); without one the pair is the one embedded in the run's integrator
 * ({@link EmbeddedPairs#of}). Example: {@code pi:rtol=1e-3,atol=1e-4,pair=dpm23}.
 *
 * @param controller the step-size controller
 * @param pair       the pair's name, or null for the integrator's own pair
 */
public record AdaptiveSpec(StepController controller, String pair) {

    /** Parses {@code pi:rtol=..,atol=..[,pair=..]} with the keys of {@link StepController#parse}. */
    public static AdaptiveSpec parse(String text) {
        Spec s = Spec.parse("controller", text);
        StepController controller = StepController.from(s);
        String pair = s.has("pair") ? s.string("pair", null) : null;
        if (pair != null) {
            EmbeddedPairs.named(pair); // fails naming the pair and the allowed ones
        }
        s.done();
        return new AdaptiveSpec(controller, pair);
    }

    /** The pair this run uses with {@code integrator}. */
    public EmbeddedPair pairFor(Integrator integrator) {
        return pair == null ? EmbeddedPairs.of(integrator) : EmbeddedPairs.named(pair);
    }
}
