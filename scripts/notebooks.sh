#!/usr/bin/env bash
# Executes every research notebook in notebooks/ headless and checks the results: installs Debian's Jupyter packages
# when missing (jupyter-nbconvert, python3-nbclient, jupyter-client) and the fonts AWT draws plots with, installs
# DiffLab's kernel into target/jupyter (not the user's Jupyter), runs each notebook with nbclient (a cell that throws
# fails the run), writes the executed notebooks (and HTML copies) to target/notebooks/ and checks that they hold image/png and text/html
# outputs; then interrupts a long run in a live kernel and checks that the kernel stays usable
# (scripts/check_kernel_interrupt.py). Needs the built jars (mvn package or verify); scripts/test.sh calls it after the Maven build.
# Usage: [DIFFLAB_BUILD=DIR] scripts/notebooks.sh [NOTEBOOK.ipynb ...]   (default: notebooks/*.ipynb)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-tools.sh

# Debian's python and jupyter (python3 on PATH may be another interpreter without these modules)
py=/usr/bin/python3
if ! [ -x /usr/bin/jupyter-nbconvert ] || ! [ -x /usr/bin/jupyter-kernelspec ] || ! "$py" -c 'import nbclient, nbformat' 2>/dev/null; then
    install_packages jupyter-nbconvert python3-nbclient jupyter-client >&2
fi
if ! fc-list 2>/dev/null | grep -qi dejavu; then install_packages fontconfig fonts-dejavu-core >&2; fi

# the built jars: plugin/target, or a copy of its jar, lib/, spark/ and kernel/ named by DIFFLAB_BUILD (scripts/test.sh runs
# the notebooks on such a copy while Maven rebuilds plugin/target and runs the tests)
build="${DIFFLAB_BUILD:-plugin/target}"
jar="$(ls "$build"/plugin-*.jar 2>/dev/null | grep -v -- '-tests.jar$' | head -n 1 || true)"
if [[ -z "$jar" || ! -d "$build/lib" || ! -d "$build/spark" || ! -d "$build/kernel" ]]; then
    echo "notebooks: error: build DiffLab first (mvn package): $build has no plugin jar, lib/, spark/ or kernel/" >&2
    exit 2
fi

export JUPYTER_PATH="$PWD/target/jupyter/share/jupyter"
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
# the kernel's class path is this command's: DiffLab's jars and Spark's (notebook 09 runs a sweep on local[*])
java -Djava.awt.headless=true -cp "$jar:$build/lib/*:$build/spark/*" org.difflab.plugin.cli.DiffLabCommand \
    kernel install --prefix target/jupyter --name difflab

if [[ $# -eq 0 ]]; then set -- notebooks/*.ipynb; fi
status=0
"$py" scripts/run_notebooks.py --kernel difflab --out target/notebooks "$@" || status=$?
# an interrupt stops a long run and leaves the kernel usable (the kernel's own output: target/notebooks/interrupt.kernel.log);
# first the check's reply matching, on scripted messages
(cd scripts && "$py" -m unittest -q test_kernel_replies) || status=$?
"$py" -u scripts/check_kernel_interrupt.py --kernel difflab --log target/notebooks/interrupt.kernel.log || status=$?
exit "$status"
