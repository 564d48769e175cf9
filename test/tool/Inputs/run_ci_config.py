#!/usr/bin/env python3
"""Runs the shell commands of docs/ci/*.yml the way the CI services would,
so that the documented workflows are tested, not just shown.

    run_ci_config.py github WORKFLOW.yml EVENT BASE_REF
    run_ci_config.py gitlab JOB.yml TARGET_BRANCH
    run_ci_config.py pre-commit HOOKS.yaml FILE...

A step marked "# corolint-test: skip" (installing corolint) is skipped: the
suite's own corolint is on PATH. Prints "step <name>: exit <n>" per step.
Only the YAML subset these files use is understood (no YAML library needed).
"""
import os
import re
import subprocess
import sys


def indent(line):
    return len(line) - len(line.lstrip(" "))


def github_steps(text):
    """(name, id, run-script, skip) for each '- ' step with a run: key."""
    lines = text.splitlines()
    steps, cur = [], None
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("- ") and indent(line) == 6:
            cur = {"name": None, "id": None, "run": None, "skip": False, "uses": None}
            steps.append(cur)
            stripped = stripped[2:]
        if cur is not None and indent(line) >= 6:
            if "corolint-test: skip" in line:
                cur["skip"] = True
            m = re.match(r"(name|id|uses):\s*(.*)", stripped)
            if m:
                cur[m.group(1)] = m.group(2)
            m = re.match(r"run:\s*(.*)", stripped)
            if m:
                if m.group(1) == "|":
                    key_indent, body = indent(line), []
                    i += 1
                    while i < len(lines) and (not lines[i].strip() or
                                              indent(lines[i]) > key_indent):
                        body.append(lines[i])
                        i += 1
                    base = min(indent(b) for b in body if b.strip())
                    cur["run"] = "\n".join(b[base:] for b in body) + "\n"
                    continue
                cur["run"] = m.group(1) + "\n"
        i += 1
    return [s for s in steps if s["run"]]


def run_github(path, event, base_ref):
    steps = github_steps(open(path).read())
    outputs = {}
    for s in steps:
        name = s["name"] or s["run"].split("\n")[0]
        if s["skip"]:
            print("step %s: skipped" % name)
            continue
        script = s["run"]
        script = script.replace("${{ github.event_name }}", event)
        script = script.replace("${{ github.base_ref }}", base_ref)
        script = re.sub(r"\$\{\{ steps\.(\w+)\.outputs\.(\w+) \}\}",
                        lambda m: outputs.get((m.group(1), m.group(2)), ""), script)
        assert "${{" not in script, "unhandled expression in: " + script
        out_file = os.path.abspath("github_output.txt")
        open(out_file, "w").close()
        env = dict(os.environ, GITHUB_OUTPUT=out_file)
        rc = subprocess.call(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
                             env=env)
        for line in open(out_file):
            if "=" in line and s["id"]:
                k, v = line.strip().split("=", 1)
                outputs[(s["id"], k)] = v
        print("step %s: exit %d" % (name, rc), flush=True)
        if rc != 0:
            return rc
    return 0


def run_gitlab(path, target):
    lines = open(path).read().splitlines()
    section, skip, rc = None, False, 0
    for line in lines:
        stripped = line.strip()
        if re.match(r"^  (\w+):", line):
            section = stripped.rstrip(":").split(":")[0]
            skip = False
            continue
        if "corolint-test: skip" in line:
            skip = True
        if not stripped.startswith("- ") or section not in ("script", "before_script"):
            continue
        if skip and section == "before_script":
            print("step %s: skipped" % stripped[2:][:40])
            continue
        cmd = stripped[2:]
        env = dict(os.environ, CI_MERGE_REQUEST_TARGET_BRANCH_NAME=target)
        rc = subprocess.call(["sh", "-c", cmd], env=env)
        print("step %s: exit %d" % (cmd, rc), flush=True)
        if rc != 0:
            return rc
    return 0


def run_pre_commit(path, files):
    text = "\n".join(l for l in open(path).read().splitlines()
                     if not l.lstrip().startswith("#"))
    entry = re.search(r"entry:\s*(\S+)", text).group(1)
    args = re.search(r"args:\s*\[(.*)\]", text).group(1)
    args = [a.strip() for a in args.split(",")]
    rc = subprocess.call([entry] + args + files)
    print("hook %s: exit %d" % (entry, rc), flush=True)
    return rc


def main():
    kind = sys.argv[1]
    if kind == "github":
        rc = run_github(sys.argv[2], sys.argv[3], sys.argv[4])
    elif kind == "gitlab":
        rc = run_gitlab(sys.argv[2], sys.argv[3])
    else:
        rc = run_pre_commit(sys.argv[2], sys.argv[3:])
    print("result: exit %d" % rc)
    # The harness itself succeeds: the test checks the printed results.


if __name__ == "__main__":
    main()
