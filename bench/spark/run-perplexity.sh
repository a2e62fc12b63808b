#!/usr/bin/env bash
# Perplexity on N generated documents: single JVM vs Spark local[1] / local[2] (Parquet texts scored on executors).
# Usage: bench/spark/run-perplexity.sh [N=20000] [DIR=/tmp/genaudit-spark-bench] [MODEL=fixtures/lm-models/tiny-lm.onnx] [CONTEXT=64]
# Needs a compiled build: ./mvnw -B -o -pl spark -am test-compile (the Parquet table is written on the first run).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$ROOT/.ci/jdk.sh"
N="${1:-20000}"; DIR="${2:-/tmp/genaudit-spark-bench}"; MODEL="${3:-$ROOT/fixtures/lm-models/tiny-lm.onnx}"; CONTEXT="${4:-64}"
mkdir -p "$DIR"
source "$ROOT/bench/spark/classpath.sh"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); uptime: $(uptime)"
SPARK_LOCAL_IP=127.0.0.1 "$JAVA_HOME/bin/java" -Xmx${BENCH_XMX:-4g} $OPENS --enable-native-access=ALL-UNNAMED \
  -Dlog4j2.configurationFile="$ROOT/spark/src/test/resources/log4j2-test.properties" \
  -cp "$CP" "$ROOT/bench/spark/SparkPerplexityBench.java" "$N" "$DIR" "$MODEL" "$CONTEXT" 2>&1 | grep -v -E '^WARNING|^[0-9:]+ WARN'
echo "uptime after: $(uptime)"
