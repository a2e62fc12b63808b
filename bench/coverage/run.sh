#!/usr/bin/env bash
# Coverage of every genaudit interval method on simulated data with a known target; see CoverageBench.java and
# docs/statistics.md. usage: bench/coverage/run.sh [scale=1.0] [comma-separated case-name filters]
# env: GENAUDIT_BUILD_DIR (default target). Runs under flock /tmp/genaudit-bench.lock and prints uptime beside the numbers.
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"
CP="$(bench_app_classpath)"
date -u; uname -m; grep -m1 'model name' /proc/cpuinfo || true; nproc
bench_locked "$JAVA_HOME/bin/java" -Xmx2g -cp "$CP" "$ROOT/bench/coverage/CoverageBench.java" "$@"
