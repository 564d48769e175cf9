#!/usr/bin/env python3
"""Drives a language server over LSP on stdio, as an editor would, through
one session on a coroutine file, printing what it receives for FileCheck.

    lsp_session.py SERVER_CMD... -- FILE

1. initialize (prints the serverInfo: "server <name> <version>") /
   initialized; didOpen FILE.
2. Waits for publishDiagnostics with findings; prints each
   ("diag <line>:<col> <source> <code>: <message>").
3. For each coro finding, asks for code actions over its range and prints
   them ("action <title>: <edit>").
4. didChange to the text with the first coro-unawaited-task quick fix
   applied; prints the diagnostics that follow.
5. shutdown / exit; prints the server's exit status.
"""
import json
import os
import subprocess
import sys
import threading
import queue
import time


class Server:
    def __init__(self, cmd):
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=open(os.environ.get("LSP_LOG", os.devnull), "w"))
        self.messages = queue.Queue()
        self.next_id = 1
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.decode().strip()
                if not line:
                    break
                if line.lower().startswith("content-length:"):
                    length = int(line.split(":")[1])
            self.messages.put(json.loads(out.read(length)))

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params, timeout=120):
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == rid and "method" not in m, timeout)["result"]

    def wait(self, pred, timeout=120):
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                m = self.messages.get(timeout=max(0.1, deadline - time.time()))
            except queue.Empty:
                break
            if m is None:
                raise SystemExit("server exited early")
            if "method" in m and "id" in m:  # a request from the server
                self.send({"jsonrpc": "2.0", "id": m["id"], "result": None})
                continue
            if pred(m):
                return m
        raise SystemExit("timed out waiting for the server")


def diagnostics_for(server, uri, version):
    m = server.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                    and m["params"]["uri"] == uri
                    and m["params"].get("version") == version)
    return m["params"]["diagnostics"]


def show(diags):
    for d in sorted(diags, key=lambda d: (d["range"]["start"]["line"], d.get("code", ""))):
        s = d["range"]["start"]
        print("diag %d:%d %s %s: %s" % (s["line"] + 1, s["character"] + 1, d.get("source"),
                                        d.get("code"), d["message"].split("\n")[0]))
        if "codeDescription" in d:
            print("  doc %s" % d["codeDescription"]["href"])


def apply(text, edits):
    lines = text.split("\n")
    def offset(pos):
        return sum(len(l) + 1 for l in lines[:pos["line"]]) + pos["character"]
    for e in sorted(edits, key=lambda e: offset(e["range"]["start"]), reverse=True):
        a, b = offset(e["range"]["start"]), offset(e["range"]["end"])
        text = text[:a] + e["newText"] + text[b:]
    return text


def main():
    sep = sys.argv.index("--")
    cmd, path = sys.argv[1:sep], os.path.abspath(sys.argv[sep + 1])
    uri = "file://" + path
    text = open(path).read()
    server = Server(cmd)
    init = server.request("initialize", {
        "processId": os.getpid(), "rootUri": "file://" + os.path.dirname(path),
        "capabilities": {"textDocument": {
            "publishDiagnostics": {"codeDescriptionSupport": True},
            "codeAction": {"codeActionLiteralSupport": {
                "codeActionKind": {"valueSet": ["quickfix"]}}}}}})
    info = init.get("serverInfo", {})
    print("server %s %s" % (info.get("name"), info.get("version")))
    server.notify("initialized", {})
    server.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "cpp", "version": 1, "text": text}})
    diags = diagnostics_for(server, uri, 1)
    show(diags)

    fix_edits = None
    for d in diags:
        if not str(d.get("code", "")).startswith("coro-"):
            continue
        actions = server.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": d["range"],
            "context": {"diagnostics": [d]}})
        for a in actions or []:
            edits = a.get("edit", {}).get("changes", {}).get(uri, [])
            print("action %s [%s]: %s" % (a["title"], d["code"],
                                         " | ".join(repr(e["newText"]) for e in edits)))
            if d["code"] == "coro-unawaited-task" and fix_edits is None:
                fix_edits = edits

    if fix_edits:
        fixed = apply(text, fix_edits)
        server.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"text": fixed}]})
        print("-- after applying the first coro-unawaited-task fix")
        show(diagnostics_for(server, uri, 2))

    server.request("shutdown", None)
    server.notify("exit", None)
    print("server exit status %d" % server.proc.wait(timeout=60))


if __name__ == "__main__":
    main()
