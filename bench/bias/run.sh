#!/usr/bin/env bash
# Bias benches (bench/bias/README.md): planted-truth Transformers over several seeds and skewed/balanced DCGANs.
# Usage: bench/bias/run.sh [lm|gan|all] [extra args passed to the bench]
#   lm  -> PlantedTransformerBench [size=tiny] [seeds=5] [epochs=8] [margin=0.1]
#   gan -> SkewedShapesBench [size=tiny] [epochs=10] [samples=1000] [seeds=3]
#   all -> both with their defaults (default)
# Runs under flock /tmp/genaudit-bench.lock and prints uptime before and after. Env: GENAUDIT_BUILD_DIR (default target).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$ROOT/.ci/jdk.sh"
BD="${GENAUDIT_BUILD_DIR:-target}"
WHICH="${1:-all}"
[ $# -gt 0 ] && shift
cd "$ROOT"
./mvnw -B -q -o -Dgenaudit.buildDir="$BD" -pl metrics -am compile dependency:build-classpath \
  -Dmdep.outputFile="$ROOT/metrics/$BD/bench-classpath.txt" >/dev/null
CP="$ROOT/metrics/$BD/classes:$(cat "$ROOT/metrics/$BD/bench-classpath.txt")"
JAVA=("$JAVA_HOME/bin/java" -Xmx4g -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1
      --enable-native-access=ALL-UNNAMED -cp "$CP")
run() {
  uptime
  flock /tmp/genaudit-bench.lock "${JAVA[@]}" "$@"
  uptime
}
case "$WHICH" in
  lm) run "$ROOT/bench/bias/PlantedTransformerBench.java" "$@" ;;
  gan) run "$ROOT/bench/bias/SkewedShapesBench.java" "$@" ;;
  all)
    run "$ROOT/bench/bias/PlantedTransformerBench.java" tiny 5 8 0.1
    run "$ROOT/bench/bias/SkewedShapesBench.java" tiny 10 1000 3 ;;
  *) echo "usage: bench/bias/run.sh [lm|gan|all] [args]" >&2; exit 2 ;;
esac
