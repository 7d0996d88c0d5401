package org.difflab.dsl.langevin;

import org.difflab.dsl.spec.Spec;
import org.difflab.dsl.target.Target;
import org.difflab.dsl.target.Targets;

/** Factory of Langevin potentials, by method or by spec string ({@link #parse}). */
public final class Potentials {
    private Potentials() {}

    /** A diffusion target's log density as a potential. */
    public static TargetPotential of(Target target) {
        return new TargetPotential(target);
    }

    /** The double well a sum_j (x_j^2 - 1)^2 in d dimensions. */
    public static DoubleWell doubleWell(int d, double a) {
        return new DoubleWell(d, a);
    }

    /** Builds a potential from a spec such as {@code doublewell:d=1,a=1}, {@code gaussian:d=1} or {@code gmm:preset=ring8}. */
    public static Potential parse(String text) {
        Spec s = Spec.parse("potential", text);
        switch (s.name()) {
            case "doublewell" -> {
                int d = s.integer("d", 1);
                if (d < 1 || d > 100_000) {
                    throw s.bad("d", d, "an integer in [1, 100000]");
                }
                double a = s.real("a", 1);
                if (!(a > 0)) {
                    throw s.bad("a", a, "> 0");
                }
                s.done();
                return new DoubleWell(d, a);
            }
            case "gaussian", "gmm" -> {
                return new TargetPotential(Targets.parse(text));
            }
            default -> throw s.bad("name", s.name(), "one of doublewell, gaussian, gmm");
        }
    }
}
