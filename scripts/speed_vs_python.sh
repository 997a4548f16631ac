#!/usr/bin/env bash
# Issue 12's speed figures: the whole process of `loopscope run --clock virtual X.py` against
# `python3 X.py`, for each program in tests/engine/bench/programs/ (many_sleeps: 1,000 tasks x 100
# sleep(0); compute_loop: 600,000 iterations; classes: objects, methods, super(), dicts). Prints the
# median wall time of RUNS runs of each (default 5) and python3's median over loopscope's. It measures
# and never fails on a figure; it fails only when loopscope prints something other than python3.
#   scripts/speed_vs_python.sh [RUNS]
# LOOPSCOPE_CLI picks the binary (default build/ci/server/loopscope). LOOPSCOPE_CLI_BEFORE adds a second
# binary (an older build) measured in the same rounds, for a before/after table on the same load.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
cli=${LOOPSCOPE_CLI:-$root/build/ci/server/loopscope}
before=${LOOPSCOPE_CLI_BEFORE:-}
programs=$root/tests/engine/bench/programs
for binary in "$cli" ${before:+"$before"}; do
  [[ -x $binary ]] || { echo "speed_vs_python.sh: no $binary (build the loopscope target, or set LOOPSCOPE_CLI)" >&2; exit 2; }
done
outputs=$(mktemp -d)
trap 'rm -rf "$outputs"' EXIT

# Wall seconds of one run of the command; what it printed goes to the file $1.
wall() {
  local output=$1 start end
  shift
  start=$(date +%s.%N)
  "$@" >"$output" 2>&1 || true
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
median() { sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

if [[ -n $before ]]; then
  printf '%-14s %10s %10s %8s %10s %8s\n' program python3_s before_s ratio after_s ratio
else
  printf '%-14s %10s %12s %8s\n' program python3_s loopscope_s ratio
fi
status=0
for program in many_sleeps compute_loop classes; do
  file=$programs/$program.py
  py_times=() ls_times=() before_times=()
  # Round robin, so that a neighbour's burst on the machine falls on all of them alike
  for ((k = 0; k < runs; k++)); do
    py_times+=("$(wall "$outputs/python3" python3 "$file")")
    ls_times+=("$(wall "$outputs/loopscope" "$cli" run --clock virtual "$file")")
    if [[ -n $before ]]; then before_times+=("$(wall "$outputs/before" "$before" run --clock virtual "$file")"); fi
  done
  for output in loopscope ${before:+before}; do
    if ! cmp -s "$outputs/python3" "$outputs/$output"; then
      echo "speed_vs_python.sh: $program: $output printed something else than python3:" >&2
      diff "$outputs/python3" "$outputs/$output" >&2 || true
      status=1
    fi
  done
  py=$(printf '%s\n' "${py_times[@]}" | median)
  ls=$(printf '%s\n' "${ls_times[@]}" | median)
  if [[ -n $before ]]; then
    old=$(printf '%s\n' "${before_times[@]}" | median)
    printf '%-14s %10.3f %10.3f %7.1fx %10.3f %7.1fx\n' "$program" "$py" "$old" "$(echo "$py / $old" | bc -l)" "$ls" "$(echo "$py / $ls" | bc -l)"
  else
    printf '%-14s %10.3f %12.3f %7.1fx\n' "$program" "$py" "$ls" "$(echo "$py / $ls" | bc -l)"
  fi
done
exit $status
