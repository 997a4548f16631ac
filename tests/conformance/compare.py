#!/usr/bin/env python3
"""Does loopscope run a program the way python3 does?

    python3 compare.py PROGRAM.py --loopscope PATH_TO_BINARY [--tolerance 0.05] [--clock virtual|scaled] [--scale S]

Runs PROGRAM.py under real python3 through the oracle (oracle.py: on a virtual clock by default, every
print and warning stamped with its program time), then `PATH_TO_BINARY run PROGRAM.py --clock virtual --events
FILE`, and requires:
  - the same stdout, byte for byte;
  - the same prints and warnings (category and message) in the same order, each print's and warning's
    program time within the tolerance (0.05 program-seconds);
  - the same exit status, and on failure the same final line on stderr (`ZeroDivisionError: ...`); when
    an exception group ends the program, the same boxes, exception lines and chain messages; the last
    traceback on stderr the same line for line — frames, source lines, the carets under them, chained
    exceptions — with the standard library's frames told by file name and function only;
  - each warning shown on stderr as CPython shows it (`...: RuntimeWarning: message`);
  - for a program that has the line `# conformance: whole stderr`, all of stderr the same line for line
    (every traceback asyncio logs, library frames masked as above);
  - a well-formed event stream: one JSON object per line with seq, t, task, coro, line, kind; seq
    0, 1, 2, ... ; t never decreasing; the print events' texts adding up to stdout.
Exit status 0 when all hold, 1 on a mismatch (with a side-by-side of expected and got), 2 when the
harness itself could not run. A PATH_TO_BINARY ending in .py is run with this python3 (the fake
engine used by test_oracle.py).
"""

import argparse
import difflib
import re
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oracle  # noqa: E402

EVENT_FIELDS = ("seq", "t", "task", "coro", "line", "kind")


class engine_run:
    def __init__(self, stdout, stderr, exit, events):
        self.stdout, self.stderr, self.exit, self.events = stdout, stderr, exit, events


def run_engine(binary, program, timeout):
    command = [binary] if not binary.endswith(".py") else [sys.executable, binary]
    with tempfile.TemporaryDirectory(prefix="loopscope-compare-") as tmp:
        events_path = os.path.join(tmp, "events.jsonl")
        try:
            done = subprocess.run(command + ["run", program, "--clock", "virtual", "--events", events_path],
                                  capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired as hung:
            raise oracle.oracle_error(f"`{binary} run` did not finish within {timeout} real seconds"
                                      + oracle.output_so_far(hung))
        except OSError as e:
            raise oracle.oracle_error(f"cannot start {binary}: {e}")
        lines = []
        if os.path.exists(events_path):
            with open(events_path, encoding="utf-8", errors="replace") as f:
                lines = f.read().splitlines()
    return engine_run(done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace"),
                      done.returncode, lines)


def parse_events(lines, problems):
    """The engine's events, checked against the --events contract; problems are appended to."""
    events = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if number == 1 and line.startswith('{"format":'):
            continue  # the run file's header (protocol/README.md, "Run files"): the program, not an event
        try:
            event = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"events line {number} is not JSON ({e}): {line[:120]}")
            continue
        if not isinstance(event, dict):
            problems.append(f"events line {number} is not a JSON object: {line[:120]}")
            continue
        missing = [name for name in EVENT_FIELDS if name not in event]
        if missing:
            problems.append(f"events line {number} lacks {', '.join(missing)}: {line[:120]}")
            continue
        kind = event["kind"]
        needed = {"print": ("text",), "warning": ("category", "message")}.get(kind, ())
        missing = [name for name in needed if not isinstance(event.get(name), str)]
        if missing:
            problems.append(f"events line {number}: a {kind} event needs string {', '.join(missing)}")
            continue
        if not isinstance(event["t"], (int, float)):
            problems.append(f"events line {number}: t is not a number")
            continue
        events.append(event)
    for index, event in enumerate(events):
        if event["seq"] != index:
            problems.append(f"event seq runs 0, 1, 2, ...: event #{index} has seq {event['seq']}")
            break
    for before, after in zip(events, events[1:]):
        if after["t"] < before["t"]:
            problems.append(f"event t went backwards: seq {before['seq']} at t={before['t']}, "
                            f"seq {after['seq']} at t={after['t']}")
            break
    return events


# Reprs show objects' addresses (<function f at 0x7f...>): CPython's are wherever its allocator put the
# object, loopscope's are made up per run (deterministic); they are compared as "an address".
ADDRESS = re.compile(r" at 0x[0-9a-f]{6,}")  # also <asyncio.locks.Lock object at 0x... [locked]>, <Queue at 0x... maxsize=0>


# A future's callbacks that asyncio itself added name where they are defined (cb=[gather.<locals>.
# _done_callback() at /usr/lib/python3.11/asyncio/tasks.py:754]): loopscope names Debian 12's python3.11,
# another build of 3.11 has its own folder and lines a few apart; compared as "asyncio's own file".
ASYNCIO_SOURCE = re.compile(r" at /\S*/python3\.11/asyncio/(\w+)\.py:\d+")


def mask_addresses(text):
    return ASYNCIO_SOURCE.sub(r" at <asyncio>/\1.py", ADDRESS.sub(" at 0x...", text))


def key(entry):
    if entry["kind"] == "print":
        return ("print", mask_addresses(entry["text"]))
    return ("warning", entry["category"], entry["message"])


def show(entry):
    if entry is None:
        return ""
    return f"t={entry['t']:8.3f} {oracle.describe(entry)}"


def side_by_side(expected, got, tolerance):
    """Rows of expected vs got, aligned on content; marks: ' ' same, 't' time off, '-' / '+' / '!' differ."""
    width = max([len(show(e)) for e in expected] + [24])
    rows = [f"  {'expected (python3)':<{width}}   got (loopscope)"]
    matcher = difflib.SequenceMatcher(a=[key(e) for e in expected], b=[key(g) for g in got],
                                      autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            for e, g in zip(expected[a0:a1], got[b0:b1]):
                mark = "t" if abs(e["t"] - g["t"]) > tolerance else " "
                rows.append(f"{mark} {show(e):<{width}} | {show(g)}")
            continue
        left, right = expected[a0:a1], got[b0:b1]
        for i in range(max(len(left), len(right))):
            e = left[i] if i < len(left) else None
            g = right[i] if i < len(right) else None
            mark = "!" if e and g else ("-" if e else "+")
            rows.append(f"{mark} {show(e):<{width}} | {show(g)}")
    rows.append("marks: t = time differs by more than the tolerance, ! = differs, - = missing, + = extra")
    return "\n".join(rows)


def last_line(text):
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else None


def trailing_lines(text, error_line):
    """The lines after the last `error_line` in `text` (none when it is not there or ends the text)."""
    lines = [line for line in text.splitlines() if line.strip()]
    for k in range(len(lines) - 1, -1, -1):
        if mask_addresses(lines[k]) == mask_addresses(error_line):
            return lines[k + 1:]
    return []


GROUP_MARGIN = re.compile(r"^ *[|+] ?")


def group_skeleton(text):
    """The shape of an exception group's traceback: from the first traceback on, the lines that are not
    frames, source or carets (those are indented behind the group's margin), so that the boxes, the
    sub-exceptions' lines and the chain messages are compared, not file paths of asyncio's frames."""
    lines = text.splitlines()
    start = next((k for k, line in enumerate(lines)
                  if line.startswith("Traceback (most recent call last):") or "+ Exception Group Traceback" in line), None)
    if start is None:
        return []
    skeleton = []
    for line in lines[start:]:
        margin = GROUP_MARGIN.match(line) if "|" in line[:60] or "+" in line[:60] else None
        rest = line[margin.end():] if margin else line
        if not rest.startswith(" "):
            skeleton.append(line.rstrip())
    return skeleton


LIBRARY_FRAME = re.compile(r'File "[^"]*/lib/python3\.11/([^"]+)", line \d+')


def last_traceback(text):
    """The last traceback on stderr, from its header to the end: every frame's file, line, function,
    source line and carets (PEP 657), then the exception. The standard library's frames are compared
    by file and function, not by path or line number (those differ between 3.11 releases)."""
    lines = text.splitlines()
    starts = [k for k, line in enumerate(lines) if line.startswith("Traceback (most recent call last):")]
    if not starts:
        return None
    return [LIBRARY_FRAME.sub(r'File "LIB/\1", line N', mask_addresses(line)) for line in lines[starts[-1]:]]


def compare(program, binary, tolerance, scale, timeout, clock=None):
    """Returns (problems, report) where report is the side-by-side view."""
    expected_run = oracle.run(program, scale, timeout, clock=clock)
    got_run = run_engine(binary, os.path.abspath(program), timeout)
    problems = []

    events = parse_events(got_run.events, problems)
    if not got_run.events:
        problems.append("the engine wrote no events file (or an empty one)")
    expected = oracle.timeline(expected_run)
    got = [e for e in events if e["kind"] in ("print", "warning")]

    if [key(e) for e in expected] != [key(g) for g in got]:
        problems.append("prints and warnings differ in content or order")
    else:
        late = [(e, g) for e, g in zip(expected, got) if abs(e["t"] - g["t"]) > tolerance]
        for e, g in late:
            problems.append(f"{oracle.describe(e)} at t={g['t']:.3f}, python3 at t={e['t']:.3f} "
                            f"(tolerance {tolerance})")

    if mask_addresses(got_run.stdout) != mask_addresses(expected_run["stdout_text"]):
        problems.append("stdout differs:\n" + "".join(difflib.unified_diff(
            expected_run["stdout_text"].splitlines(True), got_run.stdout.splitlines(True),
            "python3 stdout", "loopscope stdout")))
    printed = "".join(g["text"] for g in got if g["kind"] == "print")
    if printed != got_run.stdout:
        problems.append("the engine's print events do not add up to its stdout")

    if got_run.exit != expected_run["exit"]:
        problems.append(f"exit status {got_run.exit}, python3 exits {expected_run['exit']}")
    if expected_run["error_last_line"] is not None:
        got_last = last_line(got_run.stderr)
        expected_last = expected_run["error_last_line"]
        if "Exception Group Traceback" in expected_run["stderr_text"]:
            expected_last = last_line(expected_run["stderr_text"])  # a group's traceback ends with its box
        else:
            # What python3 writes after the traceback (`sys:1: RuntimeWarning: coroutine 'f' was never
            # awaited`, at the interpreter's exit) must end the engine's stderr too, after its last line
            tail = trailing_lines(expected_run["stderr_text"], expected_last)
            got_lines = [line for line in got_run.stderr.splitlines() if line.strip()]
            if tail and len(got_lines) > len(tail) and \
                    [mask_addresses(line) for line in got_lines[-len(tail):]] == [mask_addresses(line) for line in tail]:
                got_last = got_lines[-len(tail) - 1]
        if got_last is None or mask_addresses(got_last) != mask_addresses(expected_last):
            problems.append(f"stderr ends with {got_last!r}, python3's ends with {expected_last!r}")
        if "Exception Group Traceback" in expected_run["stderr_text"]:
            want, have = group_skeleton(expected_run["stderr_text"]), group_skeleton(got_run.stderr)
            if [mask_addresses(x) for x in want] != [mask_addresses(x) for x in have]:
                problems.append("the exception group's traceback differs:\n" + "".join(difflib.unified_diff(
                    [x + "\n" for x in want], [x + "\n" for x in have], "python3", "loopscope")))

    if "Exception Group Traceback" not in expected_run["stderr_text"]:
        want, have = last_traceback(expected_run["stderr_text"]), last_traceback(got_run.stderr)
        # A SyntaxError is raised by the oracle's compile(): its traceback shows the oracle's frames
        compiled = want is not None and any("oracle_child.py" in line for line in want)
        if want is not None and not compiled and want != have:
            problems.append("the traceback differs:\n" + "".join(difflib.unified_diff(
                [x + "\n" for x in want], [x + "\n" for x in (have or [])], "python3", "loopscope")))

    # A program that says so is compared on its whole stderr: every traceback asyncio logs (an exception
    # in a callback, one never retrieved), not only the last, with the library's frames masked as above
    with open(program, encoding="utf-8") as source:
        whole_stderr = "# conformance: whole stderr" in source.read()
    if whole_stderr:
        def masked(text):
            return [LIBRARY_FRAME.sub(r'File "LIB/\1", line N', mask_addresses(line)) for line in text.splitlines()]
        want, have = masked(expected_run["stderr_text"]), masked(got_run.stderr)
        if want != have:
            problems.append("stderr differs:\n" + "".join(difflib.unified_diff(
                [x + "\n" for x in want], [x + "\n" for x in have], "python3", "loopscope")))

    position = 0
    for warning in expected_run["warnings"]:
        shown = f"{warning['category']}: {warning['message']}"
        found = got_run.stderr.find(shown, position)
        if found < 0:
            problems.append(f"stderr does not show `{shown}` (in order)")
        else:
            position = found + len(shown)

    report = side_by_side(expected, got, tolerance)
    if problems and got_run.stderr.strip():
        report += "\nloopscope stderr:\n" + got_run.stderr.rstrip()
    if problems and expected_run["stderr_text"].strip():
        report += "\npython3 stderr:\n" + expected_run["stderr_text"].rstrip()
    return problems, report


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("program")
    parser.add_argument("--loopscope", required=True, help="the loopscope binary (or a fake engine .py)")
    parser.add_argument("--tolerance", type=float, default=0.05, help="program-seconds (default 0.05)")
    parser.add_argument("--clock", choices=oracle.CLOCKS, default=None,
                        help="the oracle's program clock (default virtual, or $LOOPSCOPE_ORACLE_CLOCK)")
    parser.add_argument("--scale", type=float, default=None,
                        help=f"scaled clock: real seconds per program-second (default {oracle.DEFAULT_SCALE})")
    parser.add_argument("--timeout", type=float, default=60.0, help="real seconds per run (python3, then loopscope)")
    args = parser.parse_args()
    name = os.path.basename(args.program)
    try:
        problems, report = compare(args.program, args.loopscope, args.tolerance, args.scale, args.timeout,
                                  args.clock)
    except oracle.oracle_error as e:
        print(f"{name}: cannot compare: {e}", file=sys.stderr)
        return 2
    if problems:
        print(f"{name}: loopscope differs from python3")
        for problem in problems:
            print(f"  - {problem}")
        print(report)
        return 1
    print(f"{name}: same as python3")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
