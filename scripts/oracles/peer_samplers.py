"""Independent numpy oracle for DiffLab's peers' samplers (dpm2, lms, ipndm, unipc) on a 1-D Gaussian.

Written from the papers' update rules (Lu et al. 2022, Algorithm 1; Karras et al. 2022 / Crowson's linear multistep;
Zhang & Chen 2023, iPNDM; Zhao et al. 2023, UniPC), not from any library's code. Variables are k-diffusion's: y = x/alpha
and s = sigma/alpha; data N(m, v) gives the exact noise prediction eps(y, s) = s (y - m) / (v + s^2) and the exact
probability-flow solution y(s) = m + (y0 - m) sqrt((v + s^2) / (v + s0^2)).

Run: python3 scripts/oracles/peer_samplers.py   (prints the final y of each sampler and its error against the exact
solution for a few step counts, on a grid geometric in s (uniform in log-SNR) and on one uniform in s).
"""
import numpy as np

M, V = 1.0, 0.05
S_MAX, S_MIN = 80.0, 0.002


def eps(y, s):
    return s * (y - M) / (V + s * s)


def exact(y0, s0, s1):
    return M + (y0 - M) * np.sqrt((V + s1 * s1) / (V + s0 * s0))


def dpm2(y, s):
    """DPM-Solver-2, r = 1/2 (midpoint in log s); Euler on a step to s = 0."""
    for a, b in zip(s[:-1], s[1:]):
        e = eps(y, a)
        if b == 0:
            y = y + (b - a) * e
            continue
        mid = np.sqrt(a * b)
        u = y + (mid - a) * e
        y = y + (b - a) * eps(u, mid)
    return y


def lagrange_integral(nodes, j, a, b):
    """Integral over [a, b] of the Lagrange basis polynomial of node j (exact polynomial integration)."""
    others = [n for k, n in enumerate(nodes) if k != j]
    p = np.poly1d([1.0])
    for n in others:
        p = p * np.poly1d([1.0, -n]) / (nodes[j] - n)
    q = p.integ()
    return q(b) - q(a)


def lms(y, s, order=4):
    hist = []
    for i, (a, b) in enumerate(zip(s[:-1], s[1:])):
        hist.insert(0, eps(y, a))
        hist = hist[:order]
        nodes = [s[i - j] for j in range(len(hist))]
        y = y + sum(lagrange_integral(nodes, j, a, b) * hist[j] for j in range(len(hist)))
    return y


IPNDM = [[1.0], [1.5, -0.5], [23 / 12, -16 / 12, 5 / 12], [55 / 24, -59 / 24, 37 / 24, -9 / 24]]


def ipndm(y, s):
    hist = []
    for a, b in zip(s[:-1], s[1:]):
        hist.insert(0, eps(y, a))
        hist = hist[:4]
        c = IPNDM[len(hist) - 1]
        y = y + (b - a) * sum(cj * e for cj, e in zip(c, hist))
    return y


def geometric(n):
    return np.exp(np.linspace(np.log(S_MAX), np.log(S_MIN), n + 1))


def uniform(n):
    return np.linspace(S_MAX, S_MIN, n + 1)


REFERENCE_START = 1.0 + 0.5 * S_MAX


def reference_grid():
    """The grid of PeerSamplersOracleTest: 10 steps geometric in s from 80 to 0.002, then the step to s = 0."""
    return np.append(geometric(10), 0.0)


if __name__ == "__main__":
    print("reference (PeerSamplersOracleTest): y0 = %r, 10 geometric steps then s = 0" % REFERENCE_START)
    for name, f in (("dpm2", dpm2), ("lms", lms), ("lms:order=2", lambda y, s: lms(y, s, 2)), ("ipndm", ipndm)):
        print("  %-12s %.17g" % (name, f(REFERENCE_START, reference_grid())))
    y0 = REFERENCE_START
    for grid in (geometric, uniform):
        print(grid.__name__)
        for name, f in (("dpm2", dpm2), ("lms", lms), ("ipndm", ipndm)):
            errs = []
            ns = (20, 40, 80, 160, 320)
            for n in ns:
                s = grid(n)
                errs.append(abs(f(y0, s) - exact(y0, s[0], s[-1])))
            slopes = [np.log2(errs[k] / errs[k + 1]) for k in range(len(errs) - 1)]
            print(f"  {name:6s} errors {' '.join(f'{e:.3e}' for e in errs)}  local slopes {' '.join(f'{x:.2f}' for x in slopes)}")
