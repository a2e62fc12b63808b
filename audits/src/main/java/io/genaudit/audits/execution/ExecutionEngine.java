package io.genaudit.audits.execution;

/**
 * A place other than this JVM where {@code genaudit audit} can run a plan (Apache Spark), found with
 * {@link java.util.ServiceLoader} so the core command line never depends on it: the genaudit-spark module implements
 * it and lists it in {@code META-INF/services/io.genaudit.audits.execution.ExecutionEngine}.
 */
public interface ExecutionEngine {
    /** The engine's name as plans and {@code --engine} spell it ({@code spark}). */
    String name();

    /**
     * Runs the plan and writes its outputs.
     *
     * @return genaudit's exit code: 0 every gate passed, 1 a gate failed, 2 bad input, 3 internal error
     */
    int run(EngineRun run) throws Exception;
}
