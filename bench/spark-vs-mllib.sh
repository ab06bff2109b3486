#!/usr/bin/env bash
# scratchnet on Spark vs MLlib's MultilayerPerceptronClassifier, side by side on local[2], MNIST:
#   - ours: 784-256-10 (relu, Adam), until the test accuracy reaches TARGET (default 0.975),
#     in the synchronous mode and with model averaging (--sync-every K); wall time of the whole
#     command (Spark start, reading Parquet, conversion, training, evaluation after every epoch)
#   - MLlib (Spark 4.1.0; layers 784, 256, 10; full-batch L-BFGS): fit time and test accuracy
#     after 20 and after 100 iterations
#   - peak RSS of every process (/usr/bin/time -v), and our per-step overhead from Spark: our
#     mean step time minus core's in-process step time for the same network and batch.
# MNIST is written as Parquet by the script (from ~/.cache/scratchnet/mnist; fetched with
# `./scratchnet data fetch mnist` when missing). Usage: bench/spark-vs-mllib.sh [--skip-mllib-100]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${OUT:-$ROOT/bench/spark-mllib/target/out}"
MNIST="${MNIST:-$HOME/.cache/scratchnet/mnist}"
BATCH="${BATCH:-128}"
K="${K:-8}"
TARGET="${TARGET:-0.975}"
EPOCHS="${EPOCHS:-15}"
SKIP100=0
[[ "${1:-}" == "--skip-mllib-100" ]] && SKIP100=1
mkdir -p "$OUT"
cd "$ROOT"

if [[ ! -f "$MNIST/train-images-idx3-ubyte" && ! -f "$MNIST/train-images-idx3-ubyte.gz" ]]; then
  ./scratchnet data fetch mnist
fi

echo "== building (the MLlib side: -Pspark-bench, Spark 4.1.0; ours: the launcher, Spark 4.2.0)" >&2
CP="$OUT/mllib-classpath.txt"
mvn -B -q -Pspark-bench -pl bench/spark-mllib -am package -Dmaven.test.skip=true dependency:build-classpath \
  -Dmdep.outputFile="$CP" -Dmdep.includeScope=runtime >"$OUT/build.log" 2>&1 || { cat "$OUT/build.log"; exit 1; }
./scratchnet spark train --help >/dev/null
export SPARK_LOCAL_IP=127.0.0.1
JVM=(-XX:+IgnoreUnrecognizedVMOptions --add-modules jdk.incubator.vector --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED -Xmx8g)
MLLIB=(java "${JVM[@]}" -cp "$ROOT/bench/spark-mllib/target/scratchnet-bench-spark-mllib.jar:$(cat "$CP")")

if [[ ! -d "$OUT/data/test.parquet" ]]; then
  "${MLLIB[@]}" org.scratchnet.bench.sparkml.MnistToParquet "$MNIST" "$OUT/data" 2>"$OUT/parquet.log"
fi

cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
if grep -qm1 avx512f /proc/cpuinfo; then isa="AVX-512"; else isa="AVX2 only"; fi
echo "cpu: $cpu ($isa), $(nproc) cores"

# runs a command under /usr/bin/time -v; prints "wall_s rss_mb" and keeps the output in $OUT/$1.log
timed() {
  local name="$1"; shift
  echo "== $name: uptime $(uptime | sed 's/.*load average: //')" >&2
  /usr/bin/time -v "$@" >"$OUT/$name.log" 2>"$OUT/$name.err" || { tail -5 "$OUT/$name.err" >&2; return 1; }
  local wall rss
  wall="$(grep 'Elapsed (wall clock)' "$OUT/$name.err" | awk -F': ' '{print $2}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')"
  rss="$(grep 'Maximum resident set size' "$OUT/$name.err" | awk '{printf "%.0f", $NF/1024}')"
  echo "$wall $rss"
}

ours() {
  local name="$1" k="$2"
  timed "$name" ./scratchnet spark train --master 'local[2]' --data "parquet:$OUT/data/train.parquet" \
    --validation-data "parquet:$OUT/data/test.parquet" --label label --net "dense 256, relu" --optimizer adam \
    --lr 0.001 --batch-size "$BATCH" --sync-every "$k" --epochs "$EPOCHS" --target-accuracy "$TARGET" \
    --save "$OUT/$name.safetensors"
}

read -r ours_avg_wall ours_avg_rss < <(ours "ours-sync-every-$K" "$K")
read -r ours_sync_wall ours_sync_rss < <(ours "ours-sync" 1)
read -r ml20_wall ml20_rss < <(timed mllib-20 "${MLLIB[@]}" org.scratchnet.bench.sparkml.MllibMnist \
  "$OUT/data/train.parquet" "$OUT/data/test.parquet" 20)
if [[ $SKIP100 -eq 0 ]]; then
  read -r ml100_wall ml100_rss < <(timed mllib-100 "${MLLIB[@]}" org.scratchnet.bench.sparkml.MllibMnist \
    "$OUT/data/train.parquet" "$OUT/data/test.parquet" 100)
fi
timed in-process "${MLLIB[@]}" org.scratchnet.bench.sparkml.InProcessSteps "$MNIST" "$BATCH" 2 >/dev/null

last_epoch() { grep '^epoch' "$OUT/$1.log" | tail -1; }
step_ms() { grep -o 'mean step [0-9.]* ms' "$OUT/$1.log" | awk '{print $3}'; }
echo
echo "load after the runs: $(uptime | sed 's/.*load average: //')"
echo "ours, sync-every $K, batch $BATCH: ${ours_avg_wall} s wall, peak RSS ${ours_avg_rss} MB; $(last_epoch "ours-sync-every-$K")"
echo "ours, synchronous,  batch $BATCH: ${ours_sync_wall} s wall, peak RSS ${ours_sync_rss} MB; $(last_epoch ours-sync)"
echo "mllib 20 iterations:  ${ml20_wall} s wall, peak RSS ${ml20_rss} MB; $(cat "$OUT/mllib-20.log")"
[[ $SKIP100 -eq 0 ]] && echo "mllib 100 iterations: ${ml100_wall} s wall, peak RSS ${ml100_rss} MB; $(cat "$OUT/mllib-100.log")"
inproc="$(grep -o 'step_ms=[0-9.]*' "$OUT/in-process.log" | cut -d= -f2)"
sync_ms="$(step_ms ours-sync)"
echo "per-step: synchronous Spark step ${sync_ms} ms, in-process (core Trainer, 2 threads) ${inproc} ms," \
  "overhead $(awk -v a="$sync_ms" -v b="$inproc" 'BEGIN{printf "%.1f", a-b}') ms"
