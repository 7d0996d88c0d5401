package org.difflab.dsl.schedule;

import java.util.Map;
import org.difflab.dsl.spec.Registry;

/** Factory of the noise schedules, by method or by spec string (a {@link Registry}; see {@link #specs()}). */
public final class Schedules {
    private static final Registry<NoiseSchedule> REGISTRY = new Registry<>("schedule");

    static {
        REGISTRY.register("linear", "DDPM linear betas (Ho et al. 2020)", "T=1000,b0=1e-4,b1=0.02",
                s -> new LinearBetaSchedule(s.real("b0", 1e-4), s.real("b1", 0.02), s.integer("T", 1000)));
        REGISTRY.register("cosine", "cosine abar (Nichol & Dhariwal 2021)", "T=1000,s=0.008",
                s -> new CosineSchedule(s.integer("T", 1000), s.real("s", 0.008)));
        REGISTRY.register("sqrtlinear", "latent-diffusion scaled-linear betas", "T=1000,b0=0.00085,b1=0.012",
                s -> new SqrtLinearSchedule(s.real("b0", 0.00085), s.real("b1", 0.012), s.integer("T", 1000)));
        REGISTRY.register("li", "Li et al. learning-rate schedule; errors against law(X_1)", "T=400,c0=2,c1=6",
                s -> new LiSchedule(s.integer("T", 400), s.real("c0", 2), s.real("c1", 6)));
        REGISTRY.register("vp", "continuous VP SDE (Song et al. 2021)", "bmin=0.1,bmax=20,eps=1e-3",
                s -> new VpSchedule(s.real("bmin", 0.1), s.real("bmax", 20), s.real("eps", 1e-3)));
        REGISTRY.register("ve", "continuous VE SDE (Song et al. 2021)", "smin=0.01,smax=50,eps=1e-5",
                s -> new VeSchedule(s.real("smin", 0.01), s.real("smax", 50), s.real("eps", 1e-5)));
        REGISTRY.register("edm", "EDM sigma(t) = t (Karras et al. 2022)", "smin=0.002,smax=80",
                s -> new EdmSchedule(s.real("smin", 0.002), s.real("smax", 80)));
    }

    private Schedules() {}

    /** DDPM linear betas b0..b1 over T steps. */
    public static LinearBetaSchedule linearBeta(double b0, double b1, int steps) {
        return new LinearBetaSchedule(b0, b1, steps);
    }

    /** The DDPM default: linear 1e-4..0.02 over 1000 steps. */
    public static LinearBetaSchedule ddpm() {
        return linearBeta(1e-4, 0.02, 1000);
    }

    /** Nichol-Dhariwal cosine schedule with offset s = 0.008. */
    public static CosineSchedule cosine(int steps) {
        return new CosineSchedule(steps, 0.008);
    }

    /** Latent-diffusion sqrt-linear ("scaled linear") schedule 0.00085..0.012. */
    public static SqrtLinearSchedule sqrtLinear(int steps) {
        return new SqrtLinearSchedule(0.00085, 0.012, steps);
    }

    /** The Li et al. learning-rate schedule. */
    public static LiSchedule li(int steps, double c0, double c1) {
        return new LiSchedule(steps, c0, c1);
    }

    /** Continuous VP SDE with beta in [0.1, 20], evaluated down to t = 1e-3. */
    public static VpSchedule vp() {
        return new VpSchedule(0.1, 20, 1e-3);
    }

    /** Continuous VE SDE with sigma in [0.01, 50]. */
    public static VeSchedule ve() {
        return new VeSchedule(0.01, 50, 1e-5);
    }

    /** EDM sigmas in [0.002, 80]. */
    public static EdmSchedule edm() {
        return new EdmSchedule(0.002, 80);
    }

    /** Spec syntax and defaults of every schedule, for {@code difflab list schedules}. */
    public static Map<String, String> specs() {
        return REGISTRY.specs();
    }

    /** Builds a schedule from a spec such as {@code linear:T=1000} or {@code li:T=400,c0=2,c1=6}. */
    public static NoiseSchedule parse(String text) {
        return REGISTRY.parse(text);
    }
}
