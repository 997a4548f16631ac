#!/usr/bin/env python3
"""loopscope-load against a websocket server that is not loopscope: its /metrics answers 404, or never.
The tool must skip the server's lag quietly (exit 0, nothing reported), ask /metrics once only (not
again at the end), and give up on a silent one after its 5 s bound.
    metrics_target_test.py LOOPSCOPE_LOAD
"""
import asyncio
import http
import json
import subprocess
import sys
import tempfile
import threading
import time

import websockets

METRICS_TIMEOUT = 5  # tools/load/load_client.cpp


class FakeServer:
    """/echo echoes; /metrics answers as `mode` says and is counted."""

    def __init__(self, mode):
        self.mode = mode
        self.metrics_requests = 0
        self.port = None
        ready = threading.Event()
        threading.Thread(target=lambda: asyncio.run(self.serve(ready)), daemon=True).start()
        if not ready.wait(10):
            raise RuntimeError("the fake server did not start")

    async def process_request(self, path, headers):
        if path != "/metrics":
            return None  # the websocket handshake goes on
        self.metrics_requests += 1
        if self.mode == "hang":
            await asyncio.sleep(3600)
        return http.HTTPStatus.NOT_FOUND, [], b"not here\n"

    async def serve(self, ready):
        async def echo(ws):
            async for message in ws:
                await ws.send(message)

        async with websockets.serve(echo, "127.0.0.1", 0, process_request=self.process_request) as server:
            self.port = server.sockets[0].getsockname()[1]
            ready.set()
            await asyncio.Future()


def run_load(load, port, json_path):
    started = time.monotonic()
    result = subprocess.run([load, "--url", f"ws://127.0.0.1:{port}/echo", "--echo", "--size", "64", "--connections", "5",
                             "--runs", "20", "--json", json_path, "--no-progress"],
                            capture_output=True, text=True, timeout=60)
    return result, time.monotonic() - started


def check(mode, load, failures):
    server = FakeServer(mode)
    with tempfile.NamedTemporaryFile(suffix=".json") as json_file:
        result, seconds = run_load(load, server.port, json_file.name)
        print(f"--- /metrics {mode}: exit {result.returncode} after {seconds:.1f} s\n{result.stdout}{result.stderr}")
        report = json.load(open(json_file.name)) if result.returncode == 0 else {}

    def expect(ok, why):
        if not ok:
            failures.append(f"/metrics {mode}: {why}")

    expect(result.returncode == 0, f"exit status {result.returncode}, 0 expected")
    expect(report.get("echo", {}).get("round_trips") == 100, "not every round trip was made")
    expect("server lag" not in result.stdout, "a server lag was reported")
    expect("server_lag" not in report, "server_lag is in the JSON")
    expect(result.stderr == "", f"something on stderr: {result.stderr!r}")
    # Asked before the load only: a target without loopscope's /metrics is not asked again at the end
    expect(server.metrics_requests == 1, f"/metrics asked {server.metrics_requests} times, once expected")
    if mode == "hang":
        expect(METRICS_TIMEOUT - 0.5 <= seconds <= METRICS_TIMEOUT + 4,
               f"took {seconds:.1f} s: the silent /metrics should cost its {METRICS_TIMEOUT} s bound once")


def main():
    failures = []
    for mode in ("404", "hang"):
        check(mode, sys.argv[1], failures)
    for failure in failures:
        print("FAILED:", failure)
    if failures:
        sys.exit(1)
    print("ok: a target without /metrics is skipped quietly")


main()
