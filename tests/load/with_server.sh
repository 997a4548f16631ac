#!/usr/bin/env bash
# Starts loopscope on a free loopback port, runs a command against it and checks how it ends.
#   with_server.sh SERVER EXPECTED_STATUS PATTERN -- COMMAND ARGS...
# Every "{port}" in the arguments becomes the server's port. The command's status must be
# EXPECTED_STATUS and its output must match the extended regex PATTERN ("" for any).
set -euo pipefail
server=$1 expected_status=$2 pattern=$3
shift 3
[[ $1 == -- ]] && shift

work=$(mktemp -d)
trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
"$server" --port 0 --log-level info >"$work/server.log" 2>&1 &
server_pid=$!
port=""
for _ in $(seq 100); do # at most 10 s for the server to listen
  port=$(grep -oP 'listening on http://[0-9.]+:\K[0-9]+' "$work/server.log" || true)
  [[ -n $port ]] && break
  sleep 0.1
done
[[ -n $port ]] || { echo "the server did not start:"; cat "$work/server.log"; exit 1; }

args=()
for arg in "$@"; do args+=("${arg//\{port\}/$port}"); done
args=("${args[@]//\{pid\}/$server_pid}")
args=("${args[@]//\{work\}/$work}")
# Shorter than CTest's timeout for these tests (180 s), so that a hung command's output is still shown
set +e
timeout 150 "${args[@]}" >"$work/out.txt" 2>&1
status=$?
set -e
cat "$work/out.txt"
[[ $status -eq 124 ]] && echo "FAILED: the command did not finish within 150 s"
if [[ $status -ne $expected_status ]]; then
  echo "FAILED: exit status $status, expected $expected_status"
  exit 1
fi
if [[ -n $pattern ]] && ! grep -Eq "$pattern" "$work/out.txt"; then
  echo "FAILED: the output does not match /$pattern/"
  exit 1
fi
