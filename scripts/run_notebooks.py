"""Executes Jupyter notebooks headless with nbclient and checks what they show.

Each notebook runs in its own directory with the given kernel; a cell that throws fails the run (nbclient raises
CellExecutionError). A kernel that does not answer at start-up (rapaio-jupyter-kernel 3.0.1 now and then misses the
first requests) or dies before the first cell has run is started again, at most five times; the kernel log keeps
every attempt. The executed notebook is written to --out even when it fails,
so the failing cell can be read there, with the kernel's own output in NAME.kernel.log beside it; a notebook that
runs through is also written as NAME.html, to look at in a browser. Afterwards every notebook must hold at least one image/png and one text/html
output and no error output. Notebooks run --jobs at a time (default 2: a 2-core machine's cores; each kernel uses one
intra-op thread), each in a process of its own with its own kernel. Exit code 0 when all pass, 1 otherwise.
"""
import argparse
import concurrent.futures
import multiprocessing
import atexit
import os
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter
from nbclient.exceptions import CellExecutionError, CellTimeoutError

START_ATTEMPTS = 5  # measured here: 1 to 2 starts in 12 miss; five misses in a row: under 1 in 1,000
STARTUP_TIMEOUT = 30  # seconds a kernel has to answer kernel_info at start-up (jupyter_client asks again every second)


def execute(path, out_dir, kernel, cell_timeout, startup_timeout, start_lock):
    """Runs one notebook; returns (seconds, error message or None). A kernel that does not answer at start-up, or dies
    before the notebook's first cell has run, is started again (START_ATTEMPTS in all); a cell that throws or times out
    fails the notebook at once. Replies are matched to their requests by nbclient (parent_header.msg_id). Kernels start
    one at a time (start_lock, held until the kernel answers): two kernels started at once were given the same free
    port (ZMQException: Address already in use)."""
    out = os.path.join(out_dir, os.path.basename(path))
    log_path = os.path.splitext(out)[0] + ".kernel.log"
    open(log_path, "w").close()
    start = time.monotonic()
    for attempt in range(1, START_ATTEMPTS + 1):
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(nb, kernel_name=kernel, timeout=cell_timeout, startup_timeout=startup_timeout,
                                resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
        try:
            with open(log_path, "a") as log:
                log.write(f"--- kernel start, attempt {attempt}\n")
                log.flush()
                with start_lock:
                    client.km = client.create_kernel_manager()
                    client.start_new_kernel(stdout=log, stderr=log)
                    client.start_new_kernel_client()
                client.execute()
            nbformat.write(nb, out)
            html, _ = HTMLExporter().from_notebook_node(nb)
            with open(os.path.splitext(out)[0] + ".html", "w") as f:
                f.write(html)
            return time.monotonic() - start, None
        except (CellExecutionError, CellTimeoutError) as e:
            nbformat.write(nb, out)
            return time.monotonic() - start, str(e)
        except RuntimeError as e:
            atexit.unregister(client._cleanup_kernel)  # nbclient's exit hook fails on a kernel that never started
            ran = any(c.get("execution_count") for c in nb.cells if c.get("cell_type") == "code")
            if not ran and attempt < START_ATTEMPTS:
                print(f"  {os.path.basename(path)}: kernel did not start ({e}; attempt {attempt}), starting it again", flush=True)
                continue
            nbformat.write(nb, out)
            return time.monotonic() - start, f"kernel {kernel}: {e}"


def shown_types(path):
    """The MIME types of all outputs of an executed notebook, and its error outputs."""
    nb = nbformat.read(path, as_version=4)
    types, errors = set(), []
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            types.update(o.get("data", {}).keys())
            if o.get("output_type") == "error":
                errors.append(f"{o.get('ename')}: {o.get('evalue')}")
    return types, errors


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--kernel", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--cell-timeout", type=int, default=600)
    p.add_argument("--startup-timeout", type=int, default=STARTUP_TIMEOUT)
    p.add_argument("--jobs", type=int, default=int(os.environ.get("DIFFLAB_NOTEBOOK_JOBS", "2")),
                   help="notebooks run at a time (default 2, or DIFFLAB_NOTEBOOK_JOBS)")
    p.add_argument("notebooks", nargs="+")
    a = p.parse_args()
    os.makedirs(a.out, exist_ok=True)
    failed = []
    total = time.monotonic()
    with multiprocessing.Manager() as manager, concurrent.futures.ProcessPoolExecutor(max_workers=a.jobs) as pool:
        start_lock = manager.Lock()
        runs = {pool.submit(execute, path, a.out, a.kernel, a.cell_timeout, a.startup_timeout, start_lock): path for path in a.notebooks}
        for done in concurrent.futures.as_completed(runs):
            name = os.path.basename(runs[done])
            seconds, error = done.result()
            if error is None:
                types, errors = shown_types(os.path.join(a.out, name))
                missing = [t for t in ("image/png", "text/html") if t not in types]
                if missing or errors:
                    error = f"shows no {' and no '.join(missing)} output" if missing else f"error outputs: {errors}"
            print(f"{name}: {'ok' if error is None else 'FAILED'} in {seconds:.1f} s", flush=True)
            if error is not None:
                print(f"  {error}", file=sys.stderr, flush=True)
                failed.append(name)
    print(f"notebooks: {len(a.notebooks) - len(failed)} of {len(a.notebooks)} passed in {time.monotonic() - total:.1f} s; "
          f"executed copies in {a.out}/", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
