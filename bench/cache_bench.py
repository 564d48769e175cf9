#!/usr/bin/env python3
"""The result cache: a cold run, a warm re-run, and a re-run after one header changes.

    cache_bench.py DATABASE_DIR [--root DIR] [--header FILE] [-j N] [--corolint PATH]

Runs corolint -p DATABASE_DIR three times with a fresh --cache-dir: cold (every file
analysed and stored), warm (nothing changed: every result replayed), and after appending a
comment to FILE (default: the project header the most translation units read, from the
cache's manifests), which the cache must notice in exactly the files that read it. The
header is restored afterwards. Checks that the three reports are identical, and prints wall
times, the warm/cold ratio and the hits of each run. Figures in bench/README.md.
"""
import argparse
import collections
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time


def run(cmd, cwd):
    start = time.perf_counter()
    res = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    stats = re.search(r"result cache: (\d+) hits?, (\d+) miss", res.stderr)
    if res.returncode not in (0, 1, 2) or not stats:  # 2: some files do not parse
        sys.exit("corolint failed (%d):\n%s" % (res.returncode, res.stderr[-2000:]))
    return wall, int(stats.group(1)), int(stats.group(2)), res.stdout


def most_read_header(cache, root):
    counts = collections.Counter()
    for entry in glob.glob(os.path.join(cache, "*", "*.json")):
        for path, digest, _, _ in json.load(open(entry))["result"]["inputs"]:
            if digest and path.startswith(root + "/") and not re.search(r"\.(c|cc|cpp|cxx)$", path):
                counts[path] += 1
    return counts.most_common(1)[0] if counts else (None, 0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("database")
    ap.add_argument("--root", default=None, help="project root (default: the database's directory)")
    ap.add_argument("--header", default=None)
    ap.add_argument("-j", type=int, default=os.cpu_count())
    ap.add_argument("--corolint", default=os.path.join(os.path.dirname(__file__), "..", "build", "bin", "corolint"))
    a = ap.parse_args()
    root = os.path.abspath(a.root or a.database)
    cache = tempfile.mkdtemp(prefix="corolint-cache-bench-")
    cmd = [os.path.abspath(a.corolint), "-p", os.path.abspath(a.database), "--root", root,
           "--cache-dir", cache, "--cache-stats", "-j", str(a.j), "--quiet"]
    try:
        cold = run(cmd, root)
        warm = run(cmd, root)
        header, readers = (a.header, None) if a.header else most_read_header(cache, root)
        print("cold: %.2f s (%d files analysed)" % (cold[0], cold[2]))
        print("warm: %.2f s (%d hits, %d misses): %.1f%% of cold" % (warm[0], warm[1], warm[2], 100 * warm[0] / cold[0]))
        if header:
            original = open(header, "rb").read()
            try:
                with open(header, "ab") as f:
                    f.write(b"\n// touched by cache_bench.py\n")
                touched = run(cmd, root)
            finally:
                open(header, "wb").write(original)
            print("after changing %s (read by %s files): %.2f s (%d hits, %d misses): %.1f%% of cold"
                  % (os.path.relpath(header, root), readers if readers is not None else "?",
                     touched[0], touched[1], touched[2], 100 * touched[0] / cold[0]))
            same = cold[3] == warm[3] == touched[3]
        else:
            same = cold[3] == warm[3]
        print("reports identical: %s" % ("yes" if same else "NO"))
        return 0 if same else 1
    finally:
        shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
