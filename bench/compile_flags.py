"""The flags of a compile_commands.json entry, for the benchmarks."""
import os
import shlex


def flags_of(entry):
    """The compile command minus the compiler, the output, -c and the file."""
    args = entry.get("arguments") or shlex.split(entry["command"])
    flags, skip = [], False
    for a in args[1:]:
        if skip:
            skip = False
            continue
        if a in ("-o", "-c"):
            skip = a == "-o"
            continue
        if a == entry["file"] or os.path.basename(a) == os.path.basename(entry["file"]):
            continue
        flags.append(a)
    return flags
