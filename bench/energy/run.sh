#!/usr/bin/env bash
# Runs the energy-measurement overhead benchmark (bench/energy/EnergyOverhead.java).
# Usage: bench/energy/run.sh [repetitions=15] [work-units=10]
# Needs the metrics module compiled into $GENAUDIT_BUILD_DIR (default: target), e.g.
#   ./mvnw -B -q -o -Dgenaudit.buildDir=target -pl metrics -am compile
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD="${GENAUDIT_BUILD_DIR:-target}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
CP_FILE="$(mktemp)"
trap 'rm -f "$CP_FILE"' EXIT
./mvnw -B -q -o -Dgenaudit.buildDir="$BUILD" -pl metrics -am compile dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >/dev/null
CP="metrics/$BUILD/classes:engine/$BUILD/classes:datasets/$BUILD/classes:$(cat "$CP_FILE")"
exec "$JAVA" -cp "$CP" bench/energy/EnergyOverhead.java "$@"
