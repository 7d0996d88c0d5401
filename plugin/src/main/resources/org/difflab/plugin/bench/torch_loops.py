"""Plain eager PyTorch loops of the updates RawLoops writes in DJL (ddim with eta = 0, ddpm with large variance, heun),
on the same grid (the alphas and sigmas come from DiffLab) and the same one-multiplication model eps = c(t) x, so that
`difflab bench` can time DiffLab against what a researcher writes in PyTorch. Part of DiffLab (written for it).

Protocol on stdin/stdout, one line each way: the first reply is "ready <torch version>" (or "error <reason>");
each request "<integrator> <batch> <dim> <variance> <seed> <steps> <alpha_0> .. <alpha_steps> <sigma_0> .. <sigma_steps>"
is answered by the seconds of one run (initial draw included, as in DiffLab's timings), or "error <reason>".
"""
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
    alphas, sigmas = numbers[:steps + 1], numbers[steps + 1:]

    def eps(x, i):
        a, s = alphas[i], sigmas[i]
        return x * (s / (a * a * variance + s * s))

    torch.manual_seed(seed)
    start = time.perf_counter()
    x = torch.randn(batch, dim)
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
        else:
            raise ValueError("integrator %s is not written here" % integrator)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
