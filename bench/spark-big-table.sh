#!/usr/bin/env bash
# One epoch of `scratchnet spark train` on a multi-million-row Parquet table on local[2]: the
# table (ROWS rows: 12 double columns, a 4-value text column, a 0/1 label; written by the script
# with Spark) and the wall time and peak RSS of the whole command (Spark start, the column pass,
# conversion to blocks, one epoch). Usage: ROWS=5000000 bench/spark-big-table.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${OUT:-$ROOT/bench/spark-mllib/target/out}"
ROWS="${ROWS:-5000000}"
mkdir -p "$OUT"
cd "$ROOT"
CP="$OUT/mllib-classpath.txt"
mvn -B -q -Pspark-bench -pl bench/spark-mllib -am package -Dmaven.test.skip=true dependency:build-classpath \
  -Dmdep.outputFile="$CP" -Dmdep.includeScope=runtime >"$OUT/build.log" 2>&1 || { cat "$OUT/build.log"; exit 1; }
export SPARK_LOCAL_IP=127.0.0.1
TABLE="$OUT/big-$ROWS.parquet"
if [[ ! -d "$TABLE" ]]; then
  java --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED -Xmx4g \
    -cp "$ROOT/bench/spark-mllib/target/scratchnet-bench-spark-mllib.jar:$(cat "$CP")" \
    org.scratchnet.bench.sparkml.BigTable "$ROWS" "$TABLE" 2>"$OUT/big-table.log"
fi
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(nproc) cores; load before: $(uptime | sed 's/.*load average: //')"
/usr/bin/time -v ./scratchnet spark train --master 'local[2]' --data "parquet:$TABLE" --label y \
  --net "dense 32, relu" --optimizer adam --lr 0.003 --batch-size 1024 --sync-every 16 --epochs 1 \
  --save "$OUT/big.safetensors" 2>"$OUT/big-train.err" | tee "$OUT/big-train.log"
echo "wall: $(grep 'Elapsed (wall clock)' "$OUT/big-train.err" | awk -F': ' '{print $2}')," \
  "peak RSS: $(grep 'Maximum resident set size' "$OUT/big-train.err" | awk '{printf "%.0f MB", $NF/1024}');" \
  "load after: $(uptime | sed 's/.*load average: //')"
