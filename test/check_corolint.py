#!/usr/bin/env python3
"""Runs a corolint check on a test file and verifies what it reports.

Modelled on clang-tidy's check_clang_tidy.py:

  check_corolint.py [-check-suffixes=A,B] [-runner=corolint|plugin|both]
      <source-file> <check-name> <temp-file> [-- <corolint args> [-- <compiler args>]]

Expectations live beside the code, relative to it:
  // CHECK-MESSAGES[-SUFFIX]: :[[@LINE-1]]:3: warning: ... [check-name]
  // CHECK-NOTES[-SUFFIX]:    (warnings and notes, when a test checks notes)
  // CHECK-FIXES[-SUFFIX]:    (lines of the file after --fix)
Any warning or error that a test does not expect fails it. The same test runs
through the corolint binary and, with -runner=both (the default when the
plugin is built), through `clang-tidy-19 --load=<plugin>`.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys


def fail(message):
    sys.exit("check_corolint.py: " + message)


def run(args, **kw):
    return subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True, **kw)


def file_check(filecheck, input_file, check_file, prefixes, extra):
    res = run([filecheck, "-input-file=" + input_file, check_file,
               "-check-prefixes=" + ",".join(prefixes), "-allow-unused-prefixes"]
              + extra)
    if res.returncode:
        print(res.stdout)
        fail("FileCheck failed for " + ",".join(prefixes))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("-check-suffix", "-check-suffixes", default=[""],
                   type=lambda s: s.split(","))
    p.add_argument("-runner", choices=["corolint", "plugin", "both"],
                   default=None)
    p.add_argument("input_file")
    p.add_argument("check_name")
    p.add_argument("temp_file")
    argv = sys.argv[1:]
    head, rest = (argv[:argv.index("--")], argv[argv.index("--") + 1:]) \
        if "--" in argv else (argv, [])
    args = p.parse_args(head)
    if "--" in rest:
        i = rest.index("--")
        tool_args, compiler_args = rest[:i], rest[i + 1:]
    else:
        tool_args, compiler_args = rest, []

    corolint = os.environ["COROLINT"]
    filecheck = os.environ.get("FILECHECK", "FileCheck")
    plugin = os.environ.get("COROLINT_PLUGIN", "")
    clang_tidy = os.environ.get("CLANG_TIDY", "")
    runner = args.runner or ("both" if plugin and clang_tidy else "corolint")

    with open(args.input_file, encoding="utf-8") as f:
        text = f.read()
    ext = os.path.splitext(args.input_file)[1] or ".cpp"
    temp = args.temp_file + ext

    suffixes = [s for s in args.check_suffix]
    for s in suffixes:
        if s and not re.search(r"CHECK-(MESSAGES|NOTES|FIXES)-" + re.escape(s) + ":", text):
            fail("no 'CHECK-*-%s:' lines in the test" % s)
    def prefixes(kind):
        return [name for name in ("CHECK-" + kind + ("-" + s if s else "")
                                  for s in suffixes)
                if re.search(re.escape(name) + ":", text)]
    has = lambda kind: any(re.search(re.escape(pre) + ":", text)
                           for pre in prefixes(kind))
    has_messages, has_notes, has_fixes = has("MESSAGES"), has("NOTES"), has("FIXES")
    if has_messages and has_notes:
        fail("use CHECK-MESSAGES or CHECK-NOTES, not both")
    if not (has_messages or has_notes or has_fixes):
        fail("the test expects nothing: add CHECK-MESSAGES/NOTES/FIXES lines")

    # Blank out the expectations so that the fixed file can be compared,
    # keeping line numbers.
    cleaned = re.sub(r"// *CHECK-[A-Z0-9\-]*:[^\r\n]*", "//", text)

    runners = ["corolint", "plugin"] if runner == "both" else [runner]
    for which in runners:
        with open(temp, "w", encoding="utf-8") as f:
            f.write(cleaned)
        checks = "--checks=-*," + args.check_name
        fix = [] if any(a.startswith("--fix") or a.startswith("-fix")
                        for a in tool_args) else ["--fix"]
        if which == "corolint":
            cmd = [corolint, temp, checks, "--config={}", "-j", "1",
                   "--quiet"] + fix + tool_args + ["--"] + compiler_args
        else:
            cmd = [clang_tidy, "--load=" + plugin, temp, checks,
                   "--config={}", "--quiet"] + fix + tool_args + ["--"] + compiler_args
        res = run(cmd)
        out = res.stdout
        print("------------------------ %s output -----------------------" % which)
        print(" ".join(cmd))
        print(out)
        bad_exit = (which == "corolint" and res.returncode not in (0, 1)) or \
                   (which == "plugin" and res.returncode != 0 and
                    "error:" not in out)
        if bad_exit or "clang-diagnostic-error" in out:
            fail("%s failed (exit %d): the test file must compile" % (which, res.returncode))
        msg_file = temp + "." + which + ".msg"
        with open(msg_file, "w", encoding="utf-8") as f:
            f.write(out)
        if has_fixes:
            file_check(filecheck, temp, args.input_file, prefixes("FIXES"),
                       ["-strict-whitespace"])
        if has_messages:
            file_check(filecheck, msg_file, args.input_file,
                       prefixes("MESSAGES"),
                       ["-implicit-check-not={{warning|error}}:"])
        if has_notes:
            file_check(filecheck, msg_file, args.input_file, prefixes("NOTES"),
                       ["-implicit-check-not={{note|warning|error}}:"])
        if not (has_messages or has_notes) and re.search(r"(warning|error):", out):
            fail("unexpected diagnostics from " + which)


if __name__ == "__main__":
    main()
