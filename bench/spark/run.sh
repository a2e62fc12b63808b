#!/usr/bin/env bash
# FID on N x D features: single JVM vs Spark local[1], local[2] and a standalone cluster (1 and 2 workers) on 127.0.0.1.
# Usage: bench/spark/run.sh [N=50000] [D=2048] [DIR=/tmp/genaudit-spark-bench] [MODE...]
# Needs a compiled build: ./mvnw -B -o -pl spark -am test-compile (the Parquet files are written on the first run, ~2 x N x D x 4 bytes).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$ROOT/.ci/jdk.sh"
N="${1:-50000}"; D="${2:-2048}"; DIR="${3:-/tmp/genaudit-spark-bench}"; shift $(( $# < 3 ? $# : 3 ))
mkdir -p "$DIR"
source "$ROOT/bench/spark/classpath.sh"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg), N=$N D=$D"
echo "uptime: $(uptime)"
SPARK_LOCAL_IP=127.0.0.1 "$JAVA_HOME/bin/java" -Xmx${BENCH_XMX:-6g} $OPENS --enable-native-access=ALL-UNNAMED \
  -Dlog4j2.configurationFile="$ROOT/spark/src/test/resources/log4j2-test.properties" \
  -Dbench.jvmOptions="$OPENS" -Dbench.executorClassPath="$GA" \
  -cp "$CP" "$ROOT/bench/spark/SparkFidBench.java" "$N" "$D" "$DIR" "$@" 2>&1 | grep --line-buffered -v -E '^WARNING|^[0-9:]+ WARN'
echo "uptime after: $(uptime)"
