#!/usr/bin/env bash
# Runs every test of DiffLab on a fresh machine: installs a JDK 17, Maven and Fashion-MNIST (dataset-fashion-mnist)
# from Debian if they are missing, builds all
# modules, then runs their tests on the embedded CPU engine (nothing is downloaded at run time beyond Maven's own
# dependency resolution) and, at the same time, executes the research notebooks headless (scripts/notebooks.sh:
# installs Debian's Jupyter packages if missing; a cell that throws fails the run).
# The notebooks run on a copy of the built jars (target/notebook-build) while Maven rebuilds plugin/target, so that the
# two stages share the machine's cores instead of running one after the other (docs/testing.md: measured layouts).
# Exit status: Maven's if it failed, else the notebooks'.
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/ensure-tools.sh
source scripts/ensure-data.sh

mvn -B -ntp -DskipTests package "$@"
build=target/notebook-build
rm -rf "$build" && mkdir -p "$build" target
cp -r plugin/target/plugin-*.jar plugin/target/lib plugin/target/spark plugin/target/kernel "$build"/
rm -f "$build"/plugin-*-tests.jar

notebook_log=target/notebooks.log
echo "notebooks: running beside the Maven tests; their output follows Maven's (and is in $notebook_log)"
# in a process group of their own, so that an interrupt of this script stops the kernels too
DIFFLAB_BUILD="$build" setsid scripts/notebooks.sh > "$notebook_log" 2>&1 &
notebooks=$!
trap 'kill -- -"$notebooks" 2>/dev/null || true; exit 130' INT TERM

maven_status=0
mvn -B -ntp verify "$@" || maven_status=$?
echo "---- notebooks (scripts/notebooks.sh; what they printed so far, then as it comes) ----"
tail -n +1 -f --pid="$notebooks" "$notebook_log"
notebook_status=0
wait "$notebooks" || notebook_status=$?
echo "---- notebooks: exit $notebook_status ----"
if [[ $maven_status -ne 0 ]]; then exit "$maven_status"; fi
exit "$notebook_status"
