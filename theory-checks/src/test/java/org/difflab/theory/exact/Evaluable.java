package org.difflab.theory.exact;

import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.Integrators;

/** A registered integrator in the setting exact evaluation accepts (no clip, no stopping by a tolerance). */
final class Evaluable {
    private Evaluable() {}

    static Integrator of(Integrator registered) {
        return switch (registered.name()) {
            case "momentumStochastic" -> Integrators.parse("momentumStochastic:clip=inf");
            case "liCai" -> Integrators.parse("liCai:clip=inf");
            case "picardBlocks" -> Integrators.parse("picardBlocks:points=8,sweeps=4,tol=0");
            case "paradigms" -> Integrators.parse("paradigms:window=4,tol=0");
            default -> registered;
        };
    }
}
