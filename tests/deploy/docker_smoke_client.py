#!/usr/bin/env python3
"""The client side of docker_smoke.sh: what a user of a loopscope container sees, on loopback only.
  gather PORT                 a websocket gather at speed 100: the tutorial's output, 3.0 program seconds
  stop-with-live-run PORT ID  a run in progress, then `docker stop ID`: the run finishes as cancelled, the
                              websocket closes with 1001, `docker stop` returns 0 within 5 s
  answers PORT                exit 0 if GET /healthz answers 200, 1 otherwise (quietly: for polling)
  requests PORT N             N plain GETs of / one after the other, each on a new connection; every one
                              answered 200 within 3 s. Prints how long each took.
Exit status 0 when all holds, 1 (with what did not) otherwise."""
import asyncio
import json
import subprocess
import sys
import time

import websockets
from loopscope_testing import collect_run, http_get, printed, run_over

GATHER_OUTPUT = ("Start brewing coffee...\nStart toasting bagel...\nDone brewing coffee.\nDone toasting bagel.\n"
                 "Coffee is ready!\nBagel is ready!\n")
SLEEPER = "import asyncio\n\nasync def main():\n    print('asleep')\n    await asyncio.sleep(3600)\n\nasyncio.run(main())\n"


def fail(message):
    print(f"docker_smoke_client: FAILED: {message}")
    sys.exit(1)


async def gather(port):
    async with websockets.connect(f"ws://127.0.0.1:{port}/ws", open_timeout=10) as ws:
        hello = json.loads(await ws.recv())
        if hello["type"] != "hello":
            fail(f"the first message is not hello: {hello}")
        events, finished = await asyncio.wait_for(run_over(ws, "g", scenario="gather", speed=100), 30)
    if printed(events) != GATHER_OUTPUT or (finished["status"], finished["elapsed"]) != ("ok", 3.0):
        fail(f"gather printed {printed(events)!r} and finished {finished}")
    print(f"gather: {len(events)} events, the tutorial's six lines, status ok, {finished['elapsed']} program seconds")


async def stop_with_live_run(port, container):
    async with websockets.connect(f"ws://127.0.0.1:{port}/ws", open_timeout=10) as ws:
        json.loads(await ws.recv())
        await ws.send(json.dumps({"type": "run", "run": "s", "source": SLEEPER}))
        # Wait until the program has printed: the run is live inside the container
        while not any(e["kind"] == "print" for e in json.loads(await asyncio.wait_for(ws.recv(), 10)).get("events", [])):
            pass
        start = time.monotonic()
        stop = await asyncio.create_subprocess_exec("docker", "stop", "-t", "10", container,
                                                    stdout=subprocess.DEVNULL)
        _, finished, _ = await asyncio.wait_for(collect_run(ws, "s"), 10)
        try:
            await asyncio.wait_for(ws.recv(), 10)
            fail("a message after run_finished instead of the close")
        except websockets.ConnectionClosed as closed:
            code = closed.rcvd.code if closed.rcvd else None
        status = await asyncio.wait_for(stop.wait(), 15)
        took = time.monotonic() - start
    if finished["status"] != "cancelled" or code != 1001:
        fail(f"the live run finished {finished['status']} and the close code was {code}")
    if status != 0 or took > 5:
        fail(f"docker stop exited {status} after {took:.1f} s")
    print(f"docker stop: the live run cancelled, close 1001, docker stop exited 0 after {took:.1f} s")


def requests(port, count):
    took = []
    for _ in range(count):
        start = time.monotonic()
        try:
            status, _ = http_get(port, "/")
        except OSError as error:
            fail(f"GET / through nginx: {error!r} after {time.monotonic() - start:.1f} s; before it: {took}")
        took.append(round(time.monotonic() - start, 2))
        if status != 200 or took[-1] > 3:
            fail(f"GET / answered {status} after {took[-1]} s; seconds per request: {took}")
    print(f"{count} requests of / through nginx, seconds each: {took}")


def main():
    command, port = sys.argv[1], int(sys.argv[2])
    if command == "gather":
        asyncio.run(gather(port))
    elif command == "stop-with-live-run":
        asyncio.run(stop_with_live_run(port, sys.argv[3]))
    elif command == "answers":
        try:
            sys.exit(0 if http_get(port, "/healthz")[0] == 200 else 1)
        except OSError:
            sys.exit(1)
    elif command == "requests":
        requests(port, int(sys.argv[3]))
    else:
        fail(f"no command {command!r}; see the usage at the top of this file")


if __name__ == "__main__":
    main()
