#!/usr/bin/env python3
"""The install layout: `cmake --install` into a staging prefix; the staged binary, run as an unprivileged
user with only the staged files, serves the page, /healthz and a scenario over /ws; --check-health
exits 0 against it and non-zero against a dead port.
Usage: install_test.py BUILD_DIR"""
import asyncio
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import unittest

import websockets
from loopscope_testing import ServerProcess, http_get, printed, run_over

BUILD_DIR = None


def unprivileged(command):
    """The command as user nobody when we are root (as in CI and the Docker image's USER); as we are
    otherwise."""
    if os.geteuid() != 0:
        return command
    return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]


class InstallLayoutTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.stage = tempfile.mkdtemp(prefix="loopscope-stage-")
        os.chmod(cls.stage, 0o755)
        subprocess.run(["cmake", "--install", BUILD_DIR, "--prefix", cls.stage], check=True, capture_output=True)
        cls.binary = os.path.join(cls.stage, "bin", "loopscope")
        # Only the staged files: an empty working directory, no LOOPSCOPE_* settings from outside
        cls.env = {"PATH": "/usr/bin:/bin", "LOOPSCOPE_LOG_LEVEL": "info"}
        cls.server = ServerProcess(unprivileged([cls.binary, "--port", "0"]), env=cls.env)

    @classmethod
    def tearDownClass(cls):
        status = cls.server.stop()
        shutil.rmtree(cls.stage, ignore_errors=True)
        assert status == 0, "".join(cls.server.log)

    def test_the_staged_tree_holds_the_binary_and_the_page(self):
        self.assertTrue(os.access(self.binary, os.X_OK))
        self.assertTrue(os.path.isfile(os.path.join(self.stage, "share", "loopscope", "web", "index.html")))
        web = os.path.join(self.stage, "share", "loopscope", "web")
        self.assertFalse(os.path.exists(os.path.join(web, "node_modules")))
        self.assertTrue(os.path.isfile(os.path.join(web, "vendor", "codemirror.js")), "the editor bundle is installed")
        self.assertFalse(os.path.exists(os.path.join(web, "build.mjs")), "build files stay behind")
        for module in ("app.js", "lib/run_store.mjs", "modes/explore.mjs", "ui/transport_bar.mjs"):
            self.assertTrue(os.path.isfile(os.path.join(web, module)), f"the page's module {module} is installed")
        self.assertFalse(os.path.exists(os.path.join(web, "README.md")), "the page's notes for developers stay behind")

    def test_it_serves_its_own_staged_page(self):
        web_root = os.path.join(self.stage, "share", "loopscope", "web")
        self.assertIn(f"(web root {web_root})", "".join(self.server.log))
        status, body = http_get(self.server.port, "/")
        self.assertEqual(status, 200)
        self.assertIn("<script type=\"module\"", body)
        self.assertEqual(http_get(self.server.port, "/healthz")[0], 200)

    def test_it_runs_a_scenario_over_the_websocket(self):
        async def main():
            async with websockets.connect(self.server.url) as ws:
                await ws.recv()
                events, finished = await run_over(ws, "g", scenario="gather", clock="virtual")
                return printed(events), finished

        text, finished = asyncio.run(main())
        self.assertEqual((finished["status"], finished["elapsed"]), ("ok", 3.0))
        self.assertEqual(text.splitlines()[0], "Start brewing coffee...")

    def test_check_health(self):
        alive = subprocess.run(unprivileged([self.binary, "--check-health", "--port", str(self.server.port)]),
                               env=self.env, capture_output=True, text=True, timeout=10)
        self.assertEqual(alive.returncode, 0, alive.stderr)

        # The same settings as the server: the environment works too
        from_env = subprocess.run(unprivileged([self.binary, "--check-health"]), capture_output=True, text=True,
                                  env={**self.env, "LOOPSCOPE_PORT": str(self.server.port)}, timeout=10)
        self.assertEqual(from_env.returncode, 0, from_env.stderr)

        with socket.socket() as probe:  # a port nothing listens on
            probe.bind(("127.0.0.1", 0))
            dead_port = probe.getsockname()[1]
        dead = subprocess.run(unprivileged([self.binary, "--check-health", "--port", str(dead_port)]),
                              env=self.env, capture_output=True, text=True, timeout=10)
        self.assertNotEqual(dead.returncode, 0)
        self.assertIn("cannot connect", dead.stderr)


if __name__ == "__main__":
    BUILD_DIR = sys.argv.pop(1)
    unittest.main(verbosity=2)
