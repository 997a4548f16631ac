#!/usr/bin/env bash
# Quick start: install what is missing, build a release build, and run loopscope on
# http://127.0.0.1:8080/ (the bundled page and the tutorial's examples). Extra arguments go to
# loopscope, e.g. `scripts/start.sh --port 9000`. Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release
exec build/release/server/loopscope "$@"
