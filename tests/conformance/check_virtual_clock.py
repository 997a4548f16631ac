#!/usr/bin/env python3
"""Does the oracle's virtual clock see what real-time CPython does?

    python3 check_virtual_clock.py [PROGRAM.py ...] [--tolerance 0.03] [--scale 0.2] [--jobs 1]

Runs each program (by default every conformance program, every catalog program and the oracle-only
programs in oracle_programs/) twice under python3: on the virtual clock (what compare.py checks the
engine against) and on the scaled real-time clock (time passes for real, scaled down). Requires the
same prints and warnings in the same order, the same stdout, exit status and final error line, and
every print's and warning's program time within the tolerance (0.03 program-seconds). Exit status 0
when all agree, 1 otherwise (each difference listed), 2 when a run could not be made.

The programs of oracle_programs/ use executor threads, which run on real time: the scaled clock is
plain real time there, late wake-ups included, so those run at scale 1 (not S) and are held to 0.05
(OS wake-ups late by milliseconds on a loaded machine add up along a chain).
"""

import argparse
import concurrent.futures
import glob
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import oracle  # noqa: E402

CATALOG = os.path.join(HERE, "..", "..", "server", "catalog", "programs")
THREADED = os.path.join(HERE, "oracle_programs")
SETS = [os.path.join(HERE, "programs"), CATALOG, THREADED]
THREADED_SCALE, THREADED_TOLERANCE = 1.0, 0.05


def all_programs():
    return [path for folder in SETS for path in sorted(glob.glob(os.path.join(folder, "*.py")))]


def real_time_settings(path, scale, tolerance):
    if os.path.dirname(os.path.abspath(path)) == THREADED:
        return THREADED_SCALE, max(tolerance, THREADED_TOLERANCE)
    return scale, tolerance


def differences(virtual, real, tolerance):
    """What differs between the two observations of one program, as sentences."""
    found = []
    expected, got = oracle.timeline(real), oracle.timeline(virtual)
    describe = [oracle.describe(e) for e in expected], [oracle.describe(g) for g in got]
    if describe[0] != describe[1]:
        found.append("prints and warnings differ:\n    real-time: " + "\n               ".join(describe[0])
                     + "\n    virtual:   " + "\n               ".join(describe[1]))
    else:
        for e, g in zip(expected, got):
            if abs(e["t"] - g["t"]) > tolerance:
                found.append(f"{oracle.describe(e)} at t={g['t']:.4f} on the virtual clock, "
                             f"t={e['t']:.4f} in real time")
    for field in ("stdout_text", "exit", "error_last_line"):
        if virtual[field] != real[field]:
            found.append(f"{field}: virtual {virtual[field]!r}, real-time {real[field]!r}")
    return found


def check(path, tolerance, scale, timeout):
    scale, tolerance = real_time_settings(path, scale, tolerance)
    began = time.perf_counter()
    virtual = oracle.run(path, timeout=timeout, clock="virtual")
    virtual_seconds = time.perf_counter() - began
    real = oracle.run(path, scale=scale, timeout=timeout, clock="scaled")
    return differences(virtual, real, tolerance), virtual_seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("programs", nargs="*")
    parser.add_argument("--tolerance", type=float, default=0.03, help="program-seconds (default 0.03)")
    parser.add_argument("--scale", type=float, default=None,
                        help=f"real seconds per program-second of the real-time run (default {oracle.DEFAULT_SCALE})")
    parser.add_argument("--timeout", type=float, default=60.0, help="real seconds per run")
    parser.add_argument("--jobs", type=int, default=1, help="programs checked at once (default 1)")
    args = parser.parse_args()
    programs = args.programs or all_programs()
    failed = 0
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        checks = {path: pool.submit(check, path, args.tolerance, args.scale, args.timeout) for path in programs}
        for path, done in checks.items():
            name = os.path.relpath(path, HERE)
            try:
                found, virtual_seconds = done.result()
            except oracle.oracle_error as e:
                print(f"{name}: cannot check: {e}")
                return 2
            if found:
                failed += 1
                print(f"{name}: the virtual clock differs from real time")
                for difference in found:
                    print(f"  - {difference}")
            else:
                print(f"{name}: same ({virtual_seconds:.2f} real s on the virtual clock)")
    print(f"{len(programs) - failed} of {len(programs)} programs agree")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
