#!/usr/bin/env python3
"""Lists corolint's actions in a Bazel --execution_log_json_file, one a line:
mnemonic, what it analysed, and whether it ran or came from a cache.

The log is a sequence of JSON objects (Bazel 4.2 writes them back to back,
newer ones one per line); actions the local action cache answered are not in
it at all.
"""
import json
import sys

text = open(sys.argv[1]).read()
decoder = json.JSONDecoder()
at, lines = 0, []
while True:
    while at < len(text) and text[at].isspace():
        at += 1
    if at == len(text):
        break
    spawn, at = decoder.raw_decode(text, at)
    if spawn.get("mnemonic", "").startswith("Corolint"):
        how = "cached" if spawn.get("remoteCacheHit") else "ran"
        lines.append("%s %s: %s" % (spawn["mnemonic"], spawn.get("progressMessage"), how))
print("\n".join(sorted(lines)) if lines else "no corolint action")
