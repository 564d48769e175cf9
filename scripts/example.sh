#!/usr/bin/env bash
# Installs what is missing (only what this needs), builds corolint, and runs it
# on the bundled example project. As root, or as a user with sudo.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh example
cmake -S examples -B build/examples -G Ninja >/dev/null
cmake --build build/examples
set +e
build/bin/corolint -p build/examples
status=$?
set -e
echo "corolint exit status: $status (0 clean, 1 findings, 2 could not run)"
[ "$status" -le 1 ]
