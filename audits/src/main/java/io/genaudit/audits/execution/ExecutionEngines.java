package io.genaudit.audits.execution;

import io.genaudit.engine.InputException;

import java.util.ServiceLoader;

/**
 * Finds the {@link ExecutionEngine} a plan asks for on the class path; when it is not there (the core command line
 * without the genaudit-spark jar), the plan error says how to run the plan instead: the spark-submit line.
 */
public final class ExecutionEngines {
    /** The main class of the genaudit-spark jar, for the spark-submit line. */
    public static final String SPARK_MAIN = "io.genaudit.spark.SparkAuditMain";

    private ExecutionEngines() {
    }

    /**
     * The engine named {@code name}, else a user error (exit 2) naming {@code where} (the plan's
     * {@code execution.engine} field or {@code --engine}) and the spark-submit line that runs the plan.
     */
    public static ExecutionEngine require(String name, String where, String planFile, String master, ClassLoader loader) {
        for (ExecutionEngine e : ServiceLoader.load(ExecutionEngine.class, loader)) {
            if (e.name().equals(name)) return e;
        }
        throw new InputException(where, "engine '" + name + "' needs the genaudit-spark module, which is not on this class path; run: "
                + "spark-submit --master " + (master != null ? master : "URL") + " --class " + SPARK_MAIN
                + " genaudit-spark-0.1.0-shaded.jar audit " + planFile + " --out DIR (build the jar with "
                + "./mvnw -B -pl spark -am -DskipTests package; see docs/spark.md)");
    }
}
