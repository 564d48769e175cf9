#!/usr/bin/env bash
# Installs the Debian bookworm packages corolint needs that are missing:
#   packages.sh example   what building corolint and running it on examples/ needs
#   packages.sh test      that, plus what the tests need: GoogleTest, lit and
#                         FileCheck, clang-tidy, clangd, the sanitizer runtimes,
#                         Node.js with npm for the SARIF validator, and Bazel
#                         (bazel-bootstrap) for the Bazel aspect's test
# Only apt-get runs as root, and only when something is missing: directly when
# this runs as root (a container, a CI image), through sudo otherwise.
set -euo pipefail

EXAMPLE_PACKAGES="cmake ninja-build g++ llvm-19-dev libclang-19-dev clang-19"
TEST_PACKAGES="$EXAMPLE_PACKAGES python3 llvm-19-tools libgtest-dev clang-tidy-19 clangd-19 libclang-rt-19-dev bazel-bootstrap"

case "${1:-}" in
  example) wanted=$EXAMPLE_PACKAGES ;;
  test) wanted=$TEST_PACKAGES ;;
  *) echo "usage: $0 example|test" >&2; exit 2 ;;
esac

# as_root COMMAND...: COMMAND as root, through sudo when this is not root.
as_root() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "corolint setup: cannot install$installing: not root and sudo is missing (run as root, or install them first)" >&2
    exit 1
  fi
}

updated=""
install() {
  installing=" $*"
  echo "corolint setup: installing$installing"
  if [ -z "$updated" ]; then
    as_root apt-get update -qq
    updated=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

installed() {
  [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = installed ]
}

missing=()
for p in $wanted; do installed "$p" || missing+=("$p"); done
# Node.js, unless there is one already (Debian's or NodeSource's, from any
# source): it is installed with the rest.
if [ "$1" = test ] && ! command -v node >/dev/null 2>&1; then missing+=(nodejs); fi
if [ ${#missing[@]} -gt 0 ]; then install "${missing[@]}"; fi

# npm only when there is no npm command after that: NodeSource's nodejs ships
# npm itself and conflicts with Debian's npm package.
if [ "$1" = test ] && ! command -v npm >/dev/null 2>&1; then install npm; fi
