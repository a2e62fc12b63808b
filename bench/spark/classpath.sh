# Sourced by the bench/spark scripts (ROOT set): sets CP (the compiled genaudit modules and the spark module's test
# class path, Spark included) and OPENS (the JVM options Spark needs on JDK 17+, from spark/pom.xml).
BD="${GENAUDIT_BUILD_DIR:-target}"
CPFILE="$ROOT/spark/$BD/bench-classpath.txt"
if [ ! -f "$CPFILE" ] || ! grep -q spark-sql "$CPFILE"; then
  (cd "$ROOT" && ./mvnw -B -q -o -Dgenaudit.buildDir="$BD" -pl spark -am compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CPFILE" >/dev/null)
fi
CP="$ROOT/spark/$BD/classes"
for m in audits reports metrics engine values datasets; do CP="$CP:$ROOT/$m/$BD/classes"; done
CP="$CP:$(cat "$CPFILE")"
OPENS=$(sed -n 's:.*<spark.jvm.options>\(.*\)</spark.jvm.options>.*:\1:p' "$ROOT/spark/pom.xml")
