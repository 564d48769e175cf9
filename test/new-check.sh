#!/usr/bin/env bash
# ctest new-check: scripts/new-check.sh works end to end. On a scratch copy of
# the source tree it generates a check, builds that copy's corolint (ccache
# makes the unchanged objects hits: only the new check, the module file and
# the link are new work), runs the generated lit test and check-docs.test, and
# shows that the generated test fails against a corolint without the check.
#   test/new-check.sh <source-dir> <scratch-dir> <corolint without the check>
set -euo pipefail
src=$(cd "$1" && pwd)
scratch=$2
plain_corolint=$3
name=coro-generated-probe
lit=/usr/lib/llvm-19/build/utils/lit/lit.py

rm -rf "$scratch"
mkdir -p "$scratch/src"
scratch=$(cd "$scratch" && pwd)
tar -C "$src" --exclude='./build*' --exclude='./.git' -cf - . | tar -C "$scratch/src" -xf -
cd "$scratch/src"
scripts/new-check.sh "$name" "Finds what the generated probe check finds."

launcher=()
if command -v ccache >/dev/null 2>&1; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  # Hits for objects the source tree's own build already compiled: paths
  # relative to the source tree, and the build directory left out of the hash.
  export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$src}" CCACHE_NOHASHDIR=1
fi
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" >/dev/null
cmake --build build --target corolint -- -j2 >/dev/null
# The scratch copy has no SARIF validator; the probe's tests do not need one.
unset COROLINT_REQUIRE_SARIF_VALIDATOR
python3 "$lit" -q build/test --filter "checks/${name}\.cpp|tool/check-docs\.test"

# The generated test fails against a corolint without the check, because
# its expected warning is missing (not for some other reason). That corolint
# rejects the unknown check name, so the test runs under a check it does know
# (coro-unawaited-task, silent on the probe): the expected warning is absent.
filecheck=$(command -v FileCheck || echo /usr/lib/llvm-19/bin/FileCheck)
if out=$(COROLINT="$plain_corolint" FILECHECK="$filecheck" python3 test/check_corolint.py \
           -runner=corolint "test/checks/${name}.cpp" coro-unawaited-task "$scratch/plain" -- -- \
           -std=c++20 -nostdinc++ -isystem test/Inputs/std -I test/Inputs/libs 2>&1) ||
   ! grep -q "FileCheck failed for CHECK-MESSAGES" <<< "$out"; then
  echo "new-check: the generated test did not fail as it should without the check:" >&2
  echo "$out" >&2
  exit 1
fi
echo "new-check: generated, built and tested ${name}"
