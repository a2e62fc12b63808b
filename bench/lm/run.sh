#!/usr/bin/env bash
# LM benchmark: trains tiny and small built-in Transformers on markov-train, reports training time, held-out
# perplexity vs the analytic bound, scoring and generation throughput. Usage: bench/lm/run.sh [tiny|small ...]
# Env: THREADS (PyTorch intra-op threads, default 1), GENAUDIT_BUILD_DIR (default target).
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"
cd "$ROOT"
CP="$(bench_module_classpath engine)"
exec "$JAVA_HOME/bin/java" -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="${THREADS:-1}" --enable-native-access=ALL-UNNAMED \
  -cp "$CP" "$ROOT/bench/lm/LmBench.java" "$@"
