#!/usr/bin/env bash
# PRDC (k = 5, no intervals) on N x D features: single JVM vs Spark tiled (SparkPrdcTiles) vs Spark gathered on one master.
# Usage: bench/spark/run-prdc.sh [N=4000] [D=128] [DIR=/tmp/genaudit-spark-bench] [MASTER=local[2]] [BLOCK=1024] [PARTITIONS=4]
# Needs a compiled build: ./mvnw -B -o -pl spark -am test-compile (tables are written on the first run and reused).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$ROOT/.ci/jdk.sh"
N="${1:-4000}"; D="${2:-128}"; DIR="${3:-/tmp/genaudit-spark-bench}"; MASTER="${4:-local[2]}"; BLOCK="${5:-1024}"; PARTS="${6:-4}"
mkdir -p "$DIR"
source "$ROOT/bench/spark/classpath.sh"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), N=$N D=$D; uptime: $(uptime)"
SPARK_LOCAL_IP=127.0.0.1 "$JAVA_HOME/bin/java" -Xmx${BENCH_XMX:-6g} $OPENS --enable-native-access=ALL-UNNAMED \
  -Dlog4j2.configurationFile="$ROOT/spark/src/test/resources/log4j2-test.properties" \
  -cp "$CP" "$ROOT/bench/spark/SparkPrdcBench.java" "$N" "$D" "$DIR" "$MASTER" "$BLOCK" "$PARTS" 2>&1 | grep --line-buffered -v -E '^WARNING|^[0-9:]+ WARN'
echo "uptime after: $(uptime)"
