package org.difflab.dsl.control;

import java.util.Map;
import java.util.function.Supplier;
import org.difflab.dsl.integrator.Integrator;

/**
 * The embedded pairs a {@link StepController} can drive, by name, and the pair that goes with a fixed-step integrator:
 * {@code heun} (Heun with Euler, in sigma; integrator {@code heun}), {@code dpm12} (DPM-Solver-2 with DPM-Solver-1,
 * in lambda; integrator {@code dpm2}) and {@code dpm23} (DPM-Solver-3 with DPM-Solver-2, in lambda; no fixed-step
 * integrator, named explicitly).
 */
public final class EmbeddedPairs {
    private static final Map<String, Supplier<EmbeddedPair>> BY_NAME = Map.of(
            "heun", HeunEulerPair::new,
            "dpm12", DpmSolver12Pair::new,
            "dpm23", DpmSolver23Pair::new);
    private static final Map<String, String> BY_INTEGRATOR = Map.of("heun", "heun", "dpm2", "dpm12");
    private static final String NAMES = "heun (Heun/Euler), dpm12 (DPM-Solver-2/1), dpm23 (DPM-Solver-3/2)";

    private EmbeddedPairs() {}

    /** Heun with Euler embedded, in sigma. */
    public static EmbeddedPair heunEuler() {
        return new HeunEulerPair();
    }

    /** DPM-Solver-2 with DPM-Solver-1 embedded, in lambda. */
    public static EmbeddedPair dpmSolver12() {
        return new DpmSolver12Pair();
    }

    /** DPM-Solver-3 with DPM-Solver-2 embedded, in lambda. */
    public static EmbeddedPair dpmSolver23() {
        return new DpmSolver23Pair();
    }

    /** The pair of that name. */
    public static EmbeddedPair named(String name) {
        Supplier<EmbeddedPair> pair = BY_NAME.get(name);
        if (pair == null) {
            throw new IllegalArgumentException("pair = " + name + " is not allowed: must be one of " + NAMES);
        }
        return pair.get();
    }

    /** The pair embedded in a fixed-step integrator, for a step-size controller on that integrator. */
    public static EmbeddedPair of(Integrator integrator) {
        String pair = BY_INTEGRATOR.get(integrator.name());
        if (pair == null) {
            throw new IllegalArgumentException("integrator = " + integrator.spec() + " is not allowed with a step-size controller: it "
                    + "has no embedded lower-order solution; allowed: heun (pair heun) or dpm2 (pair dpm12), or name a pair "
                    + "with the controller's pair key: " + NAMES);
        }
        return named(pair);
    }
}
