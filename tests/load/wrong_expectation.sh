#!/usr/bin/env bash
# The verifier can fail: an expectation with gather's two first lines swapped must fail every run.
#   wrong_expectation.sh LOOPSCOPE GATHER_PY OUT_FILE
# Writes OUT_FILE: the events of `loopscope run --clock virtual`, with the lines swapped.
set -euo pipefail
"$1" run "$2" --clock virtual --events "$3.right" >/dev/null
sed -e 's/Start brewing coffee/@swap@/' -e 's/Start toasting bagel/Start brewing coffee/' -e 's/@swap@/Start toasting bagel/' \
  "$3.right" >"$3"
rm "$3.right"
