#!/usr/bin/env python3
"""A mutation pass over the lit suite's check inputs, through the real corolint.

Each mutant is one of test/checks/*.cpp with one to three mutations applied:
a line deleted, duplicated or swapped with another, the text truncated, a
brace or parenthesis removed or added, or one of co_await/co_return/co_yield
replaced by another. Every mutant is analysed by corolint (alternately plain,
with --fix-notes, and with --format=json and sarif) and must end by itself
with exit status 0, 1 or 2, within --timeout seconds of CPU time (a limit the
kernel enforces, so a loaded machine does not fail the pass) and
--wall-timeout seconds of real time (a run blocked for good): a signal, any
other status or either limit fails the pass, and the mutant is kept under
--out with the command that reproduces it.

The seed and the count fix the mutants: the same arguments give the same
mutants on every machine. Inputs that use the real aio headers (%aio_flags in
their RUN lines) are compiled with --aio-flags, the others with --mock-flags.
"""
import argparse
import concurrent.futures
import os
import random
import re
import shlex
import signal
import subprocess
import sys
import time

KEYWORDS = ("co_await", "co_return", "co_yield")
BRACKETS = "{}()"


def delete_line(rng, lines):
    if lines:
        del lines[rng.randrange(len(lines))]
    return "delete line"


def duplicate_line(rng, lines):
    if lines:
        i = rng.randrange(len(lines))
        lines.insert(i, lines[i])
    return "duplicate line"


def swap_lines(rng, lines):
    if len(lines) > 1:
        i, j = rng.sample(range(len(lines)), 2)
        lines[i], lines[j] = lines[j], lines[i]
    return "swap lines"


def truncate(rng, lines):
    text = "".join(lines)
    cut = rng.randrange(len(text) + 1)
    lines[:] = text[:cut].splitlines(keepends=True)
    return "truncate"


def unbalance(rng, lines):
    text = "".join(lines)
    spots = [i for i, c in enumerate(text) if c in BRACKETS]
    if spots and rng.random() < 0.5:
        i = rng.choice(spots)
        text, what = text[:i] + text[i + 1:], "remove '%s'" % text[i]
    else:
        i, c = rng.randrange(len(text) + 1), rng.choice(BRACKETS)
        text, what = text[:i] + c + text[i:], "insert '%s'" % c
    lines[:] = text.splitlines(keepends=True)
    return what


def swap_keyword(rng, lines):
    text = "".join(lines)
    spots = list(re.finditer(r"\b(co_await|co_return|co_yield)\b", text))
    if not spots:
        return "swap keyword (none)"
    m = rng.choice(spots)
    other = rng.choice([k for k in KEYWORDS if k != m.group(1)])
    lines[:] = (text[:m.start()] + other + text[m.end():]).splitlines(keepends=True)
    return "%s -> %s" % (m.group(1), other)


MUTATIONS = (delete_line, duplicate_line, swap_lines, truncate, unbalance,
             swap_keyword)
MODES = ([], ["--fix-notes"], ["--format=json"], ["--format=sarif"])


def make_mutants(inputs, seed, count):
    """The mutants, decided up front from the seed alone."""
    rng = random.Random(seed)
    texts = {path: open(path, encoding="utf-8").read() for path in inputs}
    mutants = []
    for n in range(count):
        path = inputs[n % len(inputs)]
        lines = texts[path].splitlines(keepends=True)
        ops = [rng.choice(MUTATIONS)(rng, lines)
               for _ in range(rng.choice((1, 1, 2, 3)))]
        mutants.append((n, path, "".join(lines), ops, MODES[n % len(MODES)]))
    return mutants


def run(mutant, args):
    n, path, text, ops, mode = mutant
    name = "%04d-%s" % (n, os.path.basename(path))
    file = os.path.join(args.out, name)
    with open(file, "w", encoding="utf-8") as f:
        f.write(text)
    flags = args.aio_flags if "%aio_flags" in open(path).read() else args.mock_flags
    cmd = shlex.split(args.corolint) + mode + [file, "--"] + shlex.split(flags)
    cpu = max(1, args.timeout)
    # The CPU limit through the shell: preexec_fn is not safe in threads.
    limited = ["sh", "-c", 'ulimit -S -t %d && exec "$@"' % cpu, "sh"] + cmd
    start = time.monotonic()
    try:
        proc = subprocess.run(limited, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE,
                              timeout=args.wall_timeout or 10 * cpu)
        status, err = proc.returncode, proc.stderr.decode(errors="replace")
    except subprocess.TimeoutExpired:
        status, err = None, ""
    seconds = time.monotonic() - start
    if status in (0, 1, 2):
        os.remove(file)
        return n, status, seconds, None
    why = ("still running after %gs" % (args.wall_timeout or 10 * cpu)
           if status is None else
           "used more than %ds of CPU time" % cpu
           if status == -signal.SIGXCPU else
           "killed by signal %d" % -status if status < 0 else
           "exit status %d" % status)
    report = "mutant %s (%s of %s): %s\n  reproduce: %s\n%s" % (
        file, ", ".join(ops), path, why, shlex.join(cmd),
        "".join("  | " + l + "\n" for l in err.splitlines()[-40:]))
    return n, status, seconds, report


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("inputs", nargs="+", help="lit inputs or directories of them")
    p.add_argument("--corolint", required=True,
                   help="the command to run (split like a shell would)")
    p.add_argument("--mock-flags", default="", help="compiler flags for inputs")
    p.add_argument("--aio-flags", default="",
                   help="compiler flags for inputs whose RUN lines use %%aio_flags")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--count", type=int, default=100)
    p.add_argument("--timeout", type=int, default=60,
                   help="seconds of CPU time per run")
    p.add_argument("--wall-timeout", type=float, default=0,
                   help="seconds of real time per run (default: 10 x --timeout)")
    p.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    p.add_argument("--out", required=True, help="where failing mutants are kept")
    args = p.parse_args()

    inputs = []
    for i in args.inputs:
        inputs += (sorted(os.path.join(i, f) for f in os.listdir(i) if f.endswith(".cpp"))
                   if os.path.isdir(i) else [i])
    os.makedirs(args.out, exist_ok=True)
    mutants = make_mutants(inputs, args.seed, args.count)
    start = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        results = list(pool.map(lambda m: run(m, args), mutants))
    failures = [r[3] for r in results if r[3]]
    statuses = {s: sum(1 for r in results if r[1] == s) for s in (0, 1, 2)}
    slowest = max((r[2] for r in results), default=0)
    for report in failures:
        print(report)
    print("mutation pass: %d mutants of %d inputs (seed %d), %d failed; "
          "exit status 0: %d, 1: %d, 2: %d; %.1fs (slowest run %.1fs)" % (
              len(mutants), len(inputs), args.seed, len(failures), statuses[0],
              statuses[1], statuses[2], time.monotonic() - start, slowest))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
