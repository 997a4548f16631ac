#!/usr/bin/env python3
"""Debian's nginx on loopback with the repository's own config (templated only for its listen port and
the backends' addresses), two loopscope processes behind it: websocket clients through the proxy run
scenarios with the right output, connections land on both backends, and with one backend killed the
other serves new connections.
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


if __name__ == "__main__":
    LOOPSCOPE, NGINX, TEMPLATE = sys.argv[1:4]
    del sys.argv[1:4]
    unittest.main(verbosity=2)
