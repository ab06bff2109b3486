#!/usr/bin/env bash
# Start-up as a user sees it: wall time of whole `./scratchnet` processes (launcher, JVM start,
# the command, exit) for `--version`, `demo`, `example quadrants` and `--help`, RUNS times each, the
# commands taking turns; prints min, median and max per command and the load average.
#   usage: bench/startup.sh [RUNS=10]
# The machine should be otherwise idle: these are fractions of a second, and any other load shows.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/stats.sh
source "$ROOT/bench/stats.sh"
RUNS="${1:-10}"
commands=("--version" "demo" "example quadrants" "--help")

"$ROOT/scratchnet" --version >/dev/null   # builds the jar and its archive first, outside the timing
echo "load before: $(uptime | sed 's/.*load average/load average/')"
declare -A times
for ((r = 1; r <= RUNS; r++)); do
  for c in "${commands[@]}"; do
    # shellcheck disable=SC2086
    start=$(date +%s%N)
    "$ROOT/scratchnet" $c >/dev/null
    end=$(date +%s%N)
    times[$c]+="$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f", (b - a) / 1e9}') "
  done
done
for c in "${commands[@]}"; do
  # shellcheck disable=SC2086
  printf '%s\n' ${times[$c]} | min_med_max | awk -v name="$c" -v n="$RUNS" \
    '{printf "%-18s %d runs: min %.3f s, median %.3f s, max %.3f s\n", name, n, $1, $2, $3}'
done
echo "load after: $(uptime | sed 's/.*load average/load average/')"
