#!/usr/bin/env bash
# PDF rendering cost (bench/pdf/PdfRenderBench.java). Usage: bench/pdf/run.sh REPORT_HTML [repetitions=3] [run-seconds]
# e.g. after `./genaudit demo --out /tmp/demo`: bench/pdf/run.sh /tmp/demo/report.html 3 "$(jq .provenance.wallSeconds /tmp/demo/run.json)"
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD="${GENAUDIT_BUILD_DIR:-target}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
CP_FILE="$(mktemp)"
trap 'rm -f "$CP_FILE"' EXIT
./mvnw -B -q -o -Dgenaudit.buildDir="$BUILD" -pl reports compile dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >/dev/null
exec "$JAVA" -cp "reports/$BUILD/classes:$(cat "$CP_FILE")" bench/pdf/PdfRenderBench.java "$@"
