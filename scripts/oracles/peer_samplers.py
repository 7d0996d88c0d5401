"""Independent numpy oracle for DiffLab's peers' samplers (dpm2, lms, ipndm, unipc) on a 1-D Gaussian.

Written from the papers' update rules (Lu et al. 2022, Algorithm 1; Karras et al. 2022 / Crowson's linear multistep;
Zhang & Chen 2023, iPNDM; Zhao et al. 2023, UniPC), not from any library's code. Variables are k-diffusion's: y = x/alpha
and s = sigma/alpha; data N(m, v) gives the exact noise prediction eps(y, s) = s (y - m) / (v + s^2) and the exact
probability-flow solution y(s) = m + (y0 - m) sqrt((v + s^2) / (v + s0^2)).

Run: python3 scripts/oracles/peer_samplers.py   (prints the final y of each sampler and its error against the exact
solution for a few step counts, on a grid geometric in s (uniform in log-SNR) and on one uniform in s).
"""
import math

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


def phi(k, z):
    """phi_k(z) = sum_j z^j / (j + k)!: phi_0 = e^z, phi_{k+1}(z) = (phi_k(z) - 1/k!) / z."""
    if abs(z) < 1:
        return sum(z ** j / math.factorial(j + k) for j in range(30))
    out = math.exp(z)
    for j in range(k):
        out = (out - 1 / math.factorial(j)) / z
    return out


def unipc_weights(r, h, variant):
    """a solving sum_m a_m r_m^(k-1) = k! phi_{k+1}(-h) (-h) / B(h), k = 1..len(r); a single difference takes a = 1/2."""
    if len(r) == 1:
        return [0.5]
    z = -h
    b_of = z if variant == "bh1" else math.expm1(z)
    rows = [[rm ** (k - 1) for rm in r] for k in range(1, len(r) + 1)]
    rhs = [math.factorial(k) * z * phi(k + 1, z) / b_of for k in range(1, len(r) + 1)]
    return list(np.linalg.solve(np.array(rows), np.array(rhs)))


def unipc(y, s, order=2, variant="bh2"):
    """UniPC in data prediction (Zhao et al. 2023): UniP-p predictor, UniC-p corrector with the next evaluation; alpha = 1."""
    lam = lambda sig: -math.log(sig)
    def update(x, k, d0, points, p_sig, variant):
        """x at s[k] to s[k+1] with x0 = d0 at s[k] and the extra points (sigma, x0) as differences."""
        h = lam(s[k + 1]) - lam(s[k])
        z = -h
        b_of = z if variant == "bh1" else math.expm1(z)
        out = s[k + 1] / s[k] * x - math.expm1(z) * d0
        if points:
            r = [(lam(ps) - lam(s[k])) / h for ps, _ in points]
            a = unipc_weights(r, h, variant)
            out -= b_of * sum(am * (pd - d0) / rm for am, rm, (ps, pd) in zip(a, r, points))
        return out
    x0s = []  # (sigma, x0), newest first
    prev = None  # (x corrected at s[k-1], k-1, number of points its predictor used)
    for i in range(len(s) - 1):
        d = (V * y + s[i] ** 2 * M) / (V + s[i] ** 2)
        if prev is not None:
            xc, k, p = prev
            older = x0s[1:p]
            y = update(xc, k, x0s[0][1], older + [(s[i], d)], None, variant)
        x0s.insert(0, (s[i], d))
        x0s = x0s[:order]
        if s[i + 1] == 0:
            y = d
            continue
        p = len(x0s)
        prev = (y, i, p)
        y = update(y, i, d, x0s[1:p], None, variant)
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
    for name, f in (("dpm2", dpm2), ("lms", lms), ("lms:order=2", lambda y, s: lms(y, s, 2)), ("ipndm", ipndm),
                    ("unipc:order=1", lambda y, s: unipc(y, s, 1)), ("unipc", unipc), ("unipc:order=3", lambda y, s: unipc(y, s, 3)),
                    ("unipc:variant=bh1", lambda y, s: unipc(y, s, 2, "bh1")),
                    ("unipc:order=3,variant=bh1", lambda y, s: unipc(y, s, 3, "bh1"))):
        print("  %-12s %.17g" % (name, f(REFERENCE_START, reference_grid())))
    y0 = REFERENCE_START
    for grid in (geometric, uniform):
        print(grid.__name__)
        for name, f in (("dpm2", dpm2), ("lms", lms), ("ipndm", ipndm), ("unipc1", lambda y, s: unipc(y, s, 1)),
                        ("unipc2", unipc), ("unipc3", lambda y, s: unipc(y, s, 3)), ("unipc2bh1", lambda y, s: unipc(y, s, 2, "bh1"))):
            errs = []
            ns = (20, 40, 80, 160, 320)
            for n in ns:
                s = grid(n)
                errs.append(abs(f(y0, s) - exact(y0, s[0], s[-1])))
            slopes = [np.log2(errs[k] / errs[k + 1]) for k in range(len(errs) - 1)]
            print(f"  {name:6s} errors {' '.join(f'{e:.3e}' for e in errs)}  local slopes {' '.join(f'{x:.2f}' for x in slopes)}")
