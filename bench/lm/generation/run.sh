#!/usr/bin/env bash
# Generation benchmark: tokens/s with vs without the key/value cache for the built-in small Transformer and the
# GPT-2-architecture ONNX fixture, and PyTorch on the same weights. Usage: bench/lm/generation/run.sh [newTokens=256] [repeats=3]
# Env: GENAUDIT_BUILD_DIR (default target), SKIP_TORCH=1 to leave out the PyTorch reference.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
source "$ROOT/.ci/jdk.sh"
BD="${GENAUDIT_BUILD_DIR:-target}"
N="${1:-256}"; R="${2:-3}"
cd "$ROOT"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load before: $(uptime | sed 's/.*load average: //')"
TORCH_JSON=-
if [ "${SKIP_TORCH:-0}" != 1 ]; then
  TORCH_JSON="$(mktemp -t torch-generation.XXXXXX.json)"
  /usr/bin/python3 bench/lm/generation/torch_generation.py "$TORCH_JSON" "$N" "$R"
fi
./mvnw -B -q -o -Dgenaudit.buildDir="$BD" -pl fixtures,engine -am compile
./mvnw -B -q -o -Dgenaudit.buildDir="$BD" -pl engine -am compile dependency:build-classpath -Dmdep.outputFile="$ROOT/engine/$BD/bench-classpath.txt" >/dev/null
CP="$ROOT/datasets/$BD/classes:$ROOT/engine/$BD/classes:$(cat "$ROOT/engine/$BD/bench-classpath.txt")"
"$JAVA_HOME/bin/java" -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 --enable-native-access=ALL-UNNAMED \
  -cp "$CP" "$ROOT/bench/lm/generation/GenerationBench.java" "$TORCH_JSON" "$N" "$R"
echo "load after: $(uptime | sed 's/.*load average: //')"
