"""Shared by the Python tests: the loopscope binary in a child process, and one run over a websocket."""
import http.client
import json
import re
import subprocess
import time

import websockets


class ServerProcess:
    """`binary --port 0 …` (or the given command); `port` is read from its log."""

    def __init__(self, command, env=None, timeout=10):
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                        env=env)
        self.log = []
        self.port = None
        deadline = time.monotonic() + timeout
        while self.port is None and time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                break
            self.log.append(line)
            match = re.search(r"listening on http://[^ ]+:(\d+)/", line)
            if match:
                self.port = int(match.group(1))
        if self.port is None:
            self.process.kill()
            raise RuntimeError("loopscope did not say where it listens:\n" + "".join(self.log) +
                               self.process.stdout.read())
        self.url = f"ws://127.0.0.1:{self.port}/ws"

    def stop(self, timeout=10):
        """SIGTERM, then the exit status."""
        if self.process.poll() is None:
            self.process.terminate()
        try:
            return self.process.wait(timeout=timeout)
        finally:
            self.log.append(self.process.stdout.read())
            self.process.stdout.close()

    def kill(self):
        self.process.kill()
        self.process.wait()
        self.process.stdout.close()


async def collect_run(ws, run_id):
    """Every event of one run, its run_finished, and the codes of errors about it (messages of other runs
    are skipped)."""
    events, errors = [], []
    while True:
        message = json.loads(await ws.recv())
        if message.get("run") != run_id:
            continue
        if message["type"] == "events":
            events.extend(message["events"])
        elif message["type"] == "error":
            errors.append(message["code"])
        elif message["type"] == "run_finished":
            return events, message, errors


async def run_over(ws, run_id, **request):
    """Sends a run; its events and run_finished."""
    await ws.send(json.dumps({"type": "run", "run": run_id, **request}))
    events, finished, _ = await collect_run(ws, run_id)
    return events, finished


def printed(events):
    return "".join(e["text"] for e in events if e["kind"] == "print")


def http_get(port, path, host="127.0.0.1"):
    """(status, body) of a plain GET."""
    connection = http.client.HTTPConnection(host, port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def metric(port, name):
    """One sample of loopscope's /metrics."""
    status, text = http_get(port, "/metrics")
    match = re.search(r"^" + re.escape(name) + r" (\S+)$", text, re.MULTILINE)
    return float(match.group(1)) if match else None
