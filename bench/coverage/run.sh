#!/usr/bin/env bash
# Coverage of every genaudit interval method on simulated data with a known target; see CoverageBench.java and
# docs/statistics.md. usage: bench/coverage/run.sh [scale=1.0] [comma-separated case-name filters]
# env: GENAUDIT_BUILD_DIR (default target). Runs under flock /tmp/genaudit-bench.lock and prints uptime beside the numbers.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BD="${GENAUDIT_BUILD_DIR:-target}"
source "$ROOT/.ci/jdk.sh"
(cd "$ROOT" && ./mvnw -B -q -o -Dmaven.test.skip=true -Dgenaudit.buildDir="$BD" package)  # always: a stale jar would bench old code
CP="$ROOT/audits/$BD/genaudit-audits-0.1.0.jar:$(ls "$ROOT/audits/$BD/lib/"*.jar | tr '\n' ':')"
date -u; uname -m; grep -m1 'model name' /proc/cpuinfo || true; nproc; uptime
flock /tmp/genaudit-bench.lock "$JAVA_HOME/bin/java" -Xmx2g -cp "$CP" "$ROOT/bench/coverage/CoverageBench.java" "$@"
uptime
