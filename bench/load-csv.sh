#!/usr/bin/env bash
# Times reading a large CSV table: scratchnet's loader (cold, and through --cache) against numpy's
# loadtxt, each in its own process, RUNS times, alternating, and prints min/median/max wall time,
# the in-process load speed and the peak RSS of every variant.
#   usage: bench/load-csv.sh [RUNS=5] [FILE=bench/out/big-1m-20.csv]
# FILE is made with numpy when absent: 1,000,000 rows x 20 float features (%.5f) + a 0/1 label,
# 172 MB. Other load on the machine slows every variant; the ratios are what to compare, with the
# load average printed beside them.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/stats.sh
source "$ROOT/bench/stats.sh"
RUNS="${1:-5}"
FILE="${2:-$ROOT/bench/out/big-1m-20.csv}"
PY="${PYTHON:-python3}"
SN="$ROOT/scratchnet"

if [[ ! -f "$FILE" ]]; then
  mkdir -p "$(dirname "$FILE")"
  echo "load-csv: writing $FILE with numpy (1,000,000 x 21)..." >&2
  "$PY" - "$FILE" <<'PYEOF'
import sys
import numpy as np
rng = np.random.default_rng(0)
n = 1_000_000
x = rng.standard_normal((n, 20)).astype(np.float32)
y = (x[:, 0] + x[:, 1] * x[:, 2] > 0).astype(np.int32)
with open(sys.argv[1], "w") as f:
    f.write(",".join([f"x{i}" for i in range(1, 21)] + ["label"]) + "\n")
    for s in range(0, n, 100_000):
        np.savetxt(f, np.concatenate([x[s:s + 100_000], y[s:s + 100_000, None]], axis=1),
                   fmt=["%.5f"] * 20 + ["%d"], delimiter=",")
PYEOF
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
"$SN" --version >/dev/null   # builds the jar first if needed, outside the timing
# a model for evaluate (trained on a slice), the cache, and the file in the page cache
"$SN" train --data "csv:$FILE" --max-rows 100000 --hidden 16 --epochs 1 --batch-size 256 --quiet \
  --save "$WORK/m.safetensors" >/dev/null
"$SN" bench load-csv --data "$FILE" --cache "$WORK" >/dev/null

timed() { # NAME CMD...: appends "seconds rss_kb" to $WORK/NAME, and the command's stdout to $WORK/NAME.out
  local name="$1"
  shift
  /usr/bin/time -f "%e %M" -o "$WORK/t" "$@" >>"$WORK/$name.out"
  cat "$WORK/t" >>"$WORK/$name"
}
LOADTXT="import sys, numpy as np; np.loadtxt(sys.argv[1], delimiter=',', skiprows=1, dtype=np.float32)"
for ((r = 1; r <= RUNS; r++)); do
  timed numpy "$PY" -c "$LOADTXT" "$FILE"
  timed load "$SN" bench load-csv --data "$FILE"
  timed cached "$SN" bench load-csv --data "$FILE" --cache "$WORK"
  timed evaluate "$SN" evaluate --model "$WORK/m.safetensors" --data "csv:$FILE"
  echo "run $r of $RUNS done" >&2
done

stats() { min_med_max | awk '{printf "%.3f %.3f %.3f", $1, $2, $3}'; }
median_of() { awk '{print $1}' "$WORK/$1" | stats | awk '{print $2}'; }
# the K-th "X MB/s" figure of each bench load-csv line (K = -1: the last): 1 = the load (CSV bytes),
# 2 with --cache = the cache file's own bytes; the last = the load and the encoding together (CSV bytes)
rate() {
  awk -v k="$2" '{ m = 0; for (i = 1; i < NF; i++) if ($(i + 1) ~ /^MB\/s/ && $i ~ /^[0-9.]+$/) { m++; if (m == k) v = $i; last = $i }
    print (k == -1 ? last : v) }' "$WORK/$1.out" | stats
}
size_mb="$(awk -v b="$(stat -c %s "$FILE")" 'BEGIN {printf "%.1f", b / 1e6}')"
echo "file: $FILE ($size_mb MB); $RUNS runs each; CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "$(nproc) cores, $(grep -q avx512f /proc/cpuinfo && echo AVX-512 || echo AVX2)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-34s %28s %16s\n' "process" "wall s (min median max)" "peak RSS MB"
for v in numpy load cached evaluate; do
  case "$v" in
    numpy) label="python: np.loadtxt (float32)" ;;
    load) label="scratchnet bench load-csv" ;;
    cached) label="scratchnet bench load-csv --cache" ;;
    evaluate) label="scratchnet evaluate (whole run)" ;;
  esac
  printf '%-34s %28s %16s\n' "$label" "$(awk '{print $1}' "$WORK/$v" | stats)" \
    "$(awk '{print $2}' "$WORK/$v" | sort -g | tail -1 | awk '{printf "%.0f", $1 / 1024}')"
done
echo "in-process speed, MB/s of CSV (min median max): parse $(rate load 1); cached load $(rate cached 1)" \
  "(of the cache file itself: $(rate cached 2))"
echo "  load and encode into x: parse $(rate load -1); cached $(rate cached -1)"
awk -v e="$(median_of evaluate)" -v n="$(median_of numpy)" \
  'BEGIN {printf "whole evaluate process / whole numpy loadtxt process (medians): %.2fx\n", e / n}'
