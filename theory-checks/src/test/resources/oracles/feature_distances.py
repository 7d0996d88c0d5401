#!/usr/bin/env python3
"""Independent oracle for FrechetDistanceTest, KernelDistanceTest and FeatureDifferenceTest (DiffLab, issue 23).

Draws three seeded Gaussian feature sets with numpy, writes them to feature_distances.csv beside this script (one row
per sample: set name, then the features, each double printed with repr so Java reads the same bits), and prints
  - the Frechet distance |mu1 - mu2|^2 + tr(S1 + S2 - 2 (S1^1/2 S2 S1^1/2)^1/2) of the fitted Gaussians (np.cov,
    n - 1 denominator), the matrix square roots taken with numpy's eigh (Heusel et al. 2017, FID's formula);
  - the same FD written the other way, tr((S1 S2)^1/2) from the eigenvalues of the non-symmetric S1 S2, as a check;
  - the unbiased MMD^2 with the cubic polynomial kernel k(x, y) = (x.y / d + 1)^3 (Binkowski et al. 2018, KID);
  - the closed-form FD between the two generating Gaussians;
  - the differences of two "samplers'" distances to one reference, fd(a, b) - fd(c, b) and kd(a, b) - kd(c, b), with
    b the reference and c drawn halfway between a's and b's laws (mean (mean_a + mean_b) / 2, covariance cov_b).
Run: python3 feature_distances.py  (numpy only). The tests hold the printed values.
"""
import os

import numpy as np

D = 5
rng = np.random.default_rng(20261206)
mean_a = np.zeros(D)
mean_b = np.array([0.5, -0.25, 0.0, 1.0, 0.125])
factor_a = rng.normal(size=(D, D)) / np.sqrt(D)
factor_b = rng.normal(size=(D, D)) / np.sqrt(D) + 0.5 * np.eye(D)
cov_a = factor_a @ factor_a.T + 0.1 * np.eye(D)
cov_b = factor_b @ factor_b.T + 0.1 * np.eye(D)
a = rng.multivariate_normal(mean_a, cov_a, size=60)
b = rng.multivariate_normal(mean_b, cov_b, size=45)
c = rng.multivariate_normal((mean_a + mean_b) / 2, cov_b, size=60)


def sqrt_psd(m):
    w, v = np.linalg.eigh((m + m.T) / 2)
    return (v * np.sqrt(np.clip(w, 0, None))) @ v.T


def frechet(m1, s1, m2, s2):
    r = sqrt_psd(s1)
    inner = r @ s2 @ r
    w = np.linalg.eigvalsh((inner + inner.T) / 2)
    return float(np.sum((m1 - m2) ** 2) + np.trace(s1) + np.trace(s2) - 2 * np.sum(np.sqrt(np.clip(w, 0, None))))


def frechet_nonsymmetric(m1, s1, m2, s2):
    w = np.linalg.eigvals(s1 @ s2)
    return float(np.sum((m1 - m2) ** 2) + np.trace(s1) + np.trace(s2) - 2 * np.sum(np.sqrt(w.real.clip(0))))


def fd_of_sets(x, y):
    return frechet(x.mean(0), np.cov(x, rowvar=False), y.mean(0), np.cov(y, rowvar=False))


def kd_of_sets(x, y):
    d = x.shape[1]
    kxx = (x @ x.T / d + 1) ** 3
    kyy = (y @ y.T / d + 1) ** 3
    kxy = (x @ y.T / d + 1) ** 3
    m, n = len(x), len(y)
    return float((kxx.sum() - np.trace(kxx)) / (m * (m - 1)) + (kyy.sum() - np.trace(kyy)) / (n * (n - 1)) - 2 * kxy.mean())


out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "feature_distances.csv")
with open(out, "w") as f:
    for name, rows in (("a", a), ("b", b), ("c", c)):
        for row in rows:
            f.write(",".join([name] + [repr(float(v)) for v in row]) + "\n")
print("cov_a =", repr(cov_a.tolist()))
print("cov_b =", repr(cov_b.tolist()))
print("fd(a, b) =", repr(fd_of_sets(a, b)))
print("fd(a, b) nonsymmetric check =", repr(frechet_nonsymmetric(a.mean(0), np.cov(a, rowvar=False), b.mean(0), np.cov(b, rowvar=False))))
print("fd(a[:30], a[30:]) =", repr(fd_of_sets(a[:30], a[30:])))
print("kd(a, b) =", repr(kd_of_sets(a, b)))
print("kd(a[:30], a[30:]) =", repr(kd_of_sets(a[:30], a[30:])))
print("kd(a, a) =", repr(kd_of_sets(a, a)))
print("fd(N(mean_a, cov_a), N(mean_b, cov_b)) =", repr(frechet(mean_a, cov_a, mean_b, cov_b)))
print("fd check nonsymmetric =", repr(frechet_nonsymmetric(mean_a, cov_a, mean_b, cov_b)))
print("fd(c, b) =", repr(fd_of_sets(c, b)))
print("fd(a, b) - fd(c, b) =", repr(fd_of_sets(a, b) - fd_of_sets(c, b)))
print("kd(c, b) =", repr(kd_of_sets(c, b)))
print("kd(a, b) - kd(c, b) =", repr(kd_of_sets(a, b) - kd_of_sets(c, b)))
