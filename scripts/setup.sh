#!/usr/bin/env bash
# Installs what corolint needs on Debian bookworm (as root, or with sudo)
# and builds it into build/. Sourced by example.sh and test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
PKGS="cmake ninja-build g++ python3 llvm-19-dev libclang-19-dev clang-19 libclang-rt-19-dev clang-tidy-19 clangd-19 llvm-19-tools libgtest-dev"
missing=""
for p in $PKGS; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
  echo "corolint setup: installing$missing"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build
