#!/usr/bin/env python3
"""A second, independent client of loopscope's protocol, written from protocol/README.md alone.

It starts the real `loopscope` binary on a free loopback port and drives it with the `websockets`
library (Debian's python3-websockets): every catalog scenario on both clocks, the bad inputs that must
not close the connection and the ones that must, and 1,000 concurrent connections each running gather.
What a run must print is what the real python3 prints (the conformance oracle), never what loopscope's
own engine says, so a bug the server shares with `loopscope run` cannot pass.
Usage: protocol_client_test.py PATH_TO_LOOPSCOPE
"""
import asyncio
import json
import os
import sys
import tempfile
import unittest

import websockets
from loopscope_testing import ServerProcess, collect_run, printed

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "conformance"))
import oracle  # noqa: E402  (python3 with its time scaled down)

LOOPSCOPE = None


async def hello_of(ws):
    hello = json.loads(await ws.recv())
    assert hello["type"] == "hello", hello
    return hello


def check_stream(test, events, finished, what):
    test.assertEqual([e["seq"] for e in events], list(range(len(events))), f"{what}: seq has gaps")
    times = [e["t"] for e in events]
    test.assertEqual(times, sorted(times), f"{what}: t went back")
    test.assertEqual(events[-1]["kind"], "run_finished", what)
    test.assertEqual(finished["elapsed"], times[-1], what)


def python3_prints(source):
    """What python3 prints for the same program: [(program time, text)] per print call."""
    with tempfile.TemporaryDirectory(prefix="loopscope-client-") as tmp:
        path = os.path.join(tmp, "main.py")
        with open(path, "w", encoding="utf-8") as program:
            program.write(source)
        seen = oracle.run(path, timeout=30)
    assert seen["exit"] == 0, seen["stderr_text"]
    return [(p["t"], p["text"]) for p in seen["stdout"]]


def check_prints(test, events, expected, what):
    """The run printed python3's lines, in its order, each at its program time (within 0.05 s, as the
    conformance tests allow)."""
    got = [(e["t"], e["text"]) for e in events if e["kind"] == "print"]
    test.assertEqual([text for _, text in got], [text for _, text in expected], what)
    for (t, text), (python_t, _) in zip(got, expected):
        test.assertAlmostEqual(t, python_t, delta=0.05, msg=f"{what}: {text!r}")


class ProtocolClientTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = ServerProcess([LOOPSCOPE, "--port", "0"])

    @classmethod
    def tearDownClass(cls):
        assert cls.server.stop() == 0

    def run_async(self, coroutine):
        # Each test takes seconds (the slowest, 1,000 connections, under 20 s in the ASan build). 50 s
        # for each of the five keeps a hung one's failure within CTest's 300 s, so that it is printed.
        return asyncio.run(asyncio.wait_for(coroutine, 50))

    def test_every_scenario_on_both_clocks(self):
        async def main():
            async with websockets.connect(self.server.url, max_size=None) as ws:
                hello = await hello_of(ws)
                self.assertEqual(hello["protocol"], 1)
                self.assertGreaterEqual(len(hello["scenarios"]), 9)
                for scenario in hello["scenarios"]:
                    expected = python3_prints(scenario["source"])
                    for clock in ({"clock": "virtual"}, {"clock": "scaled", "speed": 1000}):
                        await ws.send(json.dumps({"type": "run", "run": scenario["id"], "scenario": scenario["id"], **clock}))
                        events, finished, errors = await collect_run(ws, scenario["id"])
                        what = f"{scenario['id']} {clock}"
                        check_stream(self, events, finished, what)
                        self.assertEqual(finished["status"], "ok", what)
                        self.assertEqual(errors, [], what)
                        check_prints(self, events, expected, what)
        self.run_async(main())

    def test_elapsed_is_program_time(self):
        async def main():
            async with websockets.connect(self.server.url) as ws:
                await hello_of(ws)
                for scenario, seconds in (("gather", 3.0), ("sequential_awaited", 6.0)):
                    await ws.send(json.dumps({"type": "run", "run": "r", "scenario": scenario, "speed": 300}))
                    _, finished, _ = await collect_run(ws, "r")
                    self.assertEqual(finished["elapsed"], seconds, scenario)
        self.run_async(main())

    def test_bad_inputs_are_answered_and_the_connection_stays(self):
        cases = [
            ("{not json", "invalid_json"),
            ("[1]", "not_an_object"),
            (json.dumps({"type": "jump"}), "unknown_type"),
            (json.dumps({"type": "run", "scenario": "gather"}), "missing_field"),
            (json.dumps({"type": "run", "run": "a", "scenario": "no_such"}), "unknown_scenario"),
            (json.dumps({"type": "run", "run": "a"}), "scenario_or_source"),
            (json.dumps({"type": "run", "run": "a", "scenario": "gather", "speed": 1e6}), "speed_out_of_range"),
            (json.dumps({"type": "cancel", "run": "nobody"}), "unknown_run"),
            (json.dumps({"type": "run", "run": "a", "source": "x" * (70 * 1024)}), "source_too_large"),
        ]

        async def main():
            async with websockets.connect(self.server.url) as ws:
                await hello_of(ws)
                for text, code in cases:
                    await ws.send(text)
                    reply = json.loads(await ws.recv())
                    self.assertEqual((reply["type"], reply["code"]), ("error", code), text[:60])
                    self.assertTrue(reply["message"])
                await ws.send(b"\x00binary")
                self.assertEqual(json.loads(await ws.recv())["code"], "binary_frame")
                await ws.send(json.dumps({"type": "run", "run": "s", "source": "def f(:\n    pass\n"}))
                events, finished, errors = await collect_run(ws, "s")
                self.assertEqual(errors, ["syntax_error"])
                self.assertEqual((finished["status"], finished["error"]["type"], finished["error"]["line"]),
                                 ("error", "SyntaxError", 1))
        self.run_async(main())

    def test_protocol_abuse_closes_with_the_right_code(self):
        async def closed_with(payload):
            async with websockets.connect(self.server.url, max_size=None) as ws:
                await hello_of(ws)
                try:
                    # The close may come while the frame is still being sent
                    await ws.send(payload)
                    while True:
                        await ws.recv()
                except websockets.ConnectionClosed as closed:
                    return closed.rcvd.code if closed.rcvd else None

        self.assertEqual(self.run_async(closed_with("x" * (1024 * 1024))), 1009)

        async def invalid_utf8():
            # websockets refuses to send a str that is not UTF-8, so write the text frame by hand
            reader, writer = await asyncio.open_connection("127.0.0.1", self.server.port)
            writer.write(b"GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                         b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
            await reader.readuntil(b"\r\n\r\n")
            mask = b"\x01\x02\x03\x04"
            payload = b"\xff\xfe"
            writer.write(bytes([0x81, 0x80 | len(payload)]) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))
            await writer.drain()
            data = await reader.read(1 << 20)
            while data:  # skip hello; find the close frame (opcode 8)
                length = data[1] & 0x7F
                start = 2 if length < 126 else 4
                if length == 126:
                    length = int.from_bytes(data[2:4], "big")
                if data[0] & 0x0F == 8:
                    return int.from_bytes(data[start:start + 2], "big")
                data = data[start + length:] or await reader.read(1 << 20)
            return None

        self.assertEqual(self.run_async(invalid_utf8()), 1007)

    def test_a_thousand_connections_each_running_gather(self):
        async def one(i):
            async with websockets.connect(self.server.url, open_timeout=60) as ws:
                await hello_of(ws)
                await ws.send(json.dumps({"type": "run", "run": f"g{i}", "scenario": "gather", "speed": 100}))
                events, finished, errors = await collect_run(ws, f"g{i}")
                check_stream(self, events, finished, f"connection {i}")
                return printed(events), finished["status"], finished["elapsed"]

        async def main():
            async with websockets.connect(self.server.url) as ws:
                hello = await hello_of(ws)
            source = next(s["source"] for s in hello["scenarios"] if s["id"] == "gather")
            results = await asyncio.gather(*(one(i) for i in range(1000)))
            return source, results

        source, results = self.run_async(main())
        expected = "".join(text for _, text in python3_prints(source))
        self.assertEqual(len(results), 1000)
        wrong = [i for i, (text, status, elapsed) in enumerate(results) if (text, status, elapsed) != (expected, "ok", 3.0)]
        self.assertEqual(wrong, [], f"{len(wrong)} of 1000 connections got a wrong or incomplete run")


if __name__ == "__main__":
    LOOPSCOPE = sys.argv.pop(1)
    unittest.main(verbosity=2)
