#!/usr/bin/env python3
"""The library in Python (server/engine/asyncio/library/*.py: asyncio's modules and logging) shows
CPython's own places in tracebacks: a line marked `#@ N` (or `#@ FILE:N`) is shown as line N of CPython's
file, with its text there. This checks every mark against the file its module's header names (Debian's
python3 3.11, the oracle's, under /usr/lib/python3.11, whatever python3 runs this): that line of that
file has the same text as the marked line (stripped, without its mark).

    python3 tests/engine/library_lines_test.py
"""

import os
import re
import sys

LIBRARY = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "server", "engine", "asyncio", "library")
LIB = "/usr/lib/python3.11/"
MARK = re.compile(r"^(?P<code>.*?)\s*#@ (?:(?P<file>[\w.]+):)?(?P<line>\d+)$")


def main():
    problems, checked = [], 0
    for name in sorted(os.listdir(LIBRARY)):
        if not name.endswith(".py"):
            continue
        with open(os.path.join(LIBRARY, name), encoding="utf-8") as f:
            lines = f.read().splitlines()
        header = lines[0].split()
        if len(header) != 3 or header[0] != "#@module" or not header[2].startswith(LIB):
            problems.append(f"{name}: the first line is not '#@module NAME /usr/lib/python3.11/DIRECTORY/FILE.py'")
            continue
        directory, default_file = os.path.split(header[2])
        for number, text in enumerate(lines[1:], start=2):
            found = MARK.match(text)
            if not found:
                continue
            file = found.group("file") or default_file
            with open(os.path.join(directory, file), encoding="utf-8") as f:
                cpython = f.read().splitlines()
            at = int(found.group("line"))
            theirs = cpython[at - 1].strip() if 0 < at <= len(cpython) else None
            ours = found.group("code").strip()
            checked += 1
            if theirs != ours:
                problems.append(f"{name}:{number}: marked as {file}:{at}, whose text is {theirs!r}, not {ours!r}")
    for p in problems:
        print(p)
    print(f"{checked} marked lines checked against {LIB}")
    if checked == 0:
        print("no marked lines found: the library was not read")
        return 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
