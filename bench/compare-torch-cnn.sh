#!/usr/bin/env bash
# Runs `scratchnet bench mnist-cnn` and the same network in PyTorch (bench/mnist_cnn_torch.py),
# RUNS times each, alternating, at the same thread count, and prints both medians and the ratio.
#   usage: bench/compare-torch-cnn.sh [RUNS=3] [EPOCHS=3] [THREADS=1]
# Each run reports the median of its epochs 2 onward (the first compiles/warms up); the figure
# shown is the median over runs. PyTorch comes from Debian's python3-torch, installed here if
# missing (a benchmark-only tool, never a dependency). The machine should be otherwise idle.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-3}"
EPOCHS="${2:-3}"
THREADS="${3:-1}"
PY=/usr/bin/python3

if ! "$PY" -c 'import torch' 2>/dev/null; then
  echo "compare-torch-cnn: installing Debian's python3-torch (benchmark only)" >&2
  apt-get update -qq && apt-get install -y -qq python3-torch >/dev/null
fi
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
epoch_of() { sed -n 's/^median epoch: \([0-9.]*\) s.*/\1/p'; }

"$ROOT/scratchnet" --version >/dev/null   # builds the jar first if needed, outside the timing
ours=() theirs=()
for ((r = 1; r <= RUNS; r++)); do
  o="$("$ROOT/scratchnet" bench mnist-cnn --epochs "$EPOCHS" --threads "$THREADS" | epoch_of)"
  t="$("$PY" "$ROOT/bench/mnist_cnn_torch.py" --epochs "$EPOCHS" --threads "$THREADS" | epoch_of)"
  [[ -n "$o" && -n "$t" ]] || { echo "compare-torch-cnn: a run printed no 'median epoch' line" >&2; exit 1; }
  echo "run $r: scratchnet $o s/epoch, PyTorch $t s/epoch"
  ours+=("$o") theirs+=("$t")
done
o="$(printf '%s\n' "${ours[@]}" | median)"
t="$(printf '%s\n' "${theirs[@]}" | median)"
printf 'median of %d runs, %s thread(s): scratchnet %.2f s/epoch, PyTorch %.2f s/epoch, scratchnet is %.2fx as fast\n' \
  "$RUNS" "$THREADS" "$o" "$t" "$(awk -v a="$t" -v b="$o" 'BEGIN {print a / b}')"
