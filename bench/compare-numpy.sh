#!/usr/bin/env bash
# Runs scratchnet's MNIST epoch and the from-scratch numpy+OpenBLAS one (bench/mnist_numpy.py),
# RUNS times each, alternating, and prints both median epoch times and the ratio.
#   usage: bench/compare-numpy.sh [RUNS=3] [EPOCHS=3]
# Each run trains EPOCHS epochs and reports its median epoch; the figure shown is the median
# over runs. The machine should be otherwise idle: other load slows either side unevenly.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-3}"
EPOCHS="${2:-3}"
PY="${PYTHON:-python3}"

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
epoch_of() { sed -n 's/^median epoch: \([0-9.]*\) s.*/\1/p'; }

"$ROOT/scratchnet" --version >/dev/null   # builds the jar first if needed, outside the timing
ours=() theirs=()
for ((r = 1; r <= RUNS; r++)); do
  o="$("$ROOT/scratchnet" bench mnist --epochs "$EPOCHS" | epoch_of)"
  t="$("$PY" "$ROOT/bench/mnist_numpy.py" --epochs "$EPOCHS" | epoch_of)"
  [[ -n "$o" && -n "$t" ]] || { echo "compare-numpy: a run printed no 'median epoch' line" >&2; exit 1; }
  echo "run $r: scratchnet $o s/epoch, numpy $t s/epoch"
  ours+=("$o") theirs+=("$t")
done
o="$(printf '%s\n' "${ours[@]}" | median)"
t="$(printf '%s\n' "${theirs[@]}" | median)"
printf 'median of %d runs: scratchnet %.3f s/epoch, numpy+OpenBLAS %.3f s/epoch, scratchnet is %.2fx faster\n' \
  "$RUNS" "$o" "$t" "$(awk -v a="$t" -v b="$o" 'BEGIN {print a / b}')"
