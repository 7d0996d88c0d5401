package org.difflab.dsl.grid;

import java.util.Map;
import java.util.function.IntFunction;
import org.difflab.dsl.spec.Registry;

/** Factory of the time-grid rules, by method or by spec string (a {@link Registry}). */
public final class Grids {
    /** Each rule's spec read into a rule of a given step count (the count comes from --steps, not from the spec). */
    private static final Registry<IntFunction<GridSpec>> REGISTRY = new Registry<>("grid");

    static {
        REGISTRY.register("uniform", "equal steps in t (respaced DDPM indices on a discrete schedule)", "", s -> Grids::uniform);
        REGISTRY.register("quadratic", "t quadratic in the step index, finer near the data", "", s -> Grids::quadratic);
        REGISTRY.register("karras", "Karras et al. sigma spacing", "rho=7", s -> {
            double rho = s.real("rho", 7);
            return steps -> karras(steps, rho);
        });
        REGISTRY.register("logsnr", "equal steps in log-SNR", "", s -> Grids::logSnr);
        REGISTRY.register("power", "t = tMax (k/n)^p down to 0 with no separate final jump (p = 1: equal blocks, p = 2: quadratic blocks)",
                "p=2", s -> {
                    double p = s.real("p", 2);
                    return steps -> power(steps, p);
                });
    }

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
        return REGISTRY.specs();
    }

    /** Builds a rule from a spec such as {@code karras:rho=7} with the given step count. */
    public static GridSpec parse(String text, int steps) {
        return REGISTRY.parse(text).apply(steps);
    }
}
