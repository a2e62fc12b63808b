#!/usr/bin/env bash
# Image engine benchmark: DCGAN/VAE (tiny, small) training-step time and generation throughput on the shapes
# fixture, shapes-CNN training/accuracy/feature throughput, TorchScript generator throughput.
# Usage: bench/image/run.sh [EPOCHS_FOR_SMALL (default 2)] [OUT_DIR]
# Env: THREADS (PyTorch intra-op threads, default 1), GENAUDIT_BUILD_DIR (default target).
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"
cd "$ROOT"
CP="$(bench_module_classpath engine)"
exec "$JAVA_HOME/bin/java" -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="${THREADS:-1}" -Dai.djl.pytorch.num_interop_threads=1 \
  --enable-native-access=ALL-UNNAMED -cp "$CP" "$ROOT/bench/image/ImageBench.java" "$@"
