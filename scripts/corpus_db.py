#!/usr/bin/env python3
"""The accuracy corpus's checkouts, translation units, compile databases and line counts.

    scripts/corpus_db.py checkout GITDIR COMMIT DST
                                               write the files of COMMIT into the new directory DST
    scripts/corpus_db.py db LIB ROOT DBDIR     write DBDIR/compile_commands.json for the checkout ROOT
    scripts/corpus_db.py lines LIB ROOT REPORT.json
                                               count the lines of code of the TUs that parsed

`checkout` is `git archive` that tolerates a mirror with some blobs absent (the largest files of a
snapshot may be): it writes every file it has and lists the ones it skipped. `db` selects the `.cpp`/`.cc` files under LIB's directories (the table in docs/accuracy.md's "How the
corpus is set up") whose own text contains co_await, co_return or co_yield, and gives each the
documented flags; it prints the number of TUs. `lines` prints "TUS PARSED LINES" for a corolint JSON
report: PARSED is the TUs not in the report's `failures`, LINES the lines of their main files that hold
something other than blanks and comments. Called by scripts/corpus.sh; reads and writes only the paths
it is given.
"""
import json
import os
import re
import subprocess
import sys

COROUTINE = re.compile(rb"\bco_(await|return|yield)\b")

# library -> (directories searched recursively, path regexes left out, flags after -std=c++20).
# Paths are relative to the library root; '{root}' in a flag is the root, '{gen}' the generated dir.
LIBRARIES = {
    "libcoro": (
        ["test", "examples", "src"],
        [r"^test/android/", r"catch_amalgamated"],
        ["-Iinclude", "-Itest", "-I{gen}", "-DLIBCORO_FEATURE_NETWORKING", "-DLIBCORO_FEATURE_TLS"],
    ),
    "cppcoro": (
        ["test", "lib"],
        [],
        ["-Iinclude", "-Itest", "-Itest/doctest", "-I{gen}", "-include", "utility"],
    ),
    "async_simple": (
        ["async_simple", "demo_example"],
        [r"Modules", r"^demo_example/.+/"],  # demo_example/'s own files only, as measured
        ["-I.", "-Iasync_simple/test", "-I{asio}/asio/include", "-DASIO_STANDALONE"],
    ),
    "concurrencpp": (
        ["source", "test/source", "example"],
        [],
        ["-Iinclude", "-Itest/include"],
    ),
    "asio": (
        ["asio/src/examples/cpp20", "asio/src/tests/unit"],
        [],
        ["-Iasio/include", "-Iasio/src/tests", "-DASIO_STANDALONE", "-DASIO_NO_DEPRECATED", "-pthread"],
    ),
    "folly": (
        ["folly/coro", "folly/experimental/coro"],
        [r"^folly/coro/safe/detail/"],  # left out of the corpus as measured (corpus.tsv)
        ["-I.", "-I{gen}", "-DGFLAGS_IS_A_DLL=0", "-faligned-new", "-pthread"],
    ),
    "seastar": (
        ["tests/unit", "tests/perf", "apps", "demos"]
        + [f"src/{d}" for d in ("core", "net", "http", "rpc", "util", "websocket")],
        [],
        ["-Iinclude", "-Isrc", "-Itests/unit", "-DSEASTAR_API_LEVEL=9",
         "-DSEASTAR_SCHEDULING_GROUPS_COUNT=16", "-DSEASTAR_SSTRING",
         "-DSEASTAR_DEPRECATED_OSTREAM_FORMATTERS", "-DBOOST_TEST_DYN_LINK", "-DSEASTAR_HAVE_HWLOC",
         "-DSEASTAR_HAVE_NUMA"],
    ),
}


def sources(lib, root):
    dirs, excluded, _ = LIBRARIES[lib]
    found = set()
    for d in dirs:
        for top, subdirs, files in os.walk(os.path.join(root, d)):
            subdirs.sort()
            for name in files:
                if not name.endswith((".cpp", ".cc")):
                    continue
                rel = os.path.relpath(os.path.join(top, name), root)
                if any(re.search(x, rel) for x in excluded):
                    continue
                with open(os.path.join(root, rel), "rb") as f:
                    if COROUTINE.search(f.read()):
                        found.add(rel)
    return sorted(found)


def write_db(lib, root, dbdir):
    root = os.path.abspath(root)
    subst = {"root": root, "gen": os.path.join(os.path.abspath(dbdir), "gen"),
             "asio": os.environ.get("CORPUS_ASIO", os.path.join(os.path.dirname(root), "asio"))}
    flags = [f.format(**subst) for f in LIBRARIES[lib][2]]
    db = [{"directory": root, "file": os.path.join(root, rel),
           "arguments": ["clang++-19", "-std=c++20", *flags, "-c", os.path.join(root, rel)]}
          for rel in sources(lib, root)]
    os.makedirs(dbdir, exist_ok=True)
    with open(os.path.join(dbdir, "compile_commands.json"), "w") as f:
        json.dump(db, f, indent=1)
    print(len(db))


def code_lines(text):
    """Lines holding something other than blanks and comments (strings are not comments)."""
    n, in_block = 0, False
    for line in text.splitlines():
        i, code = 0, False
        while i < len(line):
            if in_block:
                end = line.find("*/", i)
                if end < 0:
                    break
                in_block, i = False, end + 2
            elif line.startswith("//", i):
                break
            elif line.startswith("/*", i):
                in_block, i = True, i + 2
            elif line[i] in "\"'":
                quote, i, code = line[i], i + 1, True
                while i < len(line) and line[i] != quote:
                    i += 2 if line[i] == "\\" else 1
                i += 1
            else:
                code = code or not line[i].isspace()
                i += 1
        n += code
    return n


def count_lines(lib, root, report):
    with open(report) as f:
        failed = {os.path.normpath(os.path.join(root, x["file"])) for x in json.load(f).get("failures", [])}
    tus = [os.path.normpath(os.path.join(root, rel)) for rel in sources(lib, root)]
    parsed = [p for p in tus if p not in failed]
    lines = 0
    for p in parsed:
        with open(p, encoding="utf-8", errors="replace") as f:
            lines += code_lines(f.read())
    print(len(tus), len(parsed), lines)


def checkout(gitdir, commit, dst):
    tree = subprocess.run(["git", "-C", gitdir, "ls-tree", "-r", "-z", commit], check=True,
                          capture_output=True).stdout.split(b"\0")
    entries = [(e.split(b" ")[0], e.split(b"\t", 1)[1].decode(), e.split(b" ")[2].split(b"\t")[0])
               for e in tree if e]
    entries = [e for e in entries if e[0] != b"160000"]  # submodules: not in the mirror
    cat = subprocess.Popen(["git", "-C", gitdir, "cat-file", "--batch"], stdin=subprocess.PIPE,
                           stdout=subprocess.PIPE)
    skipped = []
    for mode, path, sha in entries:
        cat.stdin.write(sha + b"\n")
        cat.stdin.flush()
        header = cat.stdout.readline().split()
        if header[1] == b"missing":
            skipped.append(path)
            continue
        data = cat.stdout.read(int(header[2]))
        cat.stdout.read(1)
        target = os.path.join(dst, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        if mode == b"120000":
            os.symlink(data.decode(), target)
        else:
            with open(target, "wb") as f:
                f.write(data)
            if mode == b"100755":
                os.chmod(target, 0o755)
    cat.stdin.close()
    cat.wait()
    for path in skipped:
        print(f"corpus_db.py: {path}: not in the mirror, left out", file=sys.stderr)


def main(argv):
    if len(argv) == 5 and argv[1] == "checkout":
        return checkout(*argv[2:])
    if len(argv) != 5 or argv[1] not in ("db", "lines") or argv[2] not in LIBRARIES:
        sys.exit(__doc__)
    (write_db if argv[1] == "db" else count_lines)(*argv[2:])


if __name__ == "__main__":
    main(sys.argv)
