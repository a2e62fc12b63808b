#!/usr/bin/env bash
# PRDC distance kernels: register-blocked fixed-order (metrics code) vs the previous fixed-order axpy kernel vs the
# older OpenBLAS dgemm path, on the N x N cross pass, then the whole PRDC. Usage: bench/prdc/run.sh [N=5000] [D=2048] [REPS=1]
# Compiles the metrics module (offline) into $GENAUDIT_BUILD_DIR (default target); runs under the bench lock.
source "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/common.sh"
N="${1:-5000}"; D="${2:-2048}"; REPS="${3:-1}"
CP="$(bench_module_classpath metrics)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1), $(date -u +%FT%TZ)"
bench_locked "$JAVA_HOME/bin/java" -Xmx${BENCH_XMX:-3g} --enable-native-access=ALL-UNNAMED -cp "$CP" \
  "$ROOT/bench/prdc/PrdcKernelBench.java" "$N" "$D" "$REPS"
