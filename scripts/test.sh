#!/usr/bin/env bash
# Runs every test of DiffLab on a fresh machine: installs a JDK 17 and Maven from Debian if they are missing,
# then builds all modules and runs their tests on the embedded CPU engine (nothing is downloaded at run time
# beyond Maven's own dependency resolution), then executes the research notebooks headless (scripts/notebooks.sh:
# installs Debian's Jupyter packages if missing; a cell that throws fails the run).
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/ensure-tools.sh

mvn -B -ntp verify "$@"
scripts/notebooks.sh
