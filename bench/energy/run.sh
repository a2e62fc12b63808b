#!/usr/bin/env bash
# Runs the energy-measurement overhead benchmark (bench/energy/EnergyOverhead.java).
# Usage: bench/energy/run.sh [repetitions=15] [work-units=10]
# Needs the metrics module compiled into $GENAUDIT_BUILD_DIR (default: target), e.g.
#   ./mvnw -B -q -o -Dgenaudit.buildDir=target -pl metrics -am compile
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"
cd "$ROOT"
CP="$(bench_module_classpath metrics)"
exec "$JAVA_HOME/bin/java" -cp "$CP" "$ROOT/bench/energy/EnergyOverhead.java" "$@"
