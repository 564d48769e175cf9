#!/usr/bin/env python3
"""What one check adds to corolint's cost, next to the compiler's front end.

    check_cost.py CHECK COMPILE_DB_DIR [PATTERN ...] [--corolint BIN]
                  [--option NAME=VALUE ...] [--repeat N]

For each translation unit of COMPILE_DB_DIR/compile_commands.json whose path
contains one of the PATTERNs (all of them when none is given), measures the CPU
seconds (user + sys of the child, so the figure moves less with the machine's
load than wall time) of

  syntax   clang++-19 -fsyntax-only with the file's flags (the floor for any
           clang-based tool),
  without  corolint --checks=-*,coro-*,-CHECK (every other check),
  with     corolint --checks=-*,coro-* (all checks, CHECK included),

and prints the median of N runs of each, with CHECK's share: (with - without)
as a percentage of without. --option passes check options to both corolint
runs (for example MinConsecutive=3 for coro-sequential-await's form 3).
Figures go in the check's doc page under "Cost".
"""
import json
import os
import resource
import statistics
import subprocess
import sys

from compile_flags import flags_of


def cpu_seconds(cmd, cwd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv):
    if len(argv) < 3 or argv[1].startswith("-"):
        sys.exit(__doc__)
    check, db_dir = argv[1], argv[2]
    here = os.path.dirname(os.path.abspath(__file__))
    corolint = os.path.join(here, "..", "build", "bin", "corolint")
    repeat, options, patterns = 3, [], []
    rest = iter(argv[3:])
    for a in rest:
        if a == "--corolint":
            corolint = next(rest)
        elif a == "--repeat":
            repeat = int(next(rest))
        elif a == "--option":
            options.append(next(rest))
        else:
            patterns.append(a)
    corolint = os.path.abspath(corolint)
    config = "{CheckOptions: {%s}}" % ", ".join(
        "%s.%s: '%s'" % (check, *o.split("=", 1)) for o in options)
    db = json.load(open(os.path.join(db_dir, "compile_commands.json")))
    entries = [e for e in db if not patterns or any(p in e["file"] for p in patterns)]
    if not entries:
        sys.exit("check_cost.py: no translation unit of %s matches %s" % (db_dir, patterns))
    print("%-40s %8s %8s %8s %8s" % ("translation unit (CPU s)", "syntax", "without", "with", check))
    totals = [0.0, 0.0, 0.0]
    for e in entries:
        flags, cwd = flags_of(e), e["directory"]
        path = e["file"] if os.path.isabs(e["file"]) else os.path.join(cwd, e["file"])
        lint = [corolint, "--no-cache", "--quiet", "--exit-zero", "--config=" + config]
        runs = [["clang++-19", "-fsyntax-only"] + flags + [path],
                lint + ["--checks=-*,coro-*,-" + check, path, "--"] + flags,
                lint + ["--checks=-*,coro-*", path, "--"] + flags]
        medians = [statistics.median(cpu_seconds(c, cwd) for _ in range(repeat)) for c in runs]
        for i, m in enumerate(medians):
            totals[i] += m
        print("%-40s %8.2f %8.2f %8.2f %+7.1f%%" % (
            os.path.relpath(path, cwd)[-40:], *medians,
            100 * (medians[2] - medians[1]) / medians[1]))
    print("%-40s %8.2f %8.2f %8.2f %+7.1f%%" % (
        "total (%d TUs, median of %d)" % (len(entries), repeat), *totals,
        100 * (totals[2] - totals[1]) / totals[1]))


if __name__ == "__main__":
    main(sys.argv)
