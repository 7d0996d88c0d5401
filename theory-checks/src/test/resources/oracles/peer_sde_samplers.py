"""Independent oracle for DiffLab's stochastic peer samplers: the output law (mean, variance) of each sampler's
update, written from its paper, on 1-D data N(M, V) with the exact denoiser, in k-diffusion's variables
(alpha = 1, sigma = t: the EDM schedule). Every update is affine in the state and the draws, so the law is
propagated exactly: y ~ N(mean, var) -> a y + b + c z with z ~ N(0, 1) independent.
Run: python3 peer_sde_samplers.py (numpy only). PeerStochasticOracleTest holds DiffLab's exact evaluation to these.
"""
import numpy as np

M, V = 0.7, 0.3


def denoiser_gain(s):
    """D(y; s) = M + g (y - M) with g = V / (V + s^2): the exact posterior mean of N(M, V) data."""
    return V / (V + s * s)


def edm_stochastic(sigmas, mean, var, churn, tmin, tmax, s_noise, largest):
    """Karras et al. 2022, Algorithm 2 (Heun with churn; Euler on the step to sigma = 0).
    DiffLab's convention: the churned level is cut to the schedule's largest level `largest`."""
    n = len(sigmas) - 1
    gamma = min(churn / n, np.sqrt(2) - 1)
    for i in range(n):
        s, s1 = sigmas[i], sigmas[i + 1]
        g = min(gamma, largest / s - 1) if tmin <= s <= tmax else 0.0
        sh = (1 + g) * s
        c = s_noise * np.sqrt(sh * sh - s * s)
        var = var + c * c                       # y_hat = y + c z
        # d = (y_hat - D(y_hat; sh)) / sh = k0 (y_hat - M)
        k0 = (1 - denoiser_gain(sh)) / sh
        a = 1 + (s1 - sh) * k0                  # Euler: y1 - M = a (y_hat - M)
        if s1 > 0:
            k1 = (1 - denoiser_gain(s1)) / s1
            a = 1 + (s1 - sh) * 0.5 * (k0 + k1 * a)
        mean = M + a * (mean - M)
        var = a * a * var
    return mean, var


class Affine:
    """A state as c + sum_k a_k z_k over independent standard normals z_0 (the start) and one z per draw."""

    def __init__(self, const, coeffs):
        self.c, self.a = const, np.asarray(coeffs, dtype=float)

    def lin(self, w, other=None, v=0.0, shift=0.0):
        """w self + v other + shift."""
        a = w * self.a
        c = w * self.c + shift
        if other is not None:
            n = max(len(a), len(other.a))
            a = np.pad(a, (0, n - len(a))) + v * np.pad(other.a, (0, n - len(other.a)))
            c += v * other.c
        return Affine(c, a)

    def draw(self, scale):
        """self + scale z_new."""
        return Affine(self.c, np.append(self.a, scale))

    def law(self):
        return self.c, float(np.sum(self.a ** 2))


def denoised(x, s):
    return x.lin(denoiser_gain(s), shift=(1 - denoiser_gain(s)) * M)


def dpmpp_3m_sde(sigmas, start_mean, start_var, eta):
    """DPM-Solver++(3M) SDE (k-diffusion's sample_dpmpp_3m_sde; Lu et al. 2022): first step first order, second
    second order, then third; the step to sigma = 0 returns the denoised state."""
    x = Affine(start_mean, [np.sqrt(start_var)])
    back1 = back2 = None
    h1 = h2 = None
    for i in range(len(sigmas) - 1):
        s, s1 = sigmas[i], sigmas[i + 1]
        d = denoised(x, s)
        if s1 == 0:
            x = d
            break
        h = np.log(s) - np.log(s1)
        he = (1 + eta) * h
        phi2 = np.expm1(-he) / he + 1
        new = x.lin(np.exp(-he), d, -np.expm1(-he))
        if back2 is not None:
            r0, r1 = h1 / h, h2 / h
            d10 = d.lin(1 / r0, back1, -1 / r0)
            d11 = back1.lin(1 / r1, back2, -1 / r1)
            dd1 = d10.lin(1 + r0 / (r0 + r1), d11, -r0 / (r0 + r1))
            dd2 = d10.lin(1 / (r0 + r1), d11, -1 / (r0 + r1))
            new = new.lin(1, dd1, phi2).lin(1, dd2, -(phi2 / he - 0.5))
        elif back1 is not None:
            new = new.lin(1, d.lin(1 / (h1 / h), back1, -1 / (h1 / h)), phi2)
        if eta > 0:
            new = new.draw(s1 * np.sqrt(-np.expm1(-2 * eta * h)))
        x = new
        back2, back1 = back1, d
        h2, h1 = h1, h
    return x.law()


def ancestral_step(s_from, s_to, eta):
    """k-diffusion's split of a step into sigma_down and sigma_up (eta = 1: the DDPM posterior's noise)."""
    if eta == 0 or s_to == 0:
        return s_to, 0.0
    up = min(s_to, eta * np.sqrt(s_to ** 2 * (s_from ** 2 - s_to ** 2) / s_from ** 2))
    return np.sqrt(s_to ** 2 - up ** 2), up


def ancestral(sigmas, mean, var, eta, singlestep_plus_plus):
    """DPM-Solver-2 (midpoint in log sigma, eps form; Lu et al. 2022 Algorithm 1, r = 1/2) or DPM-Solver++(2S) (data
    form, Lu et al. 2022 DPM-Solver++ Algorithm 1) to sigma_down, then noise sigma_up; Euler when sigma_down = 0."""
    for i in range(len(sigmas) - 1):
        s = sigmas[i]
        down, up = ancestral_step(s, sigmas[i + 1], eta)
        # every map is y - M -> a (y - M), from D(y; s) - M = g(s) (y - M)
        if down == 0:
            a = denoiser_gain(s)
        elif singlestep_plus_plus:
            h = np.log(s) - np.log(down)
            sm = s * np.exp(-h / 2)
            a_mid = sm / s + (1 - np.exp(-h / 2)) * denoiser_gain(s)
            a = down / s + (1 - np.exp(-h)) * denoiser_gain(sm) * a_mid
        else:
            sm = np.sqrt(s * down)
            k0 = (1 - denoiser_gain(s)) / s            # eps = (y - D)/s = k (y - M)
            a_mid = 1 + (sm - s) * k0
            a = 1 + (down - s) * (1 - denoiser_gain(sm)) / sm * a_mid
        mean = M + a * (mean - M)
        var = a * a * var + up * up
    return mean, var


def dpmpp_sde(sigmas, start_mean, start_var, eta, correlated=True):
    """k-diffusion's sample_dpmpp_sde (r = 1/2): an ancestral substep to the midpoint sigma_s = sqrt(sigma sigma_next)
    with noise z1, then the whole step from the midpoint's denoised value with noise z2; z1, z2 the normalised increments
    of one Brownian motion in sigma over [sigma_s, sigma] and [sigma_next, sigma] (correlated=False: independent)."""
    x = Affine(start_mean, [np.sqrt(start_var)])
    for i in range(len(sigmas) - 1):
        s, s1 = sigmas[i], sigmas[i + 1]
        d = denoised(x, s)
        if s1 == 0:
            return d.law()
        sm = np.sqrt(s * s1)
        down1, up1 = ancestral_step(s, sm, eta)
        down2, up2 = ancestral_step(s, s1, eta)
        n = len(x.a)
        a_idx, b_idx = n, n + 1                      # two fresh draws per step
        x_mid = x.lin(down1 / s, d, 1 - down1 / s)
        x_mid = Affine(x_mid.c, np.pad(x_mid.a, (0, 2)))
        x_mid.a[a_idx] += up1
        d2 = denoised(x_mid, sm)
        new = x.lin(down2 / s, d2, 1 - down2 / s)
        new = Affine(new.c, np.pad(new.a, (0, 2 + n - len(new.a)) if len(new.a) < n + 2 else (0, 0)))
        if correlated:
            span = np.sqrt(s - s1)
            new.a[a_idx] += up2 * np.sqrt(s - sm) / span
            new.a[b_idx] += up2 * np.sqrt(sm - s1) / span
        else:
            new.a[b_idx] += up2
        x = new
    return x.law()


if __name__ == "__main__":
    np.set_printoptions(precision=17)
    grid = [70.0, 40.0, 10.0, 3.0, 1.0, 0.3, 0.06, 0.01, 0.0]
    start_mean, start_var = 0.2, 70.0 ** 2 + V
    for label, args in [("edmStochastic:churn=10,tmin=0.05,tmax=inf,noise=1.003", (10, 0.05, np.inf, 1.003)),
                        ("edmStochastic:churn=0", (0, 0.05, 50, 1.0))]:
        m, v = edm_stochastic(grid, start_mean, start_var, *args, largest=80.0)
        print(f"{label}: mean {float(m)!r} variance {float(v)!r}")
    for name, plus in (("dpm2Ancestral", False), ("dpmSolverPP2SAncestral", True)):
        for eta in (1.0, 0.0, 1.5):
            m, v = ancestral(grid, start_mean, start_var, eta, plus)
            print(f"{name}:eta={eta}: mean {float(m)!r} variance {float(v)!r}")
    for eta in (1.0, 0.0):
        m, v = dpmpp_sde(grid[:-1], start_mean, start_var, eta)
        print(f"dpmSolverPPSde:eta={eta} (grid ending at sigma 0.01): mean {float(m)!r} variance {float(v)!r}")
    for eta in (1.0, 0.5, 0.0):
        m, v = dpmpp_3m_sde(grid, start_mean, start_var, eta)
        print(f"dpmSolverPP3MSde:eta={eta}: mean {float(m)!r} variance {float(v)!r}")
