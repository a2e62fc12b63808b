#!/usr/bin/env bash
# GPU throughput: builds with the cuda profile (PyTorch 2.7.1 cu128 natives through DJL; see docs/gpu.md) into its own
# build folder and runs GpuBench (built-in small Transformer scoring, cached generation and training on cpu vs cuda:0).
# Usage: bench/gpu/run.sh [repeats=3]. Env: GENAUDIT_BUILD_DIR (default target-cuda); PYTORCH_LIBRARY_PATH to use a
# local libtorch 2.7.1+cu128 instead of DJL's download (the first run then needs no network).
# Exit 2 (and nothing recorded) when no GPU is usable.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$ROOT/.ci/jdk.sh"
BD="${GENAUDIT_BUILD_DIR:-target-cuda}"
cd "$ROOT"
command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader || echo "nvidia-smi: not found"
echo "load: $(uptime | sed 's/.*load average: //')"
./mvnw -B -q -Pcuda -Dgenaudit.buildDir="$BD" -pl engine -am compile dependency:build-classpath -Dmdep.outputFile="$ROOT/engine/$BD/bench-classpath.txt" >/dev/null
CP="$ROOT/datasets/$BD/classes:$ROOT/engine/$BD/classes:$(cat "$ROOT/engine/$BD/bench-classpath.txt")"
exec "$JAVA_HOME/bin/java" -Dai.djl.offline="${DJL_OFFLINE:-false}" -DPYTORCH_FLAVOR=cu128 -DPYTORCH_VERSION=2.7.1 \
  -Dai.djl.pytorch.num_threads=1 --enable-native-access=ALL-UNNAMED -cp "$CP" "$ROOT/bench/gpu/GpuBench.java" "$@"
