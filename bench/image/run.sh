#!/usr/bin/env bash
# Image engine benchmark: DCGAN/VAE (tiny, small) training-step time and generation throughput on the shapes
# fixture, shapes-CNN training/accuracy/feature throughput, TorchScript generator throughput.
# Usage: bench/image/run.sh [EPOCHS_FOR_SMALL (default 2)] [OUT_DIR]
# Env: THREADS (PyTorch intra-op threads, default 1), GENAUDIT_BUILD_DIR (default target).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$ROOT/.ci/jdk.sh"
BD="${GENAUDIT_BUILD_DIR:-target}"
cd "$ROOT"
./mvnw -B -q -o -Dgenaudit.buildDir="$BD" -pl fixtures,engine -am compile
./mvnw -B -q -o -Dgenaudit.buildDir="$BD" -pl engine -am compile dependency:build-classpath -Dmdep.outputFile="$ROOT/engine/$BD/bench-classpath.txt" >/dev/null
CP="$ROOT/datasets/$BD/classes:$ROOT/engine/$BD/classes:$(cat "$ROOT/engine/$BD/bench-classpath.txt")"
exec "$JAVA_HOME/bin/java" -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="${THREADS:-1}" -Dai.djl.pytorch.num_interop_threads=1 \
  --enable-native-access=ALL-UNNAMED -cp "$CP" "$ROOT/bench/image/ImageBench.java" "$@"
