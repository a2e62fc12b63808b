# Sourced by the bench/spark scripts (ROOT set): sets GA (the compiled genaudit modules' class folders, which reach
# standalone executors on this machine through spark.executor.extraClassPath), CP (GA, the spark module's test classes
# and its test class path, Spark included) and OPENS (the JVM options Spark needs on JDK 17+, from spark/pom.xml).
BD="${GENAUDIT_BUILD_DIR:-target}"
CPFILE="$ROOT/spark/$BD/bench-classpath.txt"
if [ ! -f "$CPFILE" ] || ! grep -q spark-sql "$CPFILE"; then
  (cd "$ROOT" && ./mvnw -B -q -o -Dgenaudit.buildDir="$BD" -pl spark -am compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CPFILE" >/dev/null)
fi
GA="$ROOT/spark/$BD/classes"
for m in audits reports metrics engine values datasets; do GA="$GA:$ROOT/$m/$BD/classes"; done
CP="$GA:$ROOT/spark/$BD/test-classes:$(cat "$CPFILE")"
OPENS=$(sed -n 's:.*<spark.jvm.options>\(.*\)</spark.jvm.options>.*:\1:p' "$ROOT/spark/pom.xml")
