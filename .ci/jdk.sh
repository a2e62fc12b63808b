# Sourced by .ci/run and ./genaudit: exports JAVA_HOME pointing at a JDK >= 21.
jdk_major() { "$1/bin/java" -version 2>&1 | awk -F'"' '/version/ {split($2,a,"."); print a[1]; exit}'; }
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(jdk_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
  :
else
  JAVA_HOME=""
  for d in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    if [ -x "$d/bin/java" ] && [ "$(jdk_major "$d")" -ge 21 ] 2>/dev/null; then JAVA_HOME="$d"; break; fi
  done
  if [ -z "$JAVA_HOME" ]; then echo "genaudit: no JDK >= 21 found under /usr/lib/jvm; set JAVA_HOME" >&2; exit 3; fi
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
