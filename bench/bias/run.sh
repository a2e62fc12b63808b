#!/usr/bin/env bash
# Bias benches (bench/bias/README.md): planted-truth Transformers over several seeds and skewed/balanced DCGANs.
# Usage: bench/bias/run.sh [lm|gan|all] [extra args passed to the bench]
#   lm  -> PlantedTransformerBench [size=tiny] [seeds=5] [epochs=8] [margin=0.1]
#   gan -> SkewedShapesBench [size=tiny] [epochs=10] [samples=1000] [seeds=3]
#   all -> both with their defaults (default)
# Runs under flock /tmp/genaudit-bench.lock and prints uptime before and after. Env: GENAUDIT_BUILD_DIR (default target).
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"
WHICH="${1:-all}"
[ $# -gt 0 ] && shift
cd "$ROOT"
CP="$(bench_module_classpath metrics)"
JAVA=("$JAVA_HOME/bin/java" -Xmx4g -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1
      --enable-native-access=ALL-UNNAMED -cp "$CP")
run() {
  bench_locked "${JAVA[@]}" "$@"
}
case "$WHICH" in
  lm) run "$ROOT/bench/bias/PlantedTransformerBench.java" "$@" ;;
  gan) run "$ROOT/bench/bias/SkewedShapesBench.java" "$@" ;;
  all)
    run "$ROOT/bench/bias/PlantedTransformerBench.java" tiny 5 8 0.1
    run "$ROOT/bench/bias/SkewedShapesBench.java" tiny 10 1000 3 ;;
  *) echo "usage: bench/bias/run.sh [lm|gan|all] [args]" >&2; exit 2 ;;
esac
