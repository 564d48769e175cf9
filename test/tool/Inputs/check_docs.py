#!/usr/bin/env python3
"""Checks that every check corolint lists (--list-checks on standard input)
has a page docs/checks/<name>.md that follows docs/check-template.md: the
template's '## ' sections, in the template's order (a page may add its own
sections between them). Prints one line per page checked."""
import os
import re
import sys

docs = sys.argv[1]


def headings(path):
    with open(path, encoding="utf-8") as f:
        return [line[3:].strip() for line in f if line.startswith("## ")]


required = headings(os.path.join(docs, "check-template.md"))
names = re.findall(r"^\s+(coro-[a-z0-9-]+)\s*$", sys.stdin.read(), re.M)
if not names:
    sys.exit("no checks listed")
failed = False
for name in names:
    page = os.path.join(docs, "checks", name + ".md")
    if not os.path.exists(page):
        print("%s: missing %s" % (name, page))
        failed = True
        continue
    with open(page, encoding="utf-8") as f:
        first = f.readline().strip()
    have = [h for h in headings(page) if h in required]
    if first != "# " + name or have != required:
        print("%s: title %r, template sections %s; want '# %s' and %s"
              % (name, first, have, name, required))
        failed = True
        continue
    print("%s: ok" % name)
sys.exit(1 if failed else 0)
