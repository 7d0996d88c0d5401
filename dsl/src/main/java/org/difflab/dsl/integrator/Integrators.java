package org.difflab.dsl.integrator;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import org.difflab.dsl.parallel.Paradigms;
import org.difflab.dsl.parallel.PicardBlocks;
import org.difflab.dsl.spec.Registry;
import org.difflab.dsl.spec.Spec;

/**
 * The registry of integrators: factory methods for code, and name-to-factory registrations for spec strings
 * ({@code ddim:eta=0.5}) and the command line. A new integrator adds one {@link #register} line here and is
 * then listed, parsed and put through the conformance suite automatically.
 */
public final class Integrators {
    private static final Registry<Integrator> REGISTRY = new Registry<>("integrator");

    static {
        // built in code only: a spec or the command line naming one is answered with this reason rather than "unknown name",
        // and difflab list says so below its table
        REGISTRY.codeOnly("mlemPoisson",
                "the grid-free Poisson-jump limit of mlem (Jacot 2026), built in code only: it needs a ModelHierarchy with pilot differences whose "
                        + "base is the exact score of a diagonal Gaussian target, which no command builds (use mlem for a runnable ML-EM); the claim "
                        + "mlem-eta-plateau builds it with new MultilevelPoissonJumps(rate, lambda, share)");
        // one registration line per sampler, alike in shape by design: they are the registry's rows
        register("ddpm", "DDPM ancestral step (Ho et al. 2020)", "variance=large|small",
                s -> new Ddpm(variance(s)));
        register("ddim", "DDIM (Song et al. 2021); eta=0 deterministic", "eta=0",
                s -> new Ddim(s.real("eta", 0)));
        register("eulerMaruyama", "Euler-Maruyama on the reverse SDE", "lambda=1",
                s -> new EulerMaruyama(s.real("lambda", 1)));
        register("exponentialEuler", "first-order exponential integrator, score frozen at the left point", "lambda=1",
                s -> new ExponentialEuler(s.real("lambda", 1)));
        register("probabilityFlowEuler", "Euler on the probability-flow ODE", "",
                s -> new ProbabilityFlowEuler());
        register("heun", "EDM second-order Heun (Karras et al. 2022)", "",
                s -> new Heun());
        register("dpmSolverPP2M", "DPM-Solver++(2M) (Lu et al. 2022)", "",
                s -> new DpmSolverPP2M());
        register("dpmSolverPP2MSde", "SDE-DPM-Solver++(2M) (Lu et al. 2022)", "eta=1",
                s -> new DpmSolverPP2MSde(s.real("eta", 1)));
        register("dpm2", "DPM-Solver-2, midpoint in log-SNR (Lu et al. 2022)", "",
                s -> new DpmSolver2());
        register("lms", "linear multistep in sigma, Lagrange coefficients per step (k-diffusion's sample_lms)", "order=4 (1 to 4)",
                s -> new LinearMultistep(order(s, LinearMultistep.MAX_ORDER, LinearMultistep.MAX_ORDER)));
        register("ipndm", "iPNDM: Adams-Bashforth weights of equal steps, lower-order warm-up (Zhang & Chen 2023)", "order=4 (1 to 4)",
                s -> new Ipndm(order(s, Ipndm.MAX_ORDER, Ipndm.MAX_ORDER)));
        register("unipc", "UniPC predictor-corrector, data prediction, corrector on the next evaluation (Zhao et al. 2023)", "order=2 (1 to 3),variant=bh2|bh1",
                Integrators::uniPc);
        register("deis", "DEIS multistep, tAB-DEIS: noise prediction extrapolated in t, linear part exact (Zhang & Chen 2023)", "order=2 (1 to 3)",
                s -> new Deis(order(s, 2, Deis.MAX_ORDER)));
        register("edmStochastic", "EDM stochastic sampler, Heun with churn (Karras et al. 2022, Algorithm 2)",
                "churn=80,tmin=0.05,tmax=50 (inf: no upper limit),noise=1",
                s -> new EdmStochastic(s.real("churn", 80), s.real("tmin", 0.05), s.realOrInfinity("tmax", 50), s.real("noise", 1)));
        register("dpmSolverPP3MSde", "DPM-Solver++(3M) SDE (Lu et al. 2022; k-diffusion's sample_dpmpp_3m_sde)", "eta=1",
                s -> new DpmSolverPP3MSde(s.real("eta", 1)));
        register("dpm2Ancestral", "DPM-Solver-2 with ancestral noise (Lu et al. 2022; k-diffusion's sample_dpm_2_ancestral)", "eta=1",
                s -> new Dpm2Ancestral(s.real("eta", 1)));
        register("dpmSolverPP2SAncestral", "DPM-Solver++(2S) with ancestral noise (Lu et al. 2022; k-diffusion's sample_dpmpp_2s_ancestral)", "eta=1",
                s -> new DpmSolverPP2SAncestral(s.real("eta", 1)));
        register("dpmSolverPPSde", "stochastic DPM-Solver++, midpoint with noise on both substeps (k-diffusion's sample_dpmpp_sde)", "eta=1",
                s -> new DpmSolverPPSde(s.real("eta", 1)));
        register("liOde", "Li et al. 2023 probability-flow ODE sampler", "",
                s -> new LiOde());
        register("liDdpm", "Li et al. 2023 DDPM-type sampler", "",
                s -> new LiDdpm());
        register("acceleratedOde", "Li et al. 2024 accelerated ODE sampler", "form=multistep|theory|practical,c=0.25,sqrtAlpha=true",
                Integrators::acceleratedOde);
        register("acceleratedDdpm", "Li et al. 2024 accelerated DDPM-type sampler", "",
                s -> new AcceleratedDdpm());
        register("momentumStochastic", "DiffLab's clipped momentum stochastic sampler (Li-Cai ingredients)", "clip=1 (inf: no clipping)",
                s -> new MomentumStochastic(s.realOrInfinity("clip", 1)));
        register("liCai", "second-order stochastic sampler from Li & Cai 2024's ingredients (a DiffLab reconstruction)",
                "c=0.5,split=0,clip=1 (inf: no clipping),burnIn=1", s -> new LiCaiStochastic(s.real("c", 0.5), s.real("split", 0),
                        s.realOrInfinity("clip", 1), s.integer("burnIn", 1)));
        register("poissonMidpoint", "Poisson midpoint method over the DDPM chain (Kandasamy & Nagaraj 2024)",
                "lambda=1,select=bernoulli|one,share=batch|sample,noise=sparse|dense (dense with share=sample),variance=small|large,substeps=10 (continuous schedules)",
                PoissonMidpoint::parseDiffusion);
        register("mlem", "Multilevel Euler-Maruyama over a model hierarchy (Jacot 2026)", "rate=1 (inf: every level gate open),lambda=1,"
                + "form=euler|exponential,share=batch|sample,open=0 (levels 1..open always evaluated)", Integrators::multilevelEulerMaruyama);
        register("picardBlocks", "PIADM parallel Picard blocks over the exponential integrator (Chen, Ren, Ying & Rotskoff 2024)",
                "points=8,sweeps=inf (until tol; at most points),tol=0.01,lambda=1; or length=h (blocks of OU time h, PIADM's regime) with "
                        + "sweeps=K fixed and no tol", Integrators::picardBlocks);
        register("paradigms", "ParaDiGMS sliding-window Picard iteration of a one-step sampler (Shih et al. 2023)",
                "sampler=ddpm|ddim|dpmSolverPP2M|eulerMaruyama|exponentialEuler,window=16,tol=0.1 (0: the sampler itself),"
                        + "share=sample|batch (batch: one window slid by the slowest sample)", Integrators::paradigms);
    }

    /** A multistep sampler's order from its spec: an integer from 1 to {@code max}. */
    private static int order(Spec s, int dflt, int max) {
        int order = s.integer("order", dflt);
        if (order < 1 || order > max) {
            throw s.bad("order", order, "an integer from 1 to " + max);
        }
        return order;
    }

    private static Integrator uniPc(Spec s) {
        String variant = s.string("variant", "bh2");
        return new UniPc(order(s, 2, UniPc.MAX_ORDER), switch (variant) {
            case "bh1" -> UniPc.Variant.BH1;
            case "bh2" -> UniPc.Variant.BH2;
            default -> throw s.bad("variant", variant, "bh1 (B(h) = h) or bh2 (B(h) = e^h - 1), the two choices of Zhao et al. 2023");
        });
    }

    private static Integrator paradigms(Spec s) {
        String share = s.string("share", "sample");
        if (!share.equals("sample") && !share.equals("batch")) {
            throw s.bad("share", share, "sample (one window per sample) or batch (one window for the batch, slid by its slowest sample)");
        }
        return paradigms(s.string("sampler", "ddpm"), s.integer("window", 16), s.real("tol", 0.1), share.equals("batch"));
    }

    private static Integrator picardBlocks(Spec s) {
        String sweeps = s.string("sweeps", "inf");
        int k;
        try {
            k = sweeps.equals("inf") ? Integer.MAX_VALUE : Integer.parseInt(sweeps);
        } catch (NumberFormatException e) {
            throw s.bad("sweeps", sweeps, "a positive integer or inf");
        }
        double lambda = s.real("lambda", 1);
        String points = s.string("points", null);
        if (!s.has("length")) {
            return new PicardBlocks(points == null ? 8 : s.integer("points", 8), k, s.real("tol", 0.01), lambda);
        }
        double length = s.real("length", 1);
        if (!(length > 0)) {
            throw s.bad("length", s.string("length", ""), "a finite number > 0 (each block's span in OU time -ln alpha)");
        }
        if (points != null) {
            throw s.bad("points", points, "absent with length (blocks are cut by diffusion time, not by step count)");
        }
        if (k == Integer.MAX_VALUE) {
            throw s.bad("sweeps", sweeps, "an integer >= 1 with length (a fixed number K of sweeps per block)");
        }
        if (k < 1) {
            throw s.bad("sweeps", sweeps, "an integer >= 1");
        }
        double tol = s.real("tol", 0);
        if (tol != 0) {
            throw s.bad("tol", s.string("tol", ""), "0 or absent with length (every block runs its K sweeps, no tolerance stop)");
        }
        return PicardBlocks.byLength(length, k, lambda);
    }

    private static Integrator multilevelEulerMaruyama(Spec s) {
        String form = s.string("form", "euler");
        String share = s.string("share", "batch");
        return new MultilevelEulerMaruyama(s.realOrInfinity("rate", 1), s.real("lambda", 1), switch (form) {
            case "euler" -> MultilevelEulerMaruyama.Form.EULER;
            case "exponential" -> MultilevelEulerMaruyama.Form.EXPONENTIAL;
            default -> throw s.bad("form", form, "euler or exponential");
        }, switch (share) {
            case "batch" -> MultilevelEulerMaruyama.Share.BATCH;
            case "sample" -> MultilevelEulerMaruyama.Share.SAMPLE;
            default -> throw s.bad("share", share, "batch or sample");
        }, s.integer("open", 0));
    }

    private static Integrator acceleratedOde(Spec s) {
        String form = s.string("form", "multistep");
        double c = s.real("c", 0.25);
        String sqrtAlpha = s.string("sqrtAlpha", "true");
        if (!sqrtAlpha.equals("true") && !sqrtAlpha.equals("false")) {
            throw s.bad("sqrtAlpha", sqrtAlpha, "true or false");
        }
        return switch (form) {
            case "multistep" -> new AcceleratedOde(AcceleratedOde.Form.MULTISTEP, c, sqrtAlpha.equals("true"));
            case "theory" -> new AcceleratedOde(AcceleratedOde.Form.THEORY, c, sqrtAlpha.equals("true"));
            case "practical" -> {
                if (s.has("c") || s.has("sqrtAlpha")) {
                    String key = s.has("c") ? "c" : "sqrtAlpha";
                    throw s.bad(key, s.string(key, ""), "absent with form=practical (it belongs to the theory and multistep forms)");
                }
                yield new AcceleratedOdePractical();
            }
            default -> throw s.bad("form", form, "multistep, theory or practical");
        };
    }

    private Integrators() {}

    private static Ddpm.Variance variance(Spec s) {
        return s.oneOf("variance", "large", "large", Ddpm.Variance.LARGE, "small", Ddpm.Variance.SMALL);
    }

    /** Registers an integrator under a name (case-insensitive in specs). */
    public static void register(String name, String description, String parameters, Function<Spec, Integrator> factory) {
        REGISTRY.register(name, description, parameters, factory);
    }

    /** Every registration, in registration order. */
    public static List<Registry.Entry<Integrator>> registrations() {
        return REGISTRY.entries();
    }

    /** The integrators that exist in code but not in the registry (name to the reason), for listings and error messages. */
    public static Map<String, String> codeOnly() {
        return REGISTRY.codeOnly();
    }

    /** One default-configured instance of every registered integrator. */
    public static List<Integrator> all() {
        return REGISTRY.all();
    }

    /**
     * Builds an integrator from a spec such as {@code heun} or {@code ddim:eta=0.5}; a suffix {@code @score=DELTA},
     * {@code @noise=DELTA} or {@code @gates=FACTOR} makes it a deliberately broken {@link Mutant} (negative controls).
     */
    public static Integrator parse(String text) {
        int at = text == null ? -1 : text.lastIndexOf('@');
        if (at >= 0) {
            return Mutant.parse(parse(text.substring(0, at)), text.substring(at + 1));
        }
        return REGISTRY.parse(text);
    }

    public static Integrator ddpm() {
        return new Ddpm(Ddpm.Variance.LARGE);
    }

    public static Integrator ddpm(Ddpm.Variance variance) {
        return new Ddpm(variance);
    }

    public static Integrator ddim() {
        return new Ddim(0);
    }

    public static Integrator ddim(double eta) {
        return new Ddim(eta);
    }

    public static Integrator eulerMaruyama() {
        return new EulerMaruyama(1);
    }

    public static Integrator probabilityFlowEuler() {
        return new ProbabilityFlowEuler();
    }

    public static Integrator heun() {
        return new Heun();
    }

    public static Integrator dpmSolverPP2M() {
        return new DpmSolverPP2M();
    }

    public static Integrator dpmSolverPP2MSde() {
        return new DpmSolverPP2MSde(1);
    }

    /**
     * ParaDiGMS over a registered one-step sampler given by its spec, e.g. {@code paradigms("ddpm", 16, 0.1)} or
     * {@code paradigms("ddim:eta=0.5", 16, 0.1)}.
     */
    public static Paradigms paradigms(String sampler, int window, double tolerance) {
        return paradigms(sampler, window, tolerance, false);
    }

    /** As {@link #paradigms(String, int, double)}, with a batch-shared window when {@code shared}. */
    public static Paradigms paradigms(String sampler, int window, double tolerance, boolean shared) {
        Integrator parsed;
        try {
            parsed = parse(sampler);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sampler = " + sampler + " is not allowed: " + e.getMessage(), e);
        }
        if (!(parsed instanceof SteppedIntegrator stepped)) {
            throw new IllegalArgumentException("sampler = " + sampler + " is not allowed: a one-step sampler that exposes its step without "
                    + "noise (ddpm, ddim, dpmSolverPP2M, eulerMaruyama, exponentialEuler, with at most one parameter, e.g. ddim:eta=0.5)");
        }
        return new Paradigms(stepped, window, tolerance, shared);
    }

    /** Poisson midpoint method with its defaults: lambda = 1, Bernoulli selection shared by the batch, sparse noise. */
    public static Integrator poissonMidpoint() {
        return poissonMidpoint(1);
    }

    /** Poisson midpoint method with lambda expected midpoints per block (Bernoulli(lambda/K), weight K/lambda). */
    public static Integrator poissonMidpoint(double lambda) {
        return PoissonMidpoint.diffusion(lambda, MidpointSelection.Rule.BERNOULLI, MidpointSelection.Share.BATCH, MidpointNoise.SPARSE,
                Ddpm.Variance.SMALL, OptionalInt.empty());
    }
}
