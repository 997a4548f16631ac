#!/usr/bin/env bash
# The benchmarks of issue 6, one command: starts a release loopscope on a free loopback port for each
# and drives it with loopscope-load, then prints the figures beside their targets.
#   scripts/bench.sh           full size (about 4 minutes): capacity (the tutorial's gather, then the
#                              curriculum's queue_workers: a Queue, three workers and join), throughput,
#                              echo, idle
#   scripts/bench.sh --quick   the same in seconds, for CI (the figures mean little at that size)
# LOOPSCOPE_BIN and LOOPSCOPE_LOAD_BIN pick other binaries (CTest passes its build's); BENCH_OUT keeps
# the JSON of each run in that folder. A benchmark measures: it fails only when a run was wrong or
# errors happened, never on a figure.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
quick=0
for arg in "$@"; do
  case $arg in
    --quick) quick=1 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "bench.sh: unknown argument $arg (try --help)" >&2; exit 2 ;;
  esac
done

server=${LOOPSCOPE_BIN:-$root/build/release/server/loopscope}
load=${LOOPSCOPE_LOAD_BIN:-$root/build/release/tools/load/loopscope-load}
if [[ -z ${LOOPSCOPE_BIN:-} || -z ${LOOPSCOPE_LOAD_BIN:-} ]]; then
  (cd "$root" && cmake --preset release >/dev/null && cmake --build --preset release -j2 >/dev/null)
fi

if [[ $quick == 1 ]]; then
  capacity_connections=200 capacity_seconds=3 queue_connections=100 throughput_connections=10 echo_connections=50 echo_seconds=2
  idle_connections=500 idle_seconds=2
else
  capacity_connections=19000 capacity_seconds=60 queue_connections=5000 throughput_connections=100 echo_connections=500 echo_seconds=15
  idle_connections=19000 idle_seconds=10
fi

out=${BENCH_OUT:-$(mktemp -d)}
mkdir -p "$out"
server_pid=""
stop_server() {
  [[ -n $server_pid ]] || return 0
  kill -TERM "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}
trap 'stop_server; [[ -n ${BENCH_OUT:-} ]] || rm -rf "$out"' EXIT

# A fresh server for each benchmark, so that its CPU time and memory belong to that benchmark alone
start_server() {
  "$server" --port 0 --log-level warn --address 127.0.0.1 >"$out/server-$1.log" 2>&1 &
  server_pid=$!
  port=""
  for _ in $(seq 100); do
    # warn level hides the "listening" line: ask the kernel which port the process listens on
    port=$(ss -Htlnp 2>/dev/null | grep "pid=$server_pid," | grep -oP '127\.0\.0\.1:\K[0-9]+' | head -1 || true)
    [[ -n $port ]] && break
    sleep 0.1
  done
  [[ -n $port ]] || { echo "bench.sh: the server did not start" >&2; cat "$out/server-$1.log" >&2; exit 1; }
}

failed=0
bench() {
  local name=$1
  shift
  start_server "$name"
  echo "== $name: loopscope-load $*" >&2
  if ! "$load" --url "ws://127.0.0.1:$port/${WS_PATH:-ws}" --server-pid "$server_pid" --json "$out/$name.json" \
       --max-errors 0 "$@" >"$out/$name.txt" 2>&1; then
    failed=1
  fi
  cat "$out/$name.txt" >&2
  stop_server
}

bench capacity --connections "$capacity_connections" --ramp 2000 --scenario gather --speed 1 --duration "$capacity_seconds"
# The same with the queue example: more events a run (a queue's items, getters and putters as events)
bench capacity_queue --connections "$queue_connections" --ramp 2000 --scenario queue_workers --speed 1 \
  --duration "$capacity_seconds"
bench throughput --connections "$throughput_connections" --ramp 1000 --clock virtual --runs 1 \
  --source "$root/tools/load/programs/many_tasks.py"
WS_PATH=echo bench echo --echo --size 512 --connections "$echo_connections" --ramp 5000 --duration "$echo_seconds"
bench idle --idle --connections "$idle_connections" --ramp 5000 --duration "$idle_seconds"

# The table: each figure beside its target, and by how much it misses
python3 - "$out" "$quick" <<'PY'
import json, sys, datetime, textwrap
out, quick = sys.argv[1], sys.argv[2] == "1"
def load(name):
    with open(f"{out}/{name}.json") as f:
        return json.load(f)
cap, capq, thr, echo, idle = (load(n) for n in ("capacity", "capacity_queue", "throughput", "echo", "idle"))
rows = []
def row(bench, figure, value, target=None, better="low", unit=""):
    verdict = ""
    if target is not None and value is not None:
        ok = value <= target if better == "low" else value >= target
        if ok:
            verdict = "met"
        elif target == 0:
            verdict = f"MISSED ({value:g})"
        else:
            ratio = value / target if better == "low" else target / value if value else float("inf")
            verdict = f"MISSED by {abs(value - target) / target * 100:.0f}% ({ratio:.2f}x)"
    fmt = lambda v: "-" if v is None else f"{v:,}" if isinstance(v, int) else f"{v:,.0f}" if abs(v) >= 100 else f"{v:,.2f}"
    tgt = "" if target is None else ("<= " if better == "low" else ">= ") + fmt(target)
    rows.append((bench, figure, fmt(value) + unit, tgt, verdict))
s = lambda d: d.get("server", {})
row("capacity", f"connections up / asked", cap["connections"]["up"], None)
rows[-1] = ("capacity", "connections up / asked", f'{cap["connections"]["up"]} / {cap["connections_asked"]}', "", "")
row("capacity", "errors", cap["errors"], 0)
row("capacity", "wrong outputs", cap["runs"]["failures"].get("wrong_output", 0), 0)
row("capacity", "runs verified", cap["runs"]["completed"])
row("capacity", "lateness p50 (ms)", cap["lateness_ms"]["p50"])
row("capacity", "lateness p99 (ms)", cap["lateness_ms"]["p99"], 10)
row("capacity", "lateness max (ms)", cap["lateness_ms"]["max"])
# The same p99 per window of the load: a neighbour's CPU burst spoils a few windows, a slow server all
windows = cap.get("lateness_window_p99_ms")
width = f'{windows["window_s"]:g} s' if windows else "10 s"
row("capacity", f"lateness p99, median of {width} windows (ms)", windows and windows["median"])
row("capacity", f"lateness p99, worst {width} window (ms)", None)
if windows:
    rows[-1] = rows[-1][:2] + (f'{windows["worst"]:,.2f} (at {windows["worst_start_s"]:g} s)', "", "")
# The server's own event-loop lag over the load, from its /metrics: bucket bounds, so "at most"
lag = cap.get("server_lag")
bound = lambda ms: "above the last bucket" if ms is None else f"≤ {ms:g}"
row("capacity", "server event-loop lag p99 (ms, from /metrics)", None)
if lag:
    rows[-1] = rows[-1][:2] + (f'{bound(lag["p99_le_ms"])} ({lag["count"]:,} samples, max {bound(lag["max_le_ms"])})', "", "")
row("capacity", "server RSS per connection (KiB)", s(cap).get("rss_per_connection_kib"))
row("capacity", "events delivered per second", cap["events"]["per_second"])
# Issue 12's figure: what one server CPU-second delivers in this shape (many runs at speed 1, small
# batches), the cost of the engine and of the sockets together
row("capacity", "events per server CPU-second", s(cap).get("events_per_cpu_second"), 1_000_000, "high")
row("capacity", "server CPU (% of one core)", s(cap).get("cpu_seconds", 0) / cap["seconds"] * 100)
row("capacity", "load tool CPU (% of one core)", cap.get("load_tool_cpu_seconds", 0) / cap["seconds"] * 100)
rows.append(("capacity_queue", "connections up / asked", f'{capq["connections"]["up"]} / {capq["connections_asked"]}', "", ""))
row("capacity_queue", "errors", capq["errors"], 0)
row("capacity_queue", "wrong outputs", capq["runs"]["failures"].get("wrong_output", 0), 0)
row("capacity_queue", "runs verified", capq["runs"]["completed"])
row("capacity_queue", "events per second", capq["events"]["per_second"])
row("capacity_queue", "lateness p50 (ms)", capq["lateness_ms"]["p50"])
row("capacity_queue", "lateness p99 (ms)", capq["lateness_ms"]["p99"], 10)
row("capacity_queue", "server RSS per connection (KiB)", s(capq).get("rss_per_connection_kib"))
row("capacity_queue", "events per server CPU-second", s(capq).get("events_per_cpu_second"))
row("capacity_queue", "server CPU (% of one core)", s(capq).get("cpu_seconds", 0) / capq["seconds"] * 100)
row("throughput", "errors", thr["errors"], 0)
row("throughput", "events per server CPU-second", s(thr).get("events_per_cpu_second"), 1_000_000, "high")
row("throughput", "events per second (wall)", thr["events"]["per_second"])
row("throughput", "batch size: mean / p50 / max events", None)
b = thr["batch_events"]
rows[-1] = ("throughput", "batch size: mean / p50 / max events", f'{b["mean"]:.0f} / {b["p50"]:.0f} / {b["max"]:.0f}', "", "")
row("echo", "errors", echo["errors"], 0)
row("echo", "round trips per second", echo["echo"]["per_second"], 150_000, "high")
row("echo", "round trips per server CPU-second", s(echo).get("round_trips_per_cpu_second"))
row("echo", "round trip p99 (ms)", echo["echo"]["rtt_ms"]["p99"])
row("echo", "server CPU (% of one core)", s(echo).get("cpu_seconds", 0) / echo["seconds"] * 100)
row("echo", "load tool CPU (% of one core)", echo.get("load_tool_cpu_seconds", 0) / echo["seconds"] * 100)
row("idle", "connections up / asked", None)
rows[-1] = ("idle", "connections up / asked", f'{idle["connections"]["up"]} / {idle["connections_asked"]}', "", "")
row("idle", "errors", idle["errors"], 0)
row("idle", "server RSS per connection (KiB)", s(idle).get("rss_per_connection_kib"), 10)
widths = [max(len(str(r[i])) for r in rows + [("benchmark", "figure", "measured", "target", "")]) for i in range(5)]
print(f"loopscope benchmarks{' (--quick: reduced size, figures indicative only)' if quick else ''}, "
      f"{datetime.date.today()}, one server thread")
line = lambda r: "| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths)) + " |"
print(line(("benchmark", "figure", "measured", "target", "verdict")))
print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
for r in rows:
    print(line(r))
# The verdict is the whole run's, as the target says; say so when the windows tell another story
target, whole = 10, cap["lateness_ms"]["p99"]
if whole > target and windows and windows["median"] <= target:
    server = ""
    if lag and lag["p99_le_ms"] is not None:
        server = (f' The server\'s own event loop lagged {bound(lag["p99_le_ms"])} ms at p99 over the load'
                  + (", so it kept up." if lag["p99_le_ms"] <= target else ", so part of the tail is the server's."))
    print(textwrap.fill(f"note: the capacity lateness p99 over the whole run ({whole:.1f} ms) misses its {target} ms target, but the "
          f"median {width} window's p99 ({windows['median']:.1f} ms) meets it: the tail comes from a few windows "
          f"(the worst {windows['worst']:.1f} ms, at {windows['worst_start_s']:g} s), not from every one, which on a "
          f"shared machine points at the neighbours' load more than at the server.{server}", 110, subsequent_indent="  "))
PY
exit $failed
