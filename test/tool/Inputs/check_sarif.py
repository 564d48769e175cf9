#!/usr/bin/env python3
"""Cross-checks a corolint SARIF log: every result's rule exists at its
ruleIndex, its file exists under %SRCROOT%, and its primaryLocationLineHash
equals the hash computed here, independently, the way github/codeql-action
computes it on upload (rolling hash over the next 100 non-blank UTF-16 code
units from each line start). Prints one line per result for FileCheck.

    check_sarif.py LOG.sarif
"""
import json
import os
import sys
from urllib.parse import unquote, urlparse

MASK = (1 << 64) - 1


def line_hashes(path):
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    units = list(text.encode("utf-16-le"))
    units = [units[i] | (units[i + 1] << 8) for i in range(0, len(units), 2)]
    block, mod = 100, 37
    first_mod = pow(mod, block, 1 << 64)
    window = [0] * block
    line_numbers = [-1] * block
    state = {"hash": 0, "index": 0, "line": 0, "start": True, "cr": False}
    counts, hashes = {}, {}

    def output():
        value = "%x" % state["hash"]
        counts[value] = counts.get(value, 0) + 1
        hashes[line_numbers[state["index"]]] = "%s:%d" % (value, counts[value])
        line_numbers[state["index"]] = -1

    def update(c):
        begin = window[state["index"]]
        window[state["index"]] = c
        state["hash"] = (mod * state["hash"] + c - first_mod * begin) & MASK
        state["index"] = (state["index"] + 1) % block

    def process(c):
        if c in (0x20, 0x09) or (state["cr"] and c == 0x0A):
            state["cr"] = False
            return
        if c == 0x0D:
            c, state["cr"] = 0x0A, True
        else:
            state["cr"] = False
        if line_numbers[state["index"]] != -1:
            output()
        if state["start"]:
            state["start"] = False
            state["line"] += 1
            line_numbers[state["index"]] = state["line"]
        if c == 0x0A:
            state["start"] = True
        update(c)

    for u in units:
        process(u)
    process(65535)
    for _ in range(block):
        if line_numbers[state["index"]] != -1:
            output()
        update(0)
    return hashes


def main():
    log = json.load(open(sys.argv[1]))
    assert log["version"] == "2.1.0", log["version"]
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    root = unquote(urlparse(run["originalUriBaseIds"]["%SRCROOT%"]["uri"]).path)
    for rule in rules:
        assert rule["help"]["markdown"].startswith("# " + rule["id"]), rule["id"]
        assert rule["shortDescription"]["text"], rule["id"]
    for r in run["results"]:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"], r
        loc = r["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        path = os.path.join(root, unquote(loc["artifactLocation"]["uri"]))
        region = loc["region"]
        expected = line_hashes(path)[region["startLine"]]
        got = r["partialFingerprints"]["primaryLocationLineHash"]
        assert got == expected, "%s:%d: corolint %s, expected %s" % (
            path, region["startLine"], got, expected)
        print("result %s %s:%d:%d-%d:%d related=%d hash-ok" % (
            r["ruleId"], loc["artifactLocation"]["uri"], region["startLine"],
            region["startColumn"], region["endLine"], region["endColumn"],
            len(r.get("relatedLocations", []))))
    print("rules", " ".join(r["id"] for r in rules))


if __name__ == "__main__":
    main()
