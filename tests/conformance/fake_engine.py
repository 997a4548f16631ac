#!/usr/bin/env python3
"""A stand-in for `loopscope run` that the comparator's self-test drives.

    python3 fake_engine.py run PROGRAM.py --clock virtual --events FILE

It asks the oracle what python3 does and replays that as an engine would report it (stdout, stderr,
exit status, and an --events file with seq/t/task/coro/line/kind), then spoils it as
$LOOPSCOPE_FAKE_ENGINE names, so that test_oracle.py can show compare.py catches each kind of mistake:
  faithful (default)  no change: compare.py must accept it
  swap                the first two prints change places
  late                the last print comes 0.1 program-seconds late
  drop_warning        the first warning is missing (from the events and stderr)
  stdout              stdout gains a character that the events do not have
  exit                the exit status is flipped between 0 and 1
  error_line          the traceback's final line is different
  seq_gap             event seq skips a number
  stub                what the engine stub does today: a message and exit status 2
"""

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oracle  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["run"])
    parser.add_argument("program")
    parser.add_argument("--clock", default="scaled")
    parser.add_argument("--events")
    args = parser.parse_args()
    mode = os.environ.get("LOOPSCOPE_FAKE_ENGINE", "faithful")
    if mode == "stub":
        print("loopscope run: the engine is not built yet", file=sys.stderr)
        return 2

    result = oracle.run(args.program)
    entries = oracle.timeline(result)
    stdout, stderr, exit_status = result["stdout_text"], result["stderr_text"], result["exit"]

    prints = [e for e in entries if e["kind"] == "print"]
    if mode == "swap" and len(prints) >= 2:
        a, b = entries.index(prints[0]), entries.index(prints[1])
        entries[a], entries[b] = dict(entries[b], t=entries[a]["t"]), dict(entries[a], t=entries[b]["t"])
        stdout = "".join(e["text"] for e in entries if e["kind"] == "print")
    elif mode == "late" and prints:
        prints[-1]["t"] += 0.1
        entries.sort(key=lambda e: e["t"])
    elif mode == "drop_warning":
        warning = next(e for e in entries if e["kind"] == "warning")
        entries.remove(warning)
        stderr = stderr.replace(f"{warning['category']}: {warning['message']}", "", 1)
    elif mode == "stdout":
        stdout += "?"
    elif mode == "exit":
        exit_status = 0 if exit_status else 1
    elif mode == "error_line":
        stderr += "ValueError: something else\n"

    events = [{"kind": "loop_state", "state": "created"}]
    for entry in entries:
        event = {"kind": entry["kind"]}
        if entry["kind"] == "print":
            event["text"] = entry["text"]
        else:
            event.update(category=entry["category"], message=entry["message"], line=entry["lineno"])
        events.append(dict(event, t=entry["t"]))
    events.append({"kind": "loop_state", "state": "closed"})
    last_t = 0.0
    with open(args.events, "w", encoding="utf-8") as f:
        for seq, event in enumerate(events):
            last_t = event.get("t", last_t)
            full = {"seq": seq + (1 if mode == "seq_gap" and seq > 0 else 0), "t": last_t,
                    "task": "Task-1", "coro": "main", "line": None}
            full.update(event)
            full["t"] = last_t
            f.write(json.dumps(full) + "\n")
    sys.stdout.write(stdout)
    sys.stderr.write(stderr)
    return exit_status


if __name__ == "__main__":
    sys.exit(main())
