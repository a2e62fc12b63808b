#!/usr/bin/env bash
# PDF rendering cost (bench/pdf/PdfRenderBench.java). Usage: bench/pdf/run.sh REPORT_HTML [repetitions=3] [run-seconds]
# e.g. after `./genaudit demo --out /tmp/demo`: bench/pdf/run.sh /tmp/demo/report.html 3 "$(jq .provenance.wallSeconds /tmp/demo/run.json)"
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"
cd "$ROOT"
CP="$(bench_module_classpath reports)"
exec "$JAVA_HOME/bin/java" -cp "$CP" "$ROOT/bench/pdf/PdfRenderBench.java" "$@"
