package org.difflab.plugin.cli;

import static java.util.Map.entry;

import java.util.Map;

/**
 * The names under which k-diffusion ({@code k_diffusion/sampling.py}) and diffusers ({@code diffusers.schedulers})
 * offer the same method as a DiffLab sampler, for {@code difflab list}; docs/samplers.md's table "Names people know"
 * says how far each match was checked and is held to these names by {@code DocsAgreeWithCodeTest}.
 */
final class PeerNames {
    /** The peers' names of one sampler ("none" where the library has no such sampler). */
    record Peer(String kDiffusion, String diffusers) {
        /** k-diffusion's function alone, for a table cell ("-" where it has none; `difflab list NAME` shows both in full). */
        String kDiffusionFunction() {
            return kDiffusion.startsWith("none") ? "-" : kDiffusion.split("[ ;]")[0];
        }
    }

    private static final Peer NONE = new Peer("none", "none");

    // a table of names, one entry a sampler (alike in form, each its own data)
    private static final Map<String, Peer> BY_NAME = Map.ofEntries(
            entry("ddim", new Peer("sample_euler (eta = 0, no churn); sample_euler_ancestral (ddim:eta=1)",
                    "DDIMScheduler; EulerDiscreteScheduler (eta = 0)")),
            entry("ddpm", new Peer("sample_euler_ancestral (variance=small, = ddim:eta=1)",
                    "DDPMScheduler (fixed_small = variance=small, fixed_large = variance=large); EulerAncestralDiscreteScheduler")),
            entry("eulerMaruyama", new Peer("none", "ScoreSdeVpScheduler (deprecated)")),
            entry("heun", new Peer("sample_heun (no churn)", "HeunDiscreteScheduler")),
            entry("dpmSolverPP2M", new Peer("sample_dpmpp_2m", "DPMSolverMultistepScheduler (algorithm_type=\"dpmsolver++\", solver_order=2)")),
            entry("dpmSolverPP2MSde", new Peer("sample_dpmpp_2m_sde (solver_type=\"midpoint\")",
                    "DPMSolverMultistepScheduler (algorithm_type=\"sde-dpmsolver++\")")),
            entry("dpm2", new Peer("sample_dpm_2", "KDPM2DiscreteScheduler")),
            entry("lms", new Peer("sample_lms (order = 4)", "LMSDiscreteScheduler (order = 4)")),
            entry("ipndm", new Peer("sample_ipndm (max_order = 4)", "IPNDMScheduler")),
            entry("unipc", new Peer("none", "UniPCMultistepScheduler (solver_order = order, solver_type = variant, predict_x0=True)")),
            entry("deis", new Peer("none", "DEISMultistepScheduler (algorithm_type=\"deis\", solver_order = order)")),
            entry("edmStochastic", new Peer("sample_heun (s_churn > 0; s_tmin, s_tmax, s_noise)",
                    "KarrasVeScheduler (deprecated); EulerDiscreteScheduler's s_churn is the Euler form")),
            entry("dpmSolverPP3MSde", new Peer("sample_dpmpp_3m_sde",
                    "none (DPMSolverMultistepScheduler's third-order update has ODE branches only, in the versions read)")),
            entry("dpm2Ancestral", new Peer("sample_dpm_2_ancestral; sample_dpm_2 (eta = 0)", "KDPM2AncestralDiscreteScheduler")),
            entry("dpmSolverPP2SAncestral", new Peer("sample_dpmpp_2s_ancestral", "none (DPMSolverSinglestepScheduler has no ancestral noise)")),
            entry("dpmSolverPPSde", new Peer("sample_dpmpp_sde (r = 1/2)", "DPMSolverSDEScheduler")),
            entry("probabilityFlowEuler", new Peer("none (k-diffusion's Euler is ddim)", "none")),
            entry("paradigms", new Peer("none", "StableDiffusionParadigmsPipeline with DDPMParallelScheduler / DDIMParallelScheduler")));

    private PeerNames() {}

    /** The peers' names of the sampler registered as {@code name}. */
    static Peer of(String name) {
        return BY_NAME.getOrDefault(name, NONE);
    }
}
