#!/usr/bin/env bash
# Perplexity on N generated documents: single JVM vs Spark local[1] / local[2] (Parquet texts scored on executors).
# Usage: bench/spark/run-perplexity.sh [N=20000] [DIR=/tmp/genaudit-spark-bench] [MODEL=fixtures/lm-models/tiny-lm.onnx] [CONTEXT=64]
# Needs a compiled build: ./mvnw -B -o -pl spark -am test-compile (the Parquet table is written on the first run).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$ROOT/.ci/jdk.sh"
BD="${GENAUDIT_BUILD_DIR:-target}"
N="${1:-20000}"; DIR="${2:-/tmp/genaudit-spark-bench}"; MODEL="${3:-$ROOT/fixtures/lm-models/tiny-lm.onnx}"; CONTEXT="${4:-64}"
mkdir -p "$DIR"
CPFILE="$ROOT/spark/$BD/bench-classpath.txt"
if [ ! -f "$CPFILE" ] || ! grep -q spark-sql "$CPFILE"; then
  (cd "$ROOT" && ./mvnw -B -q -o -Dgenaudit.buildDir="$BD" -pl spark -am compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CPFILE" >/dev/null)
fi
CP="$ROOT/spark/$BD/classes"
for m in audits reports metrics engine values datasets; do CP="$CP:$ROOT/$m/$BD/classes"; done
CP="$CP:$(cat "$CPFILE")"
OPENS=$(sed -n 's:.*<spark.jvm.options>\(.*\)</spark.jvm.options>.*:\1:p' "$ROOT/spark/pom.xml")
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); uptime: $(uptime)"
SPARK_LOCAL_IP=127.0.0.1 "$JAVA_HOME/bin/java" -Xmx${BENCH_XMX:-4g} $OPENS --enable-native-access=ALL-UNNAMED \
  -Dlog4j2.configurationFile="$ROOT/spark/src/test/resources/log4j2-test.properties" \
  -cp "$CP" "$ROOT/bench/spark/SparkPerplexityBench.java" "$N" "$DIR" "$MODEL" "$CONTEXT" 2>&1 | grep -v -E '^WARNING|^[0-9:]+ WARN'
echo "uptime after: $(uptime)"
