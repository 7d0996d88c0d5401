#!/usr/bin/env bash
# Runs every test of DiffLab on a fresh machine: installs a JDK 17 and Maven from Debian if they are missing,
# then builds all modules and runs their tests on the embedded CPU engine (nothing is downloaded at run time
# beyond Maven's own dependency resolution).
set -euo pipefail
cd "$(dirname "$0")/.."

install_packages() {
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq "$@"; else sudo apt-get update -qq && sudo apt-get install -y -qq "$@"; fi
}

java_major() { java -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print v[1]}'; }

if ! command -v java >/dev/null 2>&1 || [ "$(java_major)" -lt 17 ]; then install_packages openjdk-17-jdk-headless; fi
if ! command -v mvn >/dev/null 2>&1; then install_packages maven; fi

mvn -B -ntp verify "$@"
