"""Interrupts a long DiffLab run in a live Jupyter kernel and checks that the kernel stays usable.

Starts the given kernel with jupyter_client, as a notebook server does, runs a DDIM run of 2,000,000 steps, asks for an
interrupt after --after seconds (KernelManager.interrupt_kernel: the kernelspec's interrupt_mode decides between SIGINT
and an interrupt_request message), and then requires:
  1. the interrupted cell ends, within --within seconds, with DiffLab's RunInterruptedException message;
  2. the same kernel then evaluates a cell that writes a file and returns 40 + 2, and a short DiffLab run.
Every reply is matched to its request (parent_header.msg_id), so late answers to the start-up's repeated
kernel_info_requests are skipped. Prints what it measured; exit code 0 when all hold, 1 otherwise.
"""
import argparse
import os
import queue
import sys
import tempfile
import time

from jupyter_client.manager import start_new_kernel

from run_notebooks import START_ATTEMPTS, STARTUP_TIMEOUT

IMPORTS = ("import org.difflab.dsl.*; import org.difflab.dsl.integrator.*; import org.difflab.dsl.grid.*; "
           "import org.difflab.dsl.schedule.*; import org.difflab.dsl.target.*;")
LONG_RUN = ("Diffusion.sampler().schedule(Schedules.vp()).target(Targets.gaussian(2, 0, 1)).integrator(Integrators.ddim())"
            ".grid(Grids.uniform(2000000)).seed(1).sample(16)")
SHORT_RUN = ("Diffusion.sampler().schedule(Schedules.vp()).target(Targets.gaussian(2, 0, 1)).integrator(Integrators.ddim())"
             ".grid(Grids.uniform(10)).seed(1).sample(16).size()")


def text(content):
    """What an iopub output shows, as text (rapaio sends results as text/html only)."""
    if "ename" in content:
        return f"{content['ename']}: {content['evalue']}"
    if "text" in content:
        return content["text"]
    data = content.get("data", {})
    return data.get("text/plain") or data.get("text/html") or ""


def shell_reply(kc, msg_id, timeout):
    """The shell reply to msg_id, or None after timeout. Shell messages that answer other requests are skipped: a kernel
    that missed its first kernel_info_request answers the repeated ones late, and those replies wait in the shell queue."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            m = kc.get_shell_msg(timeout=0.2)
        except queue.Empty:
            continue
        if m["parent_header"].get("msg_id") == msg_id:
            return m
        print(f"(skipped a late {m['msg_type']} to an earlier request)", flush=True)
    return None


def reply(kc, msg_id, timeout):
    """(status, what the cell showed) once the kernel goes idle after msg_id and answers it on the shell channel;
    (None, shown so far) after timeout."""
    end = time.monotonic() + timeout
    shown = []
    while time.monotonic() < end:
        try:
            m = kc.get_iopub_msg(timeout=0.2)
        except queue.Empty:
            continue
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        if m["msg_type"] in ("error", "execute_result", "display_data", "stream"):
            shown.append(text(m["content"]).strip())
        elif m["msg_type"] == "status" and m["content"].get("execution_state") == "idle":
            r = shell_reply(kc, msg_id, max(min(10.0, timeout), end - time.monotonic()))
            if r is None:
                return None, " | ".join(shown)
            return r["content"].get("status", "(no status)"), " | ".join(shown)
    return None, " | ".join(shown)


def start(kernel, log):
    """Starts the kernel, again when it does not answer or dies at start-up (rapaio-jupyter-kernel 3.0.1 now and then
    misses its first requests); start_new_kernel shuts a kernel that did not answer down before raising."""
    for attempt in range(1, START_ATTEMPTS + 1):
        log.write(f"--- kernel start, attempt {attempt}\n")
        log.flush()
        try:
            return start_new_kernel(kernel_name=kernel, startup_timeout=STARTUP_TIMEOUT, stdout=log, stderr=log)
        except RuntimeError as e:
            if attempt == START_ATTEMPTS:
                raise
            print(f"kernel did not start ({e}), starting it again", flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kernel", default="difflab")
    ap.add_argument("--after", type=float, default=5.0, help="seconds the long run runs before the interrupt")
    ap.add_argument("--within", type=float, default=20.0, help="seconds the interrupted cell may take to end")
    ap.add_argument("--log", default=None, help="file for the kernel's own output")
    args = ap.parse_args()

    if args.log:
        os.makedirs(os.path.dirname(os.path.abspath(args.log)), exist_ok=True)
    log = open(args.log or os.devnull, "w")
    km, kc = start(args.kernel, log)
    failures = []
    try:
        status, shown = reply(kc, kc.execute(IMPORTS), 120)
        if status != "ok":
            failures.append(f"imports: {status} {shown}")
        long_id = kc.execute(LONG_RUN)
        time.sleep(args.after)
        asked = time.monotonic()
        km.interrupt_kernel()
        status, shown = reply(kc, long_id, args.within)
        stopped = time.monotonic() - asked
        if status is None:
            failures.append(f"the interrupted cell did not end within {args.within:.0f} s")
        else:
            print(f"interrupt: the cell ended {stopped:.2f} s after the interrupt, status {status}: {shown[:300]}")
            if status != "error" or "was interrupted after step" not in shown:
                failures.append(f"the interrupted cell ended with {status} and {shown[:300]!r}, not DiffLab's RunInterruptedException")

        marker = os.path.join(tempfile.mkdtemp(prefix="difflab-interrupt-"), "alive.txt")
        status, shown = reply(kc, kc.execute(
            f'java.nio.file.Files.writeString(java.nio.file.Path.of("{marker}"), "alive"); 40 + 2'), 60)
        alive = os.path.exists(marker)
        print(f"after the interrupt: the next cell {status}, shows {shown!r}, wrote its file: {alive}")
        if status != "ok" or shown != "42" or not alive:
            failures.append("the kernel did not evaluate the next cell")
        status, shown = reply(kc, kc.execute(SHORT_RUN), 60)
        print(f"after the interrupt: a 10-step run of 16 samples {status}, shows {shown!r}")
        if status != "ok" or shown != "16":
            failures.append("the kernel did not run a DiffLab run after the interrupt")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
        log.close()
    for f in failures:
        print(f"FAILED: {f}", file=sys.stderr)
    print("kernel interrupt: " + ("FAILED" if failures else "the run stopped and the kernel stays usable"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
