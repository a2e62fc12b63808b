#!/usr/bin/env bash
# Coverage of the cross-validated detectability AUC interval over many independent real-vs-real (and weak-signal)
# splits; see CalibrationBench.java. usage: bench/detect/calibration.sh [splits=200] [perClass=300] [classifiers=logistic,svm] [noise=0.012]
# env: GENAUDIT_BUILD_DIR (default target). Runs under flock /tmp/genaudit-bench.lock and prints uptime beside the numbers.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BD="${GENAUDIT_BUILD_DIR:-target}"
source "$ROOT/.ci/jdk.sh"
(cd "$ROOT" && ./mvnw -B -q -o -Dmaven.test.skip=true -Dgenaudit.buildDir="$BD" package)  # always: a stale jar would bench old code
CP="$ROOT/audits/$BD/genaudit-audits-0.1.0.jar:$(ls "$ROOT/audits/$BD/lib/"*.jar | tr '\n' ':')"
uptime
flock /tmp/genaudit-bench.lock "$JAVA_HOME/bin/java" -Xmx3g -cp "$CP" "$ROOT/bench/detect/CalibrationBench.java" "$@"
uptime
