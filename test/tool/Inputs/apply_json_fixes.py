#!/usr/bin/env python3
"""Applies the first fix of every finding of a corolint JSON report to the
files under ROOT (in place), the way an editor or a bot that reads the report
would: edits sorted by offset, from the end of each file. Prints how many.

    apply_json_fixes.py REPORT.json ROOT
"""
import json
import os
import sys

report, root = sys.argv[1:]
edits = {}
for finding in json.load(open(report))["findings"]:
    if finding["fixes"]:
        for e in finding["fixes"][0]["edits"]:
            edits.setdefault(os.path.join(root, e["file"]), []).append(e)
count = 0
for path, file_edits in edits.items():
    data = open(path, "rb").read()
    for e in sorted(file_edits, key=lambda e: e["offset"], reverse=True):
        data = (data[:e["offset"]] + e["text"].encode() +
                data[e["offset"] + e["length"]:])
        count += 1
    open(path, "wb").write(data)
print("applied %d edits" % count)
