#!/usr/bin/env bash
# The same one-thread products on each CPU in turn: `scratchnet bench kernels --threads 1`
# pinned with taskset to CPU 0, then CPU 1, ..., ROUNDS times, printing one line per round and
# then the min, median and max of x@w per CPU.
#   usage: bench/vcpus.sh [ROUNDS=10] [SECONDS=0.6]
# On a virtual machine one virtual CPU can run the products markedly slower than another for
# minutes at a time, with no other load in this machine (no steal or interrupt time in
# /proc/stat): the host's load on the physical core behind it. Rounds that alternate CPUs a few
# seconds apart show whether a slow run was the CPU it ran on rather than the process's code.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/stats.sh
source "$ROOT/bench/stats.sh"
ROUNDS="${1:-10}"
SECONDS_EACH="${2:-0.6}"
command -v taskset >/dev/null || { echo "vcpus.sh: taskset (util-linux) is needed" >&2; exit 1; }
cpus=$(nproc)
"$ROOT/scratchnet" --version >/dev/null   # builds the jar first if needed, outside the timing
declare -A xw
echo "x@w / xT@dZ / dZ@wT in GFLOP/s, one thread pinned to each CPU in turn"
for ((r = 1; r <= ROUNDS; r++)); do
  line="$(date +%T)"
  for ((c = 0; c < cpus; c++)); do
    row=$(taskset -c "$c" "$ROOT/scratchnet" bench kernels --kernels vector --threads 1 --seconds "$SECONDS_EACH" \
      | awk '$1 == "vector" {print $3 "/" $5 "/" $7}')
    line+="   cpu$c $row"
    xw[$c]+="${row%%/*} "
  done
  echo "$line"
done
for ((c = 0; c < cpus; c++)); do
  # shellcheck disable=SC2086
  printf '%s\n' ${xw[$c]} | min_med_max \
    | awk -v c="$c" '{printf "cpu%d x@w: min %.1f, median %.1f, max %.1f\n", c, $1, $2, $3}'
done
