#!/usr/bin/env bash
# LM benchmark: trains tiny and small built-in Transformers on markov-train, reports training time, held-out
# perplexity vs the analytic bound, scoring and generation throughput. Usage: bench/lm/run.sh [tiny|small ...]
# Env: THREADS (PyTorch intra-op threads, default 1), GENAUDIT_BUILD_DIR (default target).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$ROOT/.ci/jdk.sh"
BD="${GENAUDIT_BUILD_DIR:-target}"
cd "$ROOT"
./mvnw -B -q -o -Dgenaudit.buildDir="$BD" -pl fixtures,engine -am compile
./mvnw -B -q -o -Dgenaudit.buildDir="$BD" -pl engine -am compile dependency:build-classpath -Dmdep.outputFile="$ROOT/engine/$BD/bench-classpath.txt" >/dev/null
CP="$ROOT/datasets/$BD/classes:$ROOT/engine/$BD/classes:$(cat "$ROOT/engine/$BD/bench-classpath.txt")"
exec "$JAVA_HOME/bin/java" -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="${THREADS:-1}" --enable-native-access=ALL-UNNAMED \
  -cp "$CP" "$ROOT/bench/lm/LmBench.java" "$@"
