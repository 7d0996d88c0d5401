package org.difflab.dsl.grid;

import java.util.LinkedHashMap;
import java.util.Map;
import org.difflab.dsl.spec.Spec;

/** Factory of the time-grid rules, by method or by spec string. */
public final class Grids {
    private Grids() {}

    public static GridSpec uniform(int steps) {
        return new UniformGrid(steps, true);
    }

    public static GridSpec quadratic(int steps) {
        return new QuadraticGrid(steps, true);
    }

    public static GridSpec karras(int steps, double rho) {
        return new KarrasGrid(steps, rho, true);
    }

    public static GridSpec logSnr(int steps) {
        return new LogSnrGrid(steps, true);
    }

    /** t_k = tMax (k/steps)^p down to 0, every step on the rule (p = 1, 2: the Poisson-midpoint block layouts). */
    public static GridSpec power(int steps, double p) {
        return new PowerGrid(steps, p, true);
    }

    /** Explicit training indices of a discrete schedule. */
    public static GridSpec respaced(int... indices) {
        return new RespacedGrid(indices, true);
    }

    /** Spec syntax of every rule, for {@code difflab list}. */
    public static Map<String, String> specs() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("uniform", "equal steps in t (respaced DDPM indices on a discrete schedule)");
        m.put("quadratic", "t quadratic in the step index, finer near the data");
        m.put("karras:rho=7", "Karras et al. sigma spacing");
        m.put("logsnr", "equal steps in log-SNR");
        m.put("power:p=2", "t = tMax (k/n)^p down to 0 with no separate final jump (p = 1: equal blocks, p = 2: quadratic blocks)");
        return m;
    }

    /** Builds a rule from a spec such as {@code karras:rho=7} with the given step count. */
    public static GridSpec parse(String text, int steps) {
        Spec s = Spec.parse("grid", text);
        GridSpec g = switch (s.name()) {
            case "uniform" -> uniform(steps);
            case "quadratic" -> quadratic(steps);
            case "karras" -> karras(steps, s.real("rho", 7));
            case "logsnr" -> logSnr(steps);
            case "power" -> power(steps, s.real("p", 2));
            default -> throw s.bad("name", s.name(), "one of uniform, quadratic, karras, logsnr, power");
        };
        s.done();
        return g;
    }
}
