#!/usr/bin/env bash
# The sanitizer runs of scripts/test.sh; any sanitizer report fails the run
# (-fno-sanitize-recover=all).
#
# 1. aio and its tests, built with clang-19 under AddressSanitizer +
#    UndefinedBehaviorSanitizer and under ThreadSanitizer. clang, not the
#    default GCC 12: GCC 12 builds under ASan report a use-after-free in aio's
#    coroutine frames on three failure paths that clang's sanitizers do not
#    (see docs/aio.md, "Compilers").
# 2. The corolint driver (scheduling the worker processes, collecting and
#    merging their results, the cache, the reports; the workers run the same
#    binary), its own code built under ASan and under TSan in the existing
#    build/ (targets corolint-sanitize-address and corolint-sanitize-thread),
#    running the driver tests (test/tool). A report goes to a file (see
#    test/lit.cfg.py), so a test that discards corolint's stderr cannot hide
#    it. The driver has one thread (it watches its worker processes with
#    poll()): TSan is there for its mutexes, signal handling, fork/exec and
#    any thread a later change adds.
set -euo pipefail
cd "$(dirname "$0")/.."
for san in address,undefined thread; do
  dir="build-sanitize-${san%%,*}"
  echo "== aio under -fsanitize=$san ($dir)"
  cmake -S . -B "$dir" -G Ninja -DCOROLINT_BUILD_TOOL=OFF -DAIO_SANITIZE="$san" \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-19 \
    -DCMAKE_C_COMPILER=clang-19 >/dev/null
  cmake --build "$dir"
  (cd "$dir" && ctest --output-on-failure -j"$(nproc)")
done

LIT=/usr/lib/llvm-19/build/utils/lit/lit.py
# The tests of test/tool that do not run the driver: clang-tidy with the
# plugin, corolint-clangd, the installed copy, the accuracy script.
not_driver='tool/(clangd|plugin|plugin-version-guard|installed|accuracy-script)\.test'
for san in address thread; do
  echo "== the corolint driver under -fsanitize=$san (build/sanitize-$san)"
  cmake --build build --target "corolint-sanitize-$san"
  reports="build/test-sanitize-$san/reports"
  rm -rf "$reports"
  python3 "$LIT" -sv --param sanitizer="$san" build/test --filter 'tool/' \
    --filter-out "$not_driver"
  if [ -n "$(ls -A "$reports" 2>/dev/null)" ]; then
    echo "sanitizers.sh: the driver under -fsanitize=$san reported:" >&2
    cat "$reports"/* >&2
    exit 1
  fi
done
