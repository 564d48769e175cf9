#!/usr/bin/env bash
# Runs the benchmarks: aio against Python asyncio on the same workloads, and
# corolint against clang's own front end. Needs a built tree (scripts/setup.sh).
#   bench/run.sh [--quick]
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --build build --target aio_bench corolint >/dev/null
echo "== aio (build/runtime/aio_bench $*)"
build/runtime/aio_bench "$@"
echo "== Python $(python3 -c 'import sys; print(sys.version.split()[0])') asyncio (bench/asyncio_bench.py $*)"
python3 bench/asyncio_bench.py "$@"
echo "== corolint vs clang++-19 -fsyntax-only (bench/corolint_bench.py)"
python3 bench/corolint_bench.py build --repeat "$([ "${1:-}" = --quick ] && echo 1 || echo 3)"
