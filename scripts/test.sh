#!/usr/bin/env bash
# The whole test suite: install what is missing, build, and run every test with CTest — a bounded
# libFuzzer run of the parser and interpreter (clang), then the CI build (optimised, warnings are
# errors), then everything again under AddressSanitizer and UBSan.
# `scripts/test.sh ci` (or fuzz, asan, dev) runs only that one.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh --tests
if (($#)); then presets=("$@"); else presets=(fuzz ci asan); fi
for preset in "${presets[@]}"; do
  echo "== ${preset}: configure and build"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset"
  echo "== ${preset}: test"
  ctest --preset "$preset"
done
