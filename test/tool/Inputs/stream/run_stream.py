"""Shows that the text report is printed while the run goes on.

    run_stream.py COROLINT DIR

DIR has first.cpp (a finding) and second.cpp, which includes the named pipe
DIR/gate.h: its analysis cannot finish until something is written to the
pipe. The script starts corolint, waits (up to 120 s) for first.cpp's finding
on corolint's standard output, and only then opens the gate. If the report
is printed only at the end, the finding never comes before the gate opens:
the script says so and exits 1 (after opening the gate, so nothing hangs).
"""
import os
import subprocess
import sys
import threading
import time

corolint, d = sys.argv[1], sys.argv[2]
gate = os.path.join(d, "gate.h")
os.mkfifo(gate)
proc = subprocess.Popen([corolint, "-p", d, "-j2", "--no-cache", "--quiet"],
                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
seen = threading.Event()
lines = []


def read():
    for line in proc.stdout:
        lines.append(line)
        if "first.cpp" in line and "warning:" in line:
            seen.set()


reader = threading.Thread(target=read)
reader.start()
early = seen.wait(120)
with open(gate, "w") as g:  # open the gate: second.cpp can be read now
    g.write("inline int gate_opened = 1;\n")
proc.wait()
reader.join()
sys.stdout.write("".join(lines))
sys.stdout.write(proc.stderr.read())
if not early:
    print("run_stream.py: first.cpp's finding was not printed before second.cpp finished")
    sys.exit(1)
print("run_stream.py: first.cpp's finding was printed while second.cpp was still being analysed")
