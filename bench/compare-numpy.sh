#!/usr/bin/env bash
# Runs scratchnet's MNIST epoch and the from-scratch numpy+OpenBLAS one (bench/mnist_numpy.py),
# RUNS separate processes each, alternating, and prints every run, then the min, median and max of
# both sides' median epochs and the ratio of the medians.
#   usage: bench/compare-numpy.sh [RUNS=3] [EPOCHS=3]
# Each run trains EPOCHS epochs and reports its median epoch. The spread between processes is the
# point: a JIT that compiles differently from one start to the next shows as a wide min..max. Each
# run also shows how far apart its two cores were (`scratchnet bench cores`, before and after the
# epochs): on a virtual machine the host moves the virtual CPUs, and two-thread speed follows.
# Each run also shows its slowest over its fastest epoch: when the processes differ by about as much
# as one process's epochs differ among themselves, the spread comes from the machine over time,
# not from code that is fast in some processes and slow in others.
# With taskset available (util-linux) and more than one CPU, each run also shows one-thread x@w
# measured on each CPU right after scratchnet's epochs (bench/vcpus.sh, one round): on a virtual
# machine one vCPU can be markedly slower than the other for minutes, and a slow run then shows
# a slow vCPU beside it. VCPU_PROBE=0 leaves it out.
# numpy runs with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset, so that OpenBLAS picks its own
# kernels for this CPU (the line "OpenBLAS core" names them); set PYTHON to choose the interpreter.
# ISA=avx2 runs both sides on their AVX2 code on an AVX-512 machine (-XX:UseAVX=2 for scratchnet,
# OPENBLAS_CORETYPE=Haswell for numpy): the shape of the AVX2 code, on this machine's cores.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-3}"
EPOCHS="${2:-3}"
PY="${PYTHON:-python3}"

# shellcheck source=bench/stats.sh
source "$ROOT/bench/stats.sh"
median() { min_med_max | awk '{print $2}'; }
spread() { # min / median / max of the arguments
  printf '%s\n' "$@" | min_med_max | awk '{printf "min %.3f, median %.3f, max %.3f", $1, $2, $3}'
}
epoch_of() { sed -n 's/^median epoch: \([0-9.]*\) s.*/\1/p'; }
within() { # slowest / fastest epoch of one run's output
  sed -n 's/^epoch [0-9]*: \([0-9.]*\) s.*/\1/p' | sort -g | awk '{a[NR]=$1} END {if (NR) printf "%.2f", a[NR] / a[1]}'
}
ratio() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {printf "%.2f", a[NR] / a[1]}'; }
numpy() { env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$PY" "$@"; }
case "${ISA:-}" in
  "") ;;
  avx2)
    export JAVA_OPTS="${JAVA_OPTS:+$JAVA_OPTS }-XX:UseAVX=2"
    numpy() { env -u OPENBLAS_L2_SIZE OPENBLAS_CORETYPE=Haswell "$PY" "$@"; }
    echo "ISA=avx2: scratchnet with -XX:UseAVX=2, numpy with OPENBLAS_CORETYPE=Haswell" ;;
  *) echo "compare-numpy: ISA must be avx2 or unset, found '$ISA'" >&2; exit 2 ;;
esac

"$ROOT/scratchnet" --version >/dev/null   # builds the jar first if needed, outside the timing
numpy - <<'EOF' || true
import ctypes, glob, os, numpy
libs = glob.glob(os.path.join(os.path.dirname(numpy.__file__), "..", "numpy.libs", "*openblas*"))
for lib in libs:
    for name in ("scipy_openblas_get_corename64_", "scipy_openblas_get_corename", "openblas_get_corename"):
        f = getattr(ctypes.CDLL(lib), name, None)
        if f:
            f.restype = ctypes.c_char_p
            print(f"numpy {numpy.__version__}, OpenBLAS core {f().decode()}")
            raise SystemExit
print(f"numpy {numpy.__version__}, OpenBLAS core unknown")
EOF
echo "load: $(uptime | sed 's/.*load average/load average/')"
ours=() theirs=() ours_in=() theirs_in=()
for ((r = 1; r <= RUNS; r++)); do
  run="$("$ROOT/scratchnet" bench mnist --epochs "$EPOCHS")"
  o="$(epoch_of <<<"$run")"
  cores="$(sed -n 's/^core-to-core round trip (bench cores): \(.*\)/\1/p' <<<"$run")"
  vcpus=""
  if [[ "${VCPU_PROBE:-1}" != 0 ]] && command -v taskset >/dev/null && (($(nproc) > 1)); then
    vcpus="; one-thread x@w per CPU $("$ROOT/bench/vcpus.sh" 1 0.3 \
      | sed -n 's/^cpu[0-9]* x@w: min \([0-9.]*\),.*/\1/p' | paste -sd/) GFLOP/s"
  fi
  np_run="$(numpy "$ROOT/bench/mnist_numpy.py" --epochs "$EPOCHS")"
  t="$(epoch_of <<<"$np_run")"
  [[ -n "$o" && -n "$t" ]] || { echo "compare-numpy: a run printed no 'median epoch' line" >&2; exit 1; }
  oi="$(within <<<"$run")" ti="$(within <<<"$np_run")"
  echo "run $r: scratchnet $o s/epoch, numpy $t s/epoch (slowest/fastest epoch $oi and $ti; core-to-core round trip ${cores:-not measured}$vcpus)"
  ours+=("$o") theirs+=("$t") ours_in+=("$oi") theirs_in+=("$ti")
done
o="$(printf '%s\n' "${ours[@]}" | median)"
t="$(printf '%s\n' "${theirs[@]}" | median)"
echo "scratchnet median epoch over $RUNS processes: $(spread "${ours[@]}") s"
echo "numpy+OpenBLAS median epoch over $RUNS processes: $(spread "${theirs[@]}") s"
echo "slowest/fastest: between the processes' medians $(ratio "${ours[@]}") for scratchnet and $(ratio "${theirs[@]}") for numpy;" \
  "within one process (median over the processes) $(printf '%s\n' "${ours_in[@]}" | median | xargs printf '%.2f') and $(printf '%s\n' "${theirs_in[@]}" | median | xargs printf '%.2f')"
echo "load: $(uptime | sed 's/.*load average/load average/')"
printf 'ratio of the medians: scratchnet %.3f s/epoch, numpy+OpenBLAS %.3f s/epoch, scratchnet is %.2fx faster\n' \
  "$o" "$t" "$(awk -v a="$t" -v b="$o" 'BEGIN {print a / b}')"
