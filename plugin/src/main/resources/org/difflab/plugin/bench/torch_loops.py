"""Plain eager PyTorch loops of the updates RawLoops writes in DJL (ddim with eta = 0, ddpm with large variance, heun,
probabilityFlowEuler, dpmSolverPP2M, liOde, liDdpm), on the same grid (alpha, sigma, t, drift and g^2 come from DiffLab) and the same one-multiplication model eps = c(t) x, so that
`difflab bench` can time DiffLab against what a researcher writes in PyTorch. Part of DiffLab (written for it).

Protocol on stdin/stdout, one line each way: the first reply is "ready <torch version>" (or "error <reason>");
each request "<integrator> <batch> <dim> <variance> <seed> <steps>" followed by five columns of steps + 1 numbers each,
alpha, sigma, t, drift f(t) and g(t)^2 at the grid points,
is answered by the seconds of one run (initial draw included, as in DiffLab's timings), or "error <reason>".
"""
import math
import sys
import time


def main():
    threads = int(sys.argv[1])
    try:
        import torch
    except Exception as e:  # no torch: the bench skips its column and says why
        print("error torch cannot be imported: %s" % e, flush=True)
        return
    torch.set_num_threads(threads)
    torch.set_grad_enabled(False)
    print("ready %s" % torch.__version__, flush=True)
    for line in sys.stdin:
        f = line.split()
        if not f:
            continue
        try:
            print("%.9f" % run(torch, f), flush=True)
        except Exception as e:
            print("error %s" % e, flush=True)


def run(torch, f):
    integrator, batch, dim, variance, seed, steps = f[0], int(f[1]), int(f[2]), float(f[3]), int(f[4]), int(f[5])
    numbers = [float(v) for v in f[6:]]
    n = steps + 1
    alphas, sigmas, times, drifts, g2s = (numbers[k * n:(k + 1) * n] for k in range(5))
    lambdas = [math.log(a / s) if s > 0 else math.inf for a, s in zip(alphas, sigmas)]

    def eps(x, i):
        a, s = alphas[i], sigmas[i]
        return x * (s / (a * a * variance + s * s))

    torch.manual_seed(seed)
    start = time.perf_counter()
    x = torch.randn(batch, dim)
    x0_prev = None
    for i in range(steps):
        a, s, ap, sp = alphas[i], sigmas[i], alphas[i + 1], sigmas[i + 1]
        if integrator == "ddim":
            e = eps(x, i)
            x0 = (x - e * s) / a
            x = x0 * ap + e * sp
        elif integrator == "ddpm":
            r = a / ap
            s2, sp2 = s * s, sp * sp
            beta = s2 - r * r * sp2
            e = eps(x, i)
            x0 = (x - e * s) / a
            nxt = x * (r * sp2 / s2) + x0 * (ap * beta / s2)
            x = nxt + torch.randn_like(x) * beta ** 0.5 if sp2 > 0 else nxt
        elif integrator == "heun":
            h = sp / ap - s / a
            y = x / a
            d = eps(x, i)
            y_next = y + d * h
            if sp > 0:
                d_next = eps(y_next * ap, i + 1)
                y_next = y + (d + d_next) * (0.5 * h)
            x = y_next * ap
        elif integrator == "probabilityFlowEuler":
            dt, f, c = times[i + 1] - times[i], drifts[i], 0.5 * g2s[i]
            score = eps(x, i) / -s
            velocity = score * -c if f == 0 else x * f - score * c
            x = x + velocity * dt
        elif integrator == "dpmSolverPP2M":
            x0 = (x - eps(x, i) * s) / a
            if sp == 0:
                x = x0 * ap
            else:
                h = lambdas[i + 1] - lambdas[i]
                d = x0
                if x0_prev is not None:
                    r = (lambdas[i] - lambdas[i - 1]) / h
                    d = x0 * (1 + 1 / (2 * r)) - x0_prev * (1 / (2 * r))
                x = x * (sp / s) + d * (-ap * math.expm1(-h))
            x0_prev = x0
        elif integrator in ("liOde", "liDdpm"):
            alpha = (a / ap) ** 2
            score = eps(x, i) / -s
            if integrator == "liOde":
                x = (x + score * ((1 - alpha) / 2)) / alpha ** 0.5
            else:
                x = (x + score * (1 - alpha) + torch.randn_like(x) * (1 - alpha) ** 0.5) / alpha ** 0.5
        else:
            raise ValueError("integrator %s is not written here" % integrator)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
