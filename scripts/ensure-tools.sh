#!/usr/bin/env bash
# Installs a JDK 17 and Maven from Debian's packages when they are missing (sourced by ./difflab and scripts/test.sh).
install_packages() {
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq "$@"; else sudo apt-get update -qq && sudo apt-get install -y -qq "$@"; fi
}

java_major() { java -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print v[1]}'; }

if ! command -v java >/dev/null 2>&1 || [ "$(java_major)" -lt 17 ]; then install_packages openjdk-17-jdk-headless >&2; fi
if ! command -v mvn >/dev/null 2>&1; then install_packages maven >&2; fi
