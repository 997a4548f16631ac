#!/usr/bin/env python3
"""The conformance oracle: what real python3 prints for a program, and at which program time.

    python3 oracle.py PROGRAM.py [--clock virtual|scaled] [--scale S] [--timeout SECONDS]

Runs PROGRAM.py under this python3 (plain `python3 PROGRAM.py` semantics: default warning filters) on
a program clock that starts at 0 when the program starts, with PYTHONHASHSEED=0 (the engine hashes str as
CPython does under it, so sets of strings iterate alike). asyncio's timers, `time.sleep`,
`loop.time()`, `time.monotonic()`, `time.perf_counter()` and `time.time()` run on it.
  virtual (default, or $LOOPSCOPE_ORACLE_CLOCK)  time moves only by waits and never for real: the
      selector jumps to the next deadline, `time.sleep(d)` adds d, code costs nothing -- as the
      engine's `--clock virtual`; exact and fast.
  scaled  real time scaled down: one program-second lasts S real seconds (default 0.2, or
      $LOOPSCOPE_ORACLE_SCALE); kept to check the virtual clock against real CPython
      (check_virtual_clock.py).
See oracle_child.py for both.

Prints one JSON object:
  stdout        [{text, t, seq}]  one per print call; text includes `end`
  stderr_text   everything written to stderr (warnings, tracebacks)
  warnings      [{category, message, t, seq, filename, lineno}]  warnings that were shown
  exit          exit status
  error_last_line  the final line of the traceback of an uncaught exception, or null
  elapsed       program time when the program's top level finished, or null
  stdout_text   the raw stdout (equals the prints' texts joined)
`seq` numbers prints and warnings together in the order they happened.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SCALE = 0.2
CLOCKS = ("virtual", "scaled")


def default_scale():
    return float(os.environ.get("LOOPSCOPE_ORACLE_SCALE", DEFAULT_SCALE))


def default_clock():
    return os.environ.get("LOOPSCOPE_ORACLE_CLOCK", "virtual")


class oracle_error(Exception):
    pass


def output_so_far(hung):
    """The end of what a process that timed out wrote, to show where it was."""
    text = ""
    for name, data in (("stdout", hung.stdout), ("stderr", hung.stderr)):
        if data:
            text += f"\n{name} so far (the end):\n" + data[-2000:].decode("utf-8", "replace")
    return text or " (it wrote nothing)"


def run(program, scale=None, timeout=60.0, python=sys.executable, clock=None):
    """Run PROGRAM under python3 and return the observation as a dict (see the module doc)."""
    scale = default_scale() if scale is None else scale
    clock = default_clock() if clock is None else clock
    if scale <= 0:
        raise oracle_error("scale must be positive")
    if clock not in CLOCKS:
        raise oracle_error(f"clock must be one of {', '.join(CLOCKS)}, not {clock!r}")
    program = os.path.abspath(program)
    with tempfile.TemporaryDirectory(prefix="loopscope-oracle-") as tmp:
        records_path = os.path.join(tmp, "records.jsonl")
        env = dict(os.environ)
        env["LOOPSCOPE_ORACLE_SCALE"] = repr(scale)
        env["LOOPSCOPE_ORACLE_CLOCK"] = clock
        env["LOOPSCOPE_ORACLE_RECORDS"] = records_path
        env["PYTHONIOENCODING"] = "utf-8"
        # str hashes (and so the order of a set of strings) as the engine computes them: CPython's
        # siphash13 with the key PYTHONHASHSEED=0 gives (engine README, deviations).
        env["PYTHONHASHSEED"] = "0"
        for name in ("PYTHONWARNINGS", "PYTHONDEVMODE", "PYTHONASYNCIODEBUG", "PYTHONTRACEMALLOC"):
            env.pop(name, None)
        bootstrap = f"import sys; sys.path.insert(0, {HERE!r}); import oracle_child; oracle_child.main()"
        try:
            done = subprocess.run([python, "-c", bootstrap, program], env=env,
                                  cwd=os.path.dirname(program), capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired as hung:
            raise oracle_error(f"{program} did not finish within {timeout} real seconds under python3"
                               + output_so_far(hung))
        records = []
        if os.path.exists(records_path):
            with open(records_path, encoding="utf-8") as f:
                records = [json.loads(line) for line in f if line.strip()]

    result = {"stdout": [], "stderr_text": done.stderr.decode("utf-8", "replace"), "warnings": [],
              "exit": done.returncode, "error_last_line": None, "elapsed": None,
              "stdout_text": done.stdout.decode("utf-8", "replace"), "clock": clock,
              "scale": scale if clock == "scaled" else None}
    for seq, record in enumerate(r for r in records if r["kind"] in ("print", "warning")):
        if record["kind"] == "print":
            result["stdout"].append({"text": record["text"], "t": record["t"], "seq": seq})
        else:
            result["warnings"].append({"category": record["category"], "message": record["message"],
                                       "t": record["t"], "seq": seq, "filename": record["filename"],
                                       "lineno": record["lineno"]})
    _add_shutdown_warnings(result, records)
    for record in records:
        if record["kind"] == "exception":
            result["error_last_line"] = record["last_line"]
        elif record["kind"] == "end":
            result["elapsed"] = record["t"]
    if "".join(p["text"] for p in result["stdout"]) != result["stdout_text"]:
        raise oracle_error(f"{program} wrote to stdout other than through print(); "
                           "the oracle cannot time that output")
    return result


# `FILE:LINE: CategoryWarning: message`, how CPython shows a warning on stderr.
_WARNING_LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+): (?P<category>[A-Za-z_]\w*Warning): (?P<message>.*)$")


def _add_shutdown_warnings(result, records):
    """Warnings shown on stderr that no hook saw: CPython emits those at interpreter exit
    (e.g. `sys:1: RuntimeWarning: coroutine 'f' was never awaited` for a module-level coroutine).
    They come after everything the program did, at its last program time."""
    shown = [m for m in map(_WARNING_LINE.match, result["stderr_text"].splitlines()) if m]
    hooked = [(w["category"], w["message"]) for w in result["warnings"]]
    unhooked = []
    for match in shown:
        key = (match["category"], match["message"])
        if hooked and hooked[0] == key:
            hooked.pop(0)
        else:
            unhooked.append(match)
    end = max([r["t"] for r in records] + [0.0])
    seq = len(result["stdout"]) + len(result["warnings"])
    for match in unhooked:
        result["warnings"].append({"category": match["category"], "message": match["message"],
                                   "t": end, "seq": seq, "filename": match["file"],
                                   "lineno": int(match["line"]), "at_exit": True})
        seq += 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("program")
    parser.add_argument("--clock", choices=CLOCKS, default=None,
                        help="program clock (default virtual, or $LOOPSCOPE_ORACLE_CLOCK)")
    parser.add_argument("--scale", type=float, default=None,
                        help=f"scaled clock: real seconds per program-second (default {DEFAULT_SCALE})")
    parser.add_argument("--timeout", type=float, default=60.0, help="real seconds before giving up")
    parser.add_argument("--table", action="store_true",
                        help="print a human-readable timeline instead of JSON")
    args = parser.parse_args()
    try:
        result = run(args.program, args.scale, args.timeout, clock=args.clock)
    except oracle_error as e:
        print(f"oracle: {e}", file=sys.stderr)
        return 2
    if args.table:
        print(format_table(result))
    else:
        json.dump(result, sys.stdout, indent=1, ensure_ascii=False)
        print()
    return 0


def timeline(result):
    """Prints and warnings, merged in the order they happened."""
    return sorted([dict(e, kind="print") for e in result["stdout"]] +
                  [dict(e, kind="warning") for e in result["warnings"]], key=lambda e: e["seq"])


def describe(entry):
    if entry["kind"] == "print":
        return f"print   {entry['text']!r}"
    return f"warning {entry['category']}: {entry['message']}"


def format_table(result):
    lines = [f"t={e['t']:8.4f}  {describe(e)}" for e in timeline(result)]
    lines.append(f"exit {result['exit']}" +
                 (f", error: {result['error_last_line']}" if result["error_last_line"] else "") +
                 (f", top level done at t={result['elapsed']:.4f}" if result["elapsed"] is not None else ""))
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
