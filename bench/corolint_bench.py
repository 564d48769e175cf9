#!/usr/bin/env python3
"""corolint's cost next to the compiler's own front end.

    corolint_bench.py BUILD_DIR [--repeat N]

For each translation unit of aio's tests, the fetch_all example and the
bundled example project (compile commands from BUILD_DIR's databases), times
`clang++-19 -fsyntax-only` (parsing and semantic analysis, what any
clang-based linter must pay) and `corolint --checks=-*,coro-*` on one thread,
then corolint on the whole set with -j1 and -j2, and as two --shard pieces of
-j1 each (what two one-core CI jobs do: the slower shard is the wall time)
plus their `corolint merge`; the ratios to -j1 are what carries across
machines. Prints the median of N runs and peak RSS. Run by bench/run.sh;
figures in bench/README.md.
"""
import json
import os
import statistics
import subprocess
import sys
import time

from compile_flags import flags_of


def run_timed(cmd, repeat):
    times, peak = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        res = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        times.append(time.perf_counter() - start)
        peak = max(peak, int(res.stderr.strip().splitlines()[-1]))
    return statistics.median(times), peak


def main():
    build = os.path.abspath(sys.argv[1])
    repeat = int(sys.argv[sys.argv.index("--repeat") + 1]) if "--repeat" in sys.argv else 3
    corolint = os.path.join(build, "bin", "corolint")
    # The project's coroutine code: aio, its tests, example and benchmark.
    wanted = ("/runtime/", "/test/runtime/", "/bench/")
    db = json.load(open(os.path.join(build, "compile_commands.json")))
    entries = [e for e in db if any(w in e["file"] for w in wanted)]
    print("%-28s %10s %10s %8s %10s %10s" %
          ("translation unit", "syntax s", "corolint s", "ratio", "syntax MB", "corolint MB"))
    total_syntax = total_lint = 0.0
    for e in entries:
        flags = flags_of(e)
        os.chdir(e["directory"])
        syntax, syntax_kb = run_timed(["clang++-19", "-fsyntax-only"] + flags + [e["file"]], repeat)
        lint, lint_kb = run_timed([corolint, "--no-cache", "--checks=-*,coro-*", "--quiet", e["file"], "--"] + flags,
                                  repeat)
        total_syntax += syntax
        total_lint += lint
        print("%-28s %10.2f %10.2f %8.2f %10.0f %10.0f" %
              (os.path.basename(e["file"]), syntax, lint, lint / syntax,
               syntax_kb / 1024, lint_kb / 1024))
    print("%-28s %10.2f %10.2f %8.2f" % ("total", total_syntax, total_lint,
                                          total_lint / total_syntax))
    run = [corolint, "--no-cache", "-p", build, "--checks=-*,coro-*", "--quiet"]
    files = [e["file"] for e in entries]
    wall = {}
    for jobs in (1, 2):
        wall[jobs], kb = run_timed(run + ["-j", str(jobs)] + files, repeat)
        print("corolint -p build -j%d: %.2f s, peak %.0f MB" % (jobs, wall[jobs], kb / 1024))
    shards = []
    for i in (1, 2):
        out = os.path.join(build, "bench-shard-%d.json" % i)
        shards.append(out)
        t, _ = run_timed(run + ["-j1", "--shard=%d/2" % i, "--format=json", "--exit-zero",
                                "--output=" + out] + files, repeat)
        print("corolint --shard=%d/2 -j1: %.2f s" % (i, t))
        wall["shard%d" % i] = t
    merge, _ = run_timed([corolint, "merge", "--quiet", "--exit-zero"] + shards, repeat)
    slowest = max(wall["shard1"], wall["shard2"])
    print("corolint merge: %.2f s" % merge)
    print("ratios to -j1: -j2 %.2f, two shards (slower one + merge) %.2f" %
          (wall[2] / wall[1], (slowest + merge) / wall[1]))


if __name__ == "__main__":
    main()
