#!/usr/bin/env bash
# Takes the README's pictures of the page anew into docs/screenshots/ (tests/browser/readme_screenshots.test.mjs,
# against the ci build's server): after a change to what the page draws, run this and commit the pictures.
# The test suite takes the same pictures on every run and fails when the README's list or their sizes
# no longer match what the page draws.
#   scripts/readme_screenshots.sh        (needs `cmake --build build/ci --target loopscope` and `npm ci`)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export LOOPSCOPE_BINARY=${LOOPSCOPE_BINARY:-$root/build/ci/server/loopscope}
export LOOPSCOPE_README_SCREENSHOTS=$root/docs/screenshots
[[ -x $LOOPSCOPE_BINARY ]] || { echo "readme_screenshots.sh: no $LOOPSCOPE_BINARY (build the loopscope target, or set LOOPSCOPE_BINARY)" >&2; exit 2; }
cd "$root"
npm run --silent build
node --test tests/browser/readme_screenshots.test.mjs
