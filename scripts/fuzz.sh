#!/usr/bin/env bash
# Usage: scripts/fuzz.sh [SECONDS]   (default 60)
#
# Builds corolint-fuzz, the libFuzzer target for the coro checks
# (fuzz/CoroChecksFuzzer.cpp), with clang-19 and AddressSanitizer in
# build-fuzz/, and runs it for SECONDS on a corpus seeded from the lit inputs
# (test/checks) with the dictionary fuzz/coro.dict. Part of scripts/test.sh.
# Fails on any crash, sanitizer report, leak, input slower than 60 s or RSS
# over 4 GB, keeping the input under build-fuzz/fuzz/artifacts/ and printing
# the command that replays it. Found inputs accumulate in build-fuzz/fuzz/corpus
# from run to run. COROLINT_FUZZ_SEED sets libFuzzer's seed (default 1).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
dir=build-fuzz
cmake -S . -B "$dir" -G Ninja -DCOROLINT_FUZZ=ON -DCOROLINT_BUILD_RUNTIME=OFF \
  -DCOROLINT_BUILD_CLANGD=OFF -DBUILD_TESTING=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++-19 -DCMAKE_C_COMPILER=clang-19 >/dev/null
cmake --build "$dir" --target corolint-fuzz
fuzz="$dir/fuzz"
rm -rf "$fuzz/artifacts"
mkdir -p "$fuzz/corpus" "$fuzz/artifacts"
echo "== corolint-fuzz for ${seconds}s ($fuzz)"
status=0
"$dir/bin/corolint-fuzz" -max_total_time="$seconds" -seed="${COROLINT_FUZZ_SEED:-1}" \
  -dict=fuzz/coro.dict -max_len=16384 -timeout=60 -rss_limit_mb=4096 \
  -print_final_stats=1 -artifact_prefix="$fuzz/artifacts/" \
  "$fuzz/corpus" "$fuzz/seed-corpus" 2>"$fuzz/log" || status=$?
grep -E '^(#[0-9]+ +DONE|Done|stat::)' "$fuzz/log" || true
if [ "$status" != 0 ] || [ -n "$(ls -A "$fuzz/artifacts")" ]; then
  tail -n 80 "$fuzz/log"
  for input in "$fuzz"/artifacts/*; do
    [ -e "$input" ] && echo "corolint-fuzz: failing input $input; replay: $dir/bin/corolint-fuzz $input"
  done
  echo "corolint-fuzz: failed (status $status); full log in $fuzz/log"
  exit 1
fi
