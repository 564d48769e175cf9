#!/usr/bin/env python3
"""Count corolint's findings on real code against the hand verdicts of docs/accuracy.md.

    scripts/accuracy.py [--verdicts FILE] [--corpus FILE] [--markdown] RESULT.json...

Each RESULT.json is a `corolint --format=json` report of one library, run with --root at the
library's top directory; the library is the file name without `.json` (libcoro.json -> libcoro).
The verdicts (default docs/accuracy/verdicts.tsv) are kept by hand, one finding a line, tab-separated:

    library  file  line  check  verdict  family  reason

file is relative to the library root; verdict is `true`, `intentional-in-test` or `false`; family
names the false-positive family of a false finding (for the others, the family whose shape it has, or
`-`); only false findings are counted by family. A verdict covers every finding of its check on that line. The corpus table (default docs/accuracy/corpus.tsv: library, commit, tus,
parsed, lines) gives the lines analysed, for false findings per 10,000 lines.

Prints per library and per check the findings and their verdicts, then the findings that have no
verdict and the verdicts that match no finding, so that a re-run after a change shows what the
change did. Exit status: 0 when every finding is judged and every verdict matched, 1 otherwise,
2 on bad input. Reads only the files it is given: it builds and fetches nothing.
"""
import argparse
import collections
import csv
import json
import os
import sys

VERDICTS = ("true", "intentional-in-test", "false")
HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(os.path.dirname(HERE), "docs", "accuracy")


def fail(msg):
    print(f"accuracy.py: error: {msg}", file=sys.stderr)
    sys.exit(2)


def plain(path):
    """A file as the verdicts name it: a header reached through "-I." is "./dir/x.h" in a report."""
    while path.startswith("./"):
        path = path[2:]
    return path


def rows(path):
    """The non-comment rows of a tab-separated file whose first row names the columns."""
    with open(path, newline="") as f:
        lines = [l for l in f if l.strip() and not l.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def read_verdicts(path):
    verdicts = {}
    for n, r in enumerate(rows(path), 2):
        try:
            key = (r["library"], plain(r["file"]), int(r["line"]), r["check"])
        except (KeyError, TypeError, ValueError):
            fail(f"{path}: row {n}: needs library, file, line (a number), check")
        if r.get("verdict") not in VERDICTS:
            fail(f"{path}: row {n}: verdict {r.get('verdict')!r} is not one of {', '.join(VERDICTS)}")
        if not (r.get("reason") or "").strip():
            fail(f"{path}: row {n}: no reason")
        if key in verdicts:
            fail(f"{path}: row {n}: a second verdict for {key[1]}:{key[2]} {key[3]}")
        verdicts[key] = r
    return verdicts


def read_findings(paths):
    """(library, file, line, check) -> [message, ...] over every report, in report order."""
    findings = collections.OrderedDict()
    libs = []
    for path in paths:
        lib = os.path.basename(path)[: -len(".json")] if path.endswith(".json") else fail(
            f"{path}: not a .json report")
        try:
            with open(path) as f:
                report = json.load(f)
        except (OSError, ValueError) as e:
            fail(f"{path}: {e}")
        libs.append(lib)
        for x in report.get("findings", []):
            key = (lib, plain(x["file"]), int(x["line"]), x["check"])
            findings.setdefault(key, []).append(x["message"])
    return libs, findings


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("results", nargs="+", metavar="RESULT.json")
    ap.add_argument("--verdicts", default=os.path.join(DOCS, "verdicts.tsv"))
    ap.add_argument("--corpus", default=os.path.join(DOCS, "corpus.tsv"))
    ap.add_argument("--markdown", action="store_true", help="print the totals as Markdown tables")
    args = ap.parse_args()

    libs, findings = read_findings(args.results)
    verdicts = read_verdicts(args.verdicts)
    lines = {}
    if os.path.exists(args.corpus):
        lines = {r["library"]: int(r["lines"]) for r in rows(args.corpus)}

    # counts[lib][check][verdict or 'unjudged'] in findings (not keys: a key can hold several)
    counts = collections.defaultdict(lambda: collections.defaultdict(collections.Counter))
    families = collections.Counter()
    unjudged = []
    for key, messages in findings.items():
        v = verdicts.get(key)
        verdict = v["verdict"] if v else "unjudged"
        counts[key[0]][key[3]][verdict] += len(messages)
        if v and verdict == "false":
            families[v.get("family") or "-"] += len(messages)
        if not v:
            unjudged.extend((key, m) for m in messages)
    stale = [k for k in verdicts if k[0] in libs and k not in findings]

    cols = ("findings",) + VERDICTS + ("unjudged",)
    table = []  # (library, check, Counter)
    for lib in libs:
        for check in sorted(counts[lib]):
            table.append((lib, check, counts[lib][check]))
    total = collections.Counter()
    for _, _, c in table:
        total.update(c)

    def per10k(lib, c):
        return f"{10000 * c['false'] / lines[lib]:.1f}" if lines.get(lib) else "-"

    if args.markdown:
        print("| library | check | " + " | ".join(cols) + " |")
        print("|---|---|" + "---:|" * len(cols))
        for lib, check, c in table:
            print(f"| {lib} | {check} | {sum(c.values())} | " + " | ".join(str(c[v]) for v in cols[1:]) + " |")
        print(f"| **all** | | {sum(total.values())} | " + " | ".join(str(total[v]) for v in cols[1:]) + " |")
        print()
        print("| library | lines | findings | false | false per 10 kLOC |")
        print("|---|---:|---:|---:|---:|")
        for lib in libs:
            c = collections.Counter()
            for cc in counts[lib].values():
                c.update(cc)
            print(f"| {lib} | {lines.get(lib, '-')} | {sum(c.values())} | {c['false']} | {per10k(lib, c)} |")
    else:
        print(f"{'library':<14} {'check':<26} " + " ".join(f"{h:>9}" for h in ("findings", "true", "in-test", "false", "unjudged")))
        for lib, check, c in table:
            print(f"{lib:<14} {check:<26} {sum(c.values()):>9} " + " ".join(f"{c[v]:>9}" for v in cols[1:]))
        print(f"{'all':<14} {'':<26} {sum(total.values()):>9} " + " ".join(f"{total[v]:>9}" for v in cols[1:]))
        for lib in libs:
            c = collections.Counter()
            for cc in counts[lib].values():
                c.update(cc)
            print(f"{lib}: {c['false']} false in {lines.get(lib, '?')} lines, {per10k(lib, c)} per 10 kLOC")
    if families:
        print("false findings by family: " + ", ".join(f"{f} {n}" for f, n in sorted(families.items())))
    for (lib, file, line, check), message in unjudged:
        print(f"no verdict: {lib} {file}:{line} [{check}] {message}")
    for lib, file, line, check in stale:
        v = verdicts[(lib, file, line, check)]
        print(f"no finding: {lib} {file}:{line} [{check}] (was {v['verdict']}: {v['reason']})")
    return 1 if unjudged or stale else 0


if __name__ == "__main__":
    sys.exit(main())
