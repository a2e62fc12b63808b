#!/usr/bin/env bash
# Shared preamble of the bench scripts, sourced by bench/*/run.sh: strict mode, ROOT (the repository), BD (the build
# folder: GENAUDIT_BUILD_DIR, default target), a JDK >= 21 (.ci/jdk.sh) and the class-path and locking helpers below.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BD="${GENAUDIT_BUILD_DIR:-target}"
source "$ROOT/.ci/jdk.sh"

# bench_module_classpath MODULE [maven options...]: compiles MODULE and the modules it needs into $BD (offline) and
# prints MODULE's classes folder followed by its dependencies (the other modules' classes folders among them).
bench_module_classpath() {
  local module="$1"
  shift
  local cpfile="$ROOT/$module/$BD/bench-classpath.txt"
  (cd "$ROOT" && ./mvnw -B -q -o -Dgenaudit.buildDir="$BD" "$@" -pl "$module" -am compile dependency:build-classpath \
    -Dmdep.outputFile="$cpfile" >/dev/null)
  echo "$ROOT/$module/$BD/classes:$(cat "$cpfile")"
}

# bench_app_classpath: packages the application into $BD (always: a stale jar would bench old code) and prints the
# audits jar followed by its libraries.
bench_app_classpath() {
  (cd "$ROOT" && ./mvnw -B -q -o -Dmaven.test.skip=true -Dgenaudit.buildDir="$BD" package >&2)
  echo "$ROOT/audits/$BD/genaudit-audits-0.1.0.jar:$(ls "$ROOT/audits/$BD/lib/"*.jar | tr '\n' ':')"
}

# bench_locked COMMAND...: runs COMMAND under flock /tmp/genaudit-bench.lock (one bench at a time on a shared
# machine), with the load (uptime) printed before and after.
bench_locked() {
  uptime
  flock /tmp/genaudit-bench.lock "$@"
  uptime
}
