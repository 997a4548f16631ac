#!/usr/bin/env bash
# Issue 12's speed figures: the whole process of `loopscope run --clock virtual X.py` against
# `python3 X.py`, for each program in tests/engine/bench/programs/ (many_sleeps: 1,000 tasks x 100
# sleep(0); compute_loop: 600,000 iterations; classes: objects, methods, super(), dicts; issue 13's
# queue_pipeline: 100 producers and 100 consumers passing 100,000 items through asyncio.Queue(100), and
# lock_contention: 10,000 tasks through an asyncio.Lock, then 10,000 through a Semaphore(10)). Prints the
# median wall time of RUNS runs of each (default 5) and python3's median over loopscope's, then the same
# for CPU time (user + system), which a busy shared machine disturbs less. It measures
# and never fails on a figure; it fails only when loopscope prints something other than python3.
#   scripts/speed_vs_python.sh [RUNS]
# LOOPSCOPE_CLI picks the binary (default build/ci/server/loopscope). LOOPSCOPE_CLI_BEFORE adds a second
# binary (an older build) measured in the same rounds, for a before/after table on the same load.
# INSTRUCTIONS=1 adds, after the timings, each program's instruction count under valgrind's callgrind
# (one run each, minutes in all): the same on every run, so a change of a few percent shows on a
# shared machine whose wall and CPU times vary by half from one run to the next.
# PYTHON picks the interpreter; by default python3's own executable (sys.executable), not a launcher in
# front of it: pyenv's `python3` shim is a shell script that adds about 0.3 s to every run here, which
# would be measured as python3's time.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
cli=${LOOPSCOPE_CLI:-$root/build/ci/server/loopscope}
before=${LOOPSCOPE_CLI_BEFORE:-}
programs=$root/tests/engine/bench/programs
# Issue 13's programs take more steps and tasks than a server's run may (its bounds stay its config's)
bounds="--max-steps 1000000000 --max-tasks 20000"
for binary in "$cli" ${before:+"$before"}; do
  [[ -x $binary ]] || { echo "speed_vs_python.sh: no $binary (build the loopscope target, or set LOOPSCOPE_CLI)" >&2; exit 2; }
done
python=${PYTHON:-$(python3 -c 'import sys; print(sys.executable)')}
echo "python3: $python ($("$python" --version 2>&1)); loopscope: $cli"
outputs=$(mktemp -d)
trap 'rm -rf "$outputs"' EXIT

# Wall seconds of one run of the command; what it printed goes to the file $1. Its CPU seconds (user +
# system, from wait4) are appended to the file $2: on a machine shared with others they move less.
wall() {
  local output=$1 cpu=$2
  shift 2
  python3 - "$output" "$cpu" "$@" <<'PY'
import os, sys, time
output, cpu, command = sys.argv[1], sys.argv[2], sys.argv[3:]
with open(output, "wb") as out:
    start = time.perf_counter()
    pid = os.posix_spawnp(command[0], command, os.environ, file_actions=[(os.POSIX_SPAWN_DUP2, out.fileno(), 1), (os.POSIX_SPAWN_DUP2, out.fileno(), 2)])
    _, _, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
with open(cpu, "a") as f:
    f.write(f"{usage.ru_utime + usage.ru_stime}\n")
print(wall)
PY
}
median() { sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

if [[ -n $before ]]; then
  printf '%-14s %10s %10s %8s %10s %8s   %s\n' program python3_s before_s ratio after_s ratio "CPU seconds: python3 before after (ratios)"
else
  printf '%-14s %10s %12s %8s   %s\n' program python3_s loopscope_s ratio "CPU seconds: python3 loopscope (ratio)"
fi
status=0
for program in many_sleeps compute_loop classes queue_pipeline lock_contention; do
  file=$programs/$program.py
  py_times=() ls_times=() before_times=()
  rm -f "$outputs"/*.cpu
  # Round robin, so that a neighbour's burst on the machine falls on all of them alike
  for ((k = 0; k < runs; k++)); do
    py_times+=("$(wall "$outputs/python3" "$outputs/python3.cpu" "$python" "$file")")
    ls_times+=("$(wall "$outputs/loopscope" "$outputs/loopscope.cpu" "$cli" run --clock virtual $bounds "$file")")
    if [[ -n $before ]]; then before_times+=("$(wall "$outputs/before" "$outputs/before.cpu" "$before" run --clock virtual $bounds "$file")"); fi
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
  py_cpu=$(median <"$outputs/python3.cpu")
  ls_cpu=$(median <"$outputs/loopscope.cpu")
  if [[ -n $before ]]; then
    old=$(printf '%s\n' "${before_times[@]}" | median)
    old_cpu=$(median <"$outputs/before.cpu")
    printf '%-14s %10.3f %10.3f %7.1fx %10.3f %7.1fx   %.3f %.3f %.3f (%.1fx %.1fx)\n' "$program" "$py" "$old" "$(echo "$py / $old" | bc -l)" \
      "$ls" "$(echo "$py / $ls" | bc -l)" "$py_cpu" "$old_cpu" "$ls_cpu" "$(echo "$py_cpu / $old_cpu" | bc -l)" "$(echo "$py_cpu / $ls_cpu" | bc -l)"
  else
    printf '%-14s %10.3f %12.3f %7.1fx   %.3f %.3f (%.1fx)\n' "$program" "$py" "$ls" "$(echo "$py / $ls" | bc -l)" \
      "$py_cpu" "$ls_cpu" "$(echo "$py_cpu / $ls_cpu" | bc -l)"
  fi
done

if [[ ${INSTRUCTIONS:-0} == 1 ]]; then
  command -v valgrind >/dev/null || { echo "speed_vs_python.sh: INSTRUCTIONS=1 needs valgrind (apt-get install valgrind)" >&2; exit 2; }
  # Instructions executed (callgrind's "I refs") by one run of the command
  instructions() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | sed -n 's/.*refs: *//p' | tr -d ','; }
  echo
  if [[ -n $before ]]; then
    printf '%-14s %14s %14s %8s %14s %8s\n' program python3_instr before_instr ratio after_instr ratio
  else
    printf '%-14s %14s %14s %8s\n' program python3_instr loopscope_instr ratio
  fi
  for program in many_sleeps compute_loop classes queue_pipeline lock_contention; do
    file=$programs/$program.py
    py=$(instructions "$python" "$file")
    ls=$(instructions "$cli" run --clock virtual $bounds "$file")
    if [[ -n $before ]]; then
      old=$(instructions "$before" run --clock virtual $bounds "$file")
      printf '%-14s %14s %14s %7.2fx %14s %7.2fx\n' "$program" "$py" "$old" "$(echo "$py / $old" | bc -l)" "$ls" "$(echo "$py / $ls" | bc -l)"
    else
      printf '%-14s %14s %14s %7.2fx\n' "$program" "$py" "$ls" "$(echo "$py / $ls" | bc -l)"
    fi
  done
fi
exit $status
