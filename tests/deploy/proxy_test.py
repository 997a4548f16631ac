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


class ProxyTest(unittest.TestCase):
    def setUp(self):
        self.backends = [ServerProcess([LOOPSCOPE, "--port", "0"]) for _ in range(2)]
        self.port = free_port()
        self.dir = tempfile.mkdtemp(prefix="loopscope-nginx-")
        with open(TEMPLATE) as template:
            # envsubst's ${VAR} syntax; nginx's own $variables stay as they are
            snippet = string.Template(template.read()).safe_substitute(
                LISTEN_PORT=f"127.0.0.1:{self.port}",
                BACKEND_A=f"127.0.0.1:{self.backends[0].port}",
                BACKEND_B=f"127.0.0.1:{self.backends[1].port}")
        with open(os.path.join(self.dir, "loopscope.conf"), "w") as conf:
            conf.write(snippet)
        # The main file the nginx image would have: only what running unprivileged in a folder needs
        with open(os.path.join(self.dir, "nginx.conf"), "w") as main:
            main.write(f"""
worker_processes 1;
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
        self.nginx = subprocess.Popen([NGINX, "-p", self.dir, "-c", os.path.join(self.dir, "nginx.conf"),
                                       "-g", "daemon off;"])
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.05)
        self.url = f"ws://127.0.0.1:{self.port}/ws"

    def tearDown(self):
        self.nginx.terminate()
        self.nginx.wait(timeout=10)
        for backend in self.backends:
            if backend.process.poll() is None:
                backend.stop()
            else:
                backend.process.stdout.close()
        shutil.rmtree(self.dir, ignore_errors=True)

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


if __name__ == "__main__":
    LOOPSCOPE, NGINX, TEMPLATE = sys.argv[1:4]
    del sys.argv[1:4]
    unittest.main(verbosity=2)
