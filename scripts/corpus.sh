#!/usr/bin/env bash
# Runs corolint over the accuracy corpus of docs/accuracy.md, as "How the corpus is set up" describes.
#
#   scripts/corpus.sh [-s SOURCES] [-w WORK] [-o OUT] [-c COROLINT] [-C CONFIG] [-j N] [LIB...]
#
# SOURCES  where the libraries are (default /work/.mirror): for each LIB, SOURCES/LIB or
#          SOURCES/<owner>+LIB/repo, a git checkout or a bare git directory holding the commit of
#          docs/accuracy/corpus.tsv (the `fetch` tool's mirrors have this layout).
# WORK     scratch directory (default /work/corpus/work): WORK/src/LIB is the library at its corpus
#          commit (as git archive would write it, so the source directory is never modified), with the files its own
#          build generates first; WORK/db/LIB/compile_commands.json its compile database.
# OUT      where the reports go (default /work/corpus/out/run): OUT/LIB.json, OUT/LIB.log.
# COROLINT the binary (default build/bin/corolint of this tree); -j its jobs (default 1).
# CONFIG   a .clang-tidy-format file passed as --config-file (default: none, the checks' defaults;
#          e.g. Checks: '-*,coro-sequential-await' with MinConsecutive: 3 to measure form 3).
# LIB      any of cppcoro async_simple concurrencpp asio libcoro folly seastar (default: all seven,
#          cheapest first).
#
# Prints, per library, "LIB: TUS TUs, PARSED parsed, LINES lines, FINDINGS findings, SECONDS s" and
# whether TUs and parsed match corpus.tsv; then count the verdicts with
#   scripts/accuracy.py OUT/*.json
# A checkout that exists is reused (delete WORK/src/LIB to redo it). The result cache is not used.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
corpus_tsv=$here/../docs/accuracy/corpus.tsv
sources=/work/.mirror work=/work/corpus/work out=/work/corpus/out/run
corolint=$here/../build/bin/corolint jobs=1 config=
while getopts s:w:o:c:C:j: opt; do
  case $opt in
    s) sources=$OPTARG ;; w) work=$OPTARG ;; o) out=$OPTARG ;; c) corolint=$OPTARG ;; C) config=$OPTARG ;; j) jobs=$OPTARG ;;
    *) sed -n '2,22p' "$0" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
libs=("$@")
[ ${#libs[@]} -gt 0 ] || libs=(cppcoro asio async_simple concurrencpp libcoro folly seastar)
corolint=$(realpath "$corolint")
[ -z "$config" ] || config=$(realpath "$config")
mkdir -p "$work/src" "$work/db" "$out"
work=$(realpath "$work") out=$(realpath "$out")

commit_of() { awk -F'\t' -v l="$1" '$1 == l { print $2 }' "$corpus_tsv"; }
expected() { awk -F'\t' -v l="$1" '$1 == l { print $3, $4 }' "$corpus_tsv"; }

git_dir() {  # the git directory holding library $1
  local d
  for d in "$sources/$1" "$sources"/*+"$1"/repo; do
    [ -e "$d" ] && git -C "$d" rev-parse --git-dir >/dev/null 2>&1 && { echo "$d"; return; }
  done
  echo "corpus.sh: no git checkout or mirror of $1 under $sources" >&2; exit 2
}

checkout() {  # library $1 at its corpus commit into $work/src/$1
  local lib=$1 dst=$work/src/$1 commit
  commit=$(commit_of "$lib")
  [ -n "$commit" ] || { echo "corpus.sh: $lib is not in $corpus_tsv" >&2; exit 2; }
  if [ -f "$dst/.corpus-commit" ] && [ "$(cat "$dst/.corpus-commit")" = "$commit" ]; then return; fi
  rm -rf "$dst" && mkdir -p "$dst"
  python3 "$here/corpus_db.py" checkout "$(git_dir "$lib")" "$commit" "$dst"
  generate "$lib" "$dst"
  echo "$commit" > "$dst/.corpus-commit"
}

generate() {  # the files library $1's own build writes before compiling, into its checkout $2
  local lib=$1 src=$2 gen=$work/db/$1/gen
  rm -rf "$gen" && mkdir -p "$gen"
  case $lib in
    libcoro)  # CMake's generate_export_header
      mkdir -p "$gen/coro"
      printf '#pragma once\n#define CORO_EXPORT\n#define CORO_NO_EXPORT\n#define CORO_DEPRECATED\n' \
        > "$gen/coro/export.hpp" ;;
    cppcoro)  # cppcoro predates C++20: <experimental/coroutine> on top of <coroutine>
      mkdir -p "$gen/experimental"
      cat > "$gen/experimental/coroutine" <<'EOF'
#pragma once
#include <coroutine>
namespace std::experimental {
using std::coroutine_handle; using std::coroutine_traits; using std::suspend_always;
using std::suspend_never; using std::noop_coroutine; using std::noop_coroutine_handle;
}
EOF
      ;;
    folly)  # folly-config.h from folly's CMake configure step (configure only, nothing is built)
      cmake -S "$src" -B "$work/db/folly/cmake" -DCMAKE_CXX_COMPILER=clang++-19 \
        -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_STANDARD=20 > "$work/db/folly/cmake.log" 2>&1 ||
        { echo "corpus.sh: folly's cmake configure failed, see $work/db/folly/cmake.log" >&2; exit 1; }
      mkdir -p "$gen/folly" && cp "$work/db/folly/cmake/folly/folly-config.h" "$gen/folly/" ;;
    seastar)  # ragel parsers and the metrics protobuf, where seastar's includes expect them
      local rl
      for rl in chunk_parsers request_parser response_parser; do
        ragel -G2 -o "$src/include/seastar/http/$rl.hh" "$src/src/http/$rl.rl"
      done
      ragel -G2 -o "$src/apps/memcached/ascii.hh" "$src/apps/memcached/ascii.rl"
      protoc --cpp_out="$src/src/proto" -I"$src/src/proto" "$src/src/proto/metrics2.proto" ;;
  esac
}

status=0
for lib in "${libs[@]}"; do
  checkout "$lib"
  [ "$lib" != async_simple ] || checkout asio  # async_simple's demos include standalone asio
  CORPUS_ASIO=$work/src/asio python3 "$here/corpus_db.py" db "$lib" "$work/src/$lib" "$work/db/$lib" >/dev/null
  start=$(date +%s)
  rc=0
  # From the library root: the JSON report places findings in headers reached through a relative
  # -I path by reading the header relative to the working directory (else they land on line 1).
  (cd "$work/src/$lib" && "$corolint" -p "$work/db/$lib" --format=json --output="$out/$lib.json" \
    -j "$jobs" --no-cache --root="$work/src/$lib" ${config:+--config-file="$config"}) > "$out/$lib.log" 2>&1 || rc=$?
  secs=$(( $(date +%s) - start ))
  if [ $rc -gt 2 ] || [ ! -s "$out/$lib.json" ]; then
    echo "$lib: corolint failed (exit $rc), see $out/$lib.log"; status=1; continue
  fi
  read -r tus parsed lines < <(python3 "$here/corpus_db.py" lines "$lib" "$work/src/$lib" "$out/$lib.json")
  findings=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["findings"]))' "$out/$lib.json")
  match="matches corpus.tsv"
  [ "$tus $parsed" = "$(expected "$lib")" ] || { match="corpus.tsv says $(expected "$lib") (TUs parsed)"; status=1; }
  echo "$lib: $tus TUs, $parsed parsed, $lines lines, $findings findings, ${secs} s ($match)"
done
exit $status
