#!/usr/bin/env python3
"""Debian's nginx on loopback with the repository's own config (templated only for its listen port and
the backends' addresses), two loopscope processes behind it: websocket clients through the proxy run
scenarios with the right output, connections land on both backends, and with one backend killed the
other serves new connections. Rooms across the two: made through the proxy on both, each room's viewers
(the code in their URL) sent to the backend that holds it, also once a killed backend is back.
Usage: proxy_test.py LOOPSCOPE NGINX TEMPLATE"""
import asyncio
import json
import os
import shutil
import socket
import string
import subprocess
import sys
import tempfile
import time
import unittest

import websockets
from loopscope_testing import ServerProcess, http_get, metric, printed, run_over

LOOPSCOPE = NGINX = TEMPLATE = None


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Nginx:
    """Debian's nginx on a loopback port with the repository's template (filled in as envsubst would) in
    front of the given backend ports, with `workers` worker processes (the image's `auto` is one per
    core)."""

    def __init__(self, backend_ports, workers=1):
        self.port = free_port()
        self.dir = tempfile.mkdtemp(prefix="loopscope-nginx-")
        with open(TEMPLATE) as template:
            # envsubst's ${VAR} syntax; nginx's own $variables stay as they are
            snippet = string.Template(template.read()).safe_substitute(
                LISTEN_PORT=f"127.0.0.1:{self.port}",
                BACKEND_A=f"127.0.0.1:{backend_ports[0]}",
                BACKEND_B=f"127.0.0.1:{backend_ports[1]}")
        with open(os.path.join(self.dir, "loopscope.conf"), "w") as conf:
            conf.write(snippet)
        # The main file the nginx image would have: only what running unprivileged in a folder needs
        with open(os.path.join(self.dir, "nginx.conf"), "w") as main:
            main.write(f"""
worker_processes {workers};
pid {self.dir}/nginx.pid;
error_log {self.dir}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {self.dir}/body;
    proxy_temp_path {self.dir}/proxy;
    fastcgi_temp_path {self.dir}/fastcgi;
    uwsgi_temp_path {self.dir}/uwsgi;
    scgi_temp_path {self.dir}/scgi;
    include {self.dir}/loopscope.conf;
}}
""")
        self.process = subprocess.Popen([NGINX, "-p", self.dir, "-c", os.path.join(self.dir, "nginx.conf"),
                                         "-g", "daemon off;"])
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.05)
        self.url = f"ws://127.0.0.1:{self.port}/ws"

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        shutil.rmtree(self.dir, ignore_errors=True)


class BlackHole:
    """A loopback address that drops connection attempts, as a dead container's address does (the
    container's interface is gone, so nothing answers, not even with a refusal): a listening socket whose
    accept queue is full and is never accepted from. Linux drops a SYN to a full queue, so a connect
    waits until it gives up."""

    def __init__(self):
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(0)  # a queue of one
        self.port = self.listener.getsockname()[1]
        self.queued = socket.create_connection(("127.0.0.1", self.port), timeout=5)
        # The premise, checked: a further connect is neither accepted nor refused.
        with socket.socket() as probe:
            probe.settimeout(0.3)
            try:
                probe.connect(("127.0.0.1", self.port))
            except TimeoutError:
                pass
            else:
                raise AssertionError("the black hole took a connection")

    def close(self):
        self.queued.close()
        self.listener.close()


class ProxyTest(unittest.TestCase):
    def setUp(self):
        self.backends = [ServerProcess([LOOPSCOPE, "--port", "0"]) for _ in range(2)]
        self.nginx = Nginx([backend.port for backend in self.backends])
        self.port, self.url = self.nginx.port, self.nginx.url

    def tearDown(self):
        self.nginx.stop()
        for backend in self.backends:
            if backend.process.poll() is None:
                backend.stop()
            else:
                backend.process.stdout.close()

    async def run_gather(self):
        async with websockets.connect(self.url) as ws:
            hello = json.loads(await ws.recv())
            self.assertEqual(hello["type"], "hello")
            events, finished = await run_over(ws, "g", scenario="gather", speed=100)
            return printed(events), finished

    def test_clients_through_the_proxy_run_scenarios_on_both_backends(self):
        async def main():
            return await asyncio.gather(*(self.run_gather() for _ in range(8)))

        results = asyncio.run(main())
        expected = ("Start brewing coffee...\nStart toasting bagel...\nDone brewing coffee.\nDone toasting bagel.\n"
                    "Coffee is ready!\nBagel is ready!\n")
        for text, finished in results:
            self.assertEqual(text, expected)
            self.assertEqual((finished["status"], finished["elapsed"]), ("ok", 3.0))
        served = [metric(b.port, "loopscope_runs_started_total") for b in self.backends]
        self.assertEqual(sum(served), 8)
        self.assertTrue(all(count >= 1 for count in served), f"runs per backend: {served}")
        self.assertEqual(http_get(self.port, "/healthz")[0], 200)
        self.assertEqual(http_get(self.port, "/")[0], 200)

    def test_with_one_backend_killed_the_other_serves_new_connections(self):
        self.backends[0].kill()
        async def main():
            return await asyncio.gather(*(self.run_gather() for _ in range(4)))

        for text, finished in asyncio.run(main()):
            self.assertEqual(finished["status"], "ok")
        self.assertEqual(metric(self.backends[1].port, "loopscope_runs_started_total"), 4)


class DeadReplicaTest(unittest.TestCase):
    """One backend a live loopscope, the other an address that drops connects (a dead container's), behind
    nginx with four worker processes: the dead one costs one request about a second (the connect
    timeout), once for all the workers, and every request is served by the live one."""

    def setUp(self):
        self.live = ServerProcess([LOOPSCOPE, "--port", "0"])
        self.dead = BlackHole()
        self.nginx = Nginx([self.dead.port, self.live.port], workers=4)

    def tearDown(self):
        self.nginx.stop()
        self.dead.close()
        self.live.stop()

    def test_a_dead_replica_costs_one_request_a_second_once_for_every_worker(self):
        took = []
        for _ in range(16):  # each on a new connection, so that several workers take them
            start = time.monotonic()
            status, _ = http_get(self.nginx.port, "/healthz")
            took.append(round(time.monotonic() - start, 2))
            self.assertEqual(status, 200, took)
        slow = [t for t in took if t >= 0.9]  # a request that waited out the 1 s connect timeout
        self.assertLessEqual(len(slow), 1, f"seconds per request: {took}")
        self.assertLess(max(took), 2.5, f"seconds per request: {took}")

    def test_websocket_clients_are_served_by_the_live_replica_within_seconds(self):
        async def connect_and_gather():
            start = time.monotonic()
            async with websockets.connect(self.nginx.url, open_timeout=10) as ws:
                connected = time.monotonic() - start
                json.loads(await ws.recv())
                events, finished = await run_over(ws, "g", scenario="gather", speed=100)
                return connected, printed(events), finished

        async def main():
            return await asyncio.gather(*(connect_and_gather() for _ in range(4)))

        for connected, text, finished in asyncio.run(main()):
            self.assertLess(connected, 2.5)
            self.assertEqual((finished["status"], finished["elapsed"]), ("ok", 3.0))
            self.assertIn("Bagel is ready!", text)


# Rooms across replicas (protocol/README.md "Rooms"; the template's map): each backend marks its room
# codes with its letter, A for BACKEND_A and B for BACKEND_B, as docker/compose.yaml sets them.
REPLICA_MARKS = ("A", "B")
REPLY_TIMEOUT = 10  # seconds for any one message a test waits for


async def next_message(ws, wanted_type, wanted=lambda message: True):
    """The next message of `wanted_type` that satisfies `wanted`, skipping the others (a presenter's
    room_status comes whenever the room changes); an `error` is a failure unless it is what is wanted."""
    async with asyncio.timeout(REPLY_TIMEOUT):
        while True:
            message = json.loads(await ws.recv())
            if message["type"] == wanted_type and wanted(message):
                return message
            if message["type"] == "error":
                raise AssertionError(f"waiting for {wanted_type}, got {message}")


class Presenter:
    """A presenter's connection through the proxy, with no room code (so round robin), and its room."""

    @classmethod
    async def open(cls, url, scenario="gather"):
        self = cls()
        self.ws = await websockets.connect(url, open_timeout=REPLY_TIMEOUT)
        await next_message(self.ws, "hello")
        await self.ws.send(json.dumps({"type": "room_create", "programs": [{"scenario": scenario}]}))
        created = await next_message(self.ws, "room_created")
        self.room, self.secret, self.events = created["room"], created["secret"], created["events"][0]
        return self

    async def step(self, step):
        await self.ws.send(json.dumps({"type": "room_position", "room": self.room, "secret": self.secret,
                                       "step": step, "playing": False, "speed": 1, "mode": "explore"}))


async def viewer_connection(proxy_port, room):
    """A viewer's connection as the page opens it: the room code in the URL, for the proxy."""
    ws = await websockets.connect(f"ws://127.0.0.1:{proxy_port}/ws?room={room}", open_timeout=REPLY_TIMEOUT)
    await next_message(ws, "hello")
    await ws.send(json.dumps({"type": "room_join", "room": room}))
    return ws


class RoomsAcrossReplicasTest(unittest.TestCase):
    def setUp(self):
        # A by its flag, B by its environment variable as docker/compose.yaml gives it
        self.backends = [ServerProcess([LOOPSCOPE, "--port", "0", "--room-code-prefix", REPLICA_MARKS[0]]),
                         ServerProcess([LOOPSCOPE, "--port", "0"],
                                       env={**os.environ, "LOOPSCOPE_ROOM_CODE_PREFIX": REPLICA_MARKS[1]})]
        self.nginx = Nginx([backend.port for backend in self.backends])

    def tearDown(self):
        self.nginx.stop()
        for backend in self.backends:
            if backend.process.poll() is None:
                backend.stop()

    def rooms_on_each_backend(self):
        return [metric(backend.port, "loopscope_rooms") for backend in self.backends]

    def test_rooms_made_through_the_proxy_land_on_both_replicas_and_every_viewer_follows_its_room(self):
        async def main():
            presenters = await asyncio.gather(*(Presenter.open(self.nginx.url) for _ in range(6)))
            codes = [p.room for p in presenters]
            # Where each room is: its code's mark, and the replicas' own count
            self.assertEqual(len(set(codes)), 6)
            marks = [code[0] for code in codes]
            self.assertTrue(all(len(code) == 7 and code[0] in REPLICA_MARKS for code in codes), codes)
            self.assertEqual(self.rooms_on_each_backend(), [marks.count(mark) for mark in REPLICA_MARKS])
            self.assertTrue(all(marks.count(mark) >= 1 for mark in REPLICA_MARKS), f"rooms' codes: {codes}")

            # Two viewers for each room, through the proxy: each reaches the replica that holds its room
            viewers = {p.room: await asyncio.gather(viewer_connection(self.nginx.port, p.room),
                                                    viewer_connection(self.nginx.port, p.room))
                       for p in presenters}
            for presenter in presenters:
                for ws in viewers[presenter.room]:
                    joined = await next_message(ws, "room_joined")
                    self.assertEqual(joined["room"], presenter.room)
                    events = await next_message(ws, "room_events")
                    self.assertEqual(len(events["events"]), presenter.events)
                await next_message(presenter.ws, "room_status", lambda status: status["viewers"] == 2)
            self.assertEqual([metric(b.port, "loopscope_room_viewers") for b in self.backends],
                             [2 * marks.count(mark) for mark in REPLICA_MARKS])

            # Every room steps on its own; its viewers follow it, and only it
            for step in (1, 2, 3):
                await asyncio.gather(*(p.step(step + index) for index, p in enumerate(presenters)))
                for index, presenter in enumerate(presenters):
                    for ws in viewers[presenter.room]:
                        moved = await next_message(ws, "room_position")
                        self.assertEqual((moved["room"], moved["step"]), (presenter.room, step + index))
            for ws in [p.ws for p in presenters] + [ws for pair in viewers.values() for ws in pair]:
                await ws.close()

        asyncio.run(main())

    def test_after_a_replica_restarts_the_viewers_of_its_new_rooms_reach_it(self):
        async def present_until(mark, presenters):
            # Round robin alternates between the replicas; a few tries land on each
            for _ in range(4):
                presenters.append(await Presenter.open(self.nginx.url))
                if presenters[-1].room.startswith(mark):
                    return presenters[-1]
            raise AssertionError(f"no room on replica {mark} in 4 tries: {[p.room for p in presenters]}")

        async def main():
            presenters = []
            on_a, on_b = await present_until("A", presenters), await present_until("B", presenters)
            port_a = self.backends[0].port
            self.backends[0].kill()
            # The room on A is gone with it: its viewers get the other replica, and are told
            ws = await viewer_connection(self.nginx.port, on_a.room)
            error = await next_message(ws, "error")
            self.assertEqual((error["code"], error.get("room")), ("unknown_room", on_a.room))
            await ws.close()
            # Rooms on B go on
            ws = await viewer_connection(self.nginx.port, on_b.room)
            await next_message(ws, "room_joined")
            await ws.close()

            # A is back, at the same address: a room made on it is reached by its viewers at once
            self.backends[0] = ServerProcess([LOOPSCOPE, "--port", str(port_a), "--room-code-prefix", "A"])
            again = await present_until("A", presenters)
            self.assertEqual(self.rooms_on_each_backend()[0], 1)
            ws = await viewer_connection(self.nginx.port, again.room)
            self.assertEqual((await next_message(ws, "room_joined"))["room"], again.room)
            await again.step(1)
            self.assertEqual((await next_message(ws, "room_position"))["step"], 1)
            await ws.close()
            for presenter in presenters:
                await presenter.ws.close()

        asyncio.run(main())

class RoomCodePrefixFlagTest(unittest.TestCase):
    def test_a_room_code_prefix_outside_the_code_alphabet_is_refused(self):
        for prefix in ("a", "O", "ABCDEFGHJ"):  # lower case, a letter codes leave out, too long
            refused = subprocess.run([LOOPSCOPE, "--port", "0", "--room-code-prefix", prefix],
                                     capture_output=True, text=True, timeout=10)
            self.assertEqual(refused.returncode, 1, refused.stdout + refused.stderr)
            self.assertIn(f'room code prefix "{prefix}": at most 8 characters of the room code alphabet',
                          refused.stdout + refused.stderr)


if __name__ == "__main__":
    LOOPSCOPE, NGINX, TEMPLATE = sys.argv[1:4]
    del sys.argv[1:4]
    unittest.main(verbosity=2)
