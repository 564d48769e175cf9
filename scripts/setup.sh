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

# The SARIF validator the tests run (npm's @microsoft/sarif-multitool, a
# self-contained .NET tool), into the build directory.
VALIDATOR=build/sarif-validator/node_modules/.bin/sarif-multitool
if [ ! -x "$VALIDATOR" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "corolint setup: installing nodejs npm"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nodejs npm >/dev/null
  fi
  npm install --silent --no-audit --no-fund --prefix build/sarif-validator \
    @microsoft/sarif-multitool@5.7.0 >/dev/null
  # npm may skip the package's install script, which only does this.
  chmod u+x build/sarif-validator/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
fi
