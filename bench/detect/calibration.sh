#!/usr/bin/env bash
# Coverage of the cross-validated detectability AUC interval over many independent real-vs-real (and weak-signal)
# splits; see CalibrationBench.java. usage: bench/detect/calibration.sh [splits=200] [perClass=300] [classifiers=logistic,svm] [noise=0.012]
# env: GENAUDIT_BUILD_DIR (default target). Runs under flock /tmp/genaudit-bench.lock and prints uptime beside the numbers.
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"
CP="$(bench_app_classpath)"
bench_locked "$JAVA_HOME/bin/java" -Xmx3g -cp "$CP" "$ROOT/bench/detect/CalibrationBench.java" "$@"
