#!/usr/bin/env python3
"""Checks what loopscope-load --json wrote; prints "json ok: ..." or says what is wrong and exits 1.
    check_json.py FILE windows SECONDS      lateness_windows_ms: one entry per SECONDS of the load (at most
                                            1,000, the last holding the rest), counts summing to the total
    check_json.py FILE server_lag MIN_IDLE  server_lag: samples over the load only (the server ran MIN_IDLE
                                            seconds before it), buckets consistent
    check_json.py FILE no_server_lag        no server_lag at all
"""
import json
import math
import sys

MAX_WINDOWS = 1000  # tools/load/lateness_windows.hpp


def fail(why):
    print(f"FAILED: {why}")
    sys.exit(1)


def check_windows(result, width):
    windows = result["lateness_windows_ms"]
    total = result["lateness_ms"]["count"]
    if total == 0:
        fail("no lateness was measured")
    expected = min(math.floor(result["seconds"] / width) + 1, MAX_WINDOWS)
    if len(windows) != expected:
        fail(f"{len(windows)} windows for {result['seconds']:.3f} s in windows of {width} s, {expected} expected")
    for i, window in enumerate(windows):
        if not math.isclose(window["start_s"], i * width, abs_tol=1e-9):
            fail(f"window {i} starts at {window['start_s']}, not {i * width}")
        if window["count"] == 0:
            if window["p99"] is not None:
                fail(f"window {i} has no events but a p99 of {window['p99']}")
        elif not window["p50"] <= window["p99"] <= window["max"] <= result["lateness_ms"]["max"]:
            fail(f"window {i}: p50 {window['p50']}, p99 {window['p99']}, max {window['max']} out of order")
    counted = sum(w["count"] for w in windows)
    if counted != total:
        fail(f"the windows count {counted} events, the whole run {total}")
    busy = [w for w in windows if w["count"] > 0]
    # A load of several windows' length spreads over them: not everything in one
    if len(windows) < MAX_WINDOWS and len(busy) < min(3, len(windows)):
        fail(f"only {len(busy)} of {len(windows)} windows saw events")
    p99s = sorted(w["p99"] for w in busy)
    middle = len(p99s) // 2
    median = p99s[middle] if len(p99s) % 2 else (p99s[middle - 1] + p99s[middle]) / 2
    summary = result["lateness_window_p99_ms"]
    if summary["windows"] != len(busy) or not math.isclose(summary["median"], median, abs_tol=0.002):
        fail(f"the summary {summary} does not match the windows' p99s {p99s}")
    worst = max(busy, key=lambda w: w["p99"])
    if summary["worst"] != worst["p99"] or summary["worst_start_s"] != worst["start_s"]:
        fail(f"the summary's worst window {summary} is not {worst}")
    print(f"json ok: {len(windows)} windows of {width} s, {counted} events, median p99 {summary['median']} ms")


def check_server_lag(result, idle_before):
    lag = result.get("server_lag")
    if lag is None:
        fail("no server_lag")
    if lag["count"] <= 0:
        fail(f"server_lag has {lag['count']} samples")
    # The server's probe ticks every ~100 ms: only the load's period counts, not the idle time before it
    most = result["seconds"] * 10 + 3
    if lag["count"] > most:
        fail(f"server_lag has {lag['count']} samples over a {result['seconds']:.1f} s load (at most {most:.0f}): "
             f"the server's {idle_before} s before the load were counted")
    counts = [b["count"] for b in lag["buckets"]]
    if counts != sorted(counts) or counts[-1] != lag["count"] or lag["buckets"][-1]["le_ms"] is not None:
        fail(f"buckets not cumulative up to +Inf (null) = count: {lag['buckets']}")
    bounds = [b["le_ms"] for b in lag["buckets"]]
    for name in ("p50_le_ms", "p99_le_ms", "max_le_ms"):
        if lag[name] not in bounds:
            fail(f"{name} {lag[name]} is not a bucket bound")
    if not lag["p50_le_ms"] <= lag["p99_le_ms"] <= lag["max_le_ms"]:
        fail(f"p50 / p99 / max out of order: {lag}")
    print(f"json ok: server_lag {lag['count']} samples, p99 <= {lag['p99_le_ms']} ms")


def main():
    path, what = sys.argv[1], sys.argv[2]
    with open(path) as f:
        result = json.load(f)
    if result.get("errors") != 0:
        fail(f"the load had {result.get('errors')} errors")
    if what == "windows":
        check_windows(result, float(sys.argv[3]))
    elif what == "server_lag":
        check_server_lag(result, float(sys.argv[3]))
    elif what == "no_server_lag":
        if "server_lag" in result:
            fail(f"server_lag present: {result['server_lag']}")
        print("json ok: no server_lag")
    else:
        fail(f"unknown check {what}")


main()
