package io.genaudit.spark;

import io.genaudit.audits.execution.EngineRun;
import io.genaudit.audits.execution.ExecutionEngine;
import io.genaudit.audits.plan.ExecutionSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code genaudit audit PLAN --engine spark} (or a plan with {@code execution: {engine: spark}}): the core command line
 * finds this engine with {@link java.util.ServiceLoader} when the genaudit-spark jar is on its class path and hands it
 * the plan; it runs {@link SparkAuditMain} with the effective settings (embedded for {@code local[...]} masters,
 * through spark-submit for cluster masters).
 */
public final class SparkExecutionEngine implements ExecutionEngine {
    @Override
    public String name() {
        return ExecutionSpec.SPARK;
    }

    @Override
    public int run(EngineRun run) {
        return SparkAuditMain.run(arguments(run).toArray(new String[0]));
    }

    /** The {@link SparkAuditMain} arguments of {@code run}. */
    static List<String> arguments(EngineRun run) {
        List<String> args = new ArrayList<>(List.of("audit", run.plan().toString(), "--out", run.out()));
        ExecutionSpec e = run.execution();
        if (e.master() != null) args.addAll(List.of("--master", e.master()));
        if (e.partitions() != null) args.addAll(List.of("--partitions", e.partitions().toString()));
        if (e.treeDepth() != null) args.addAll(List.of("--tree-depth", e.treeDepth().toString()));
        if (run.seed() != null) args.addAll(List.of("--seed", run.seed().toString()));
        if (run.cache() != null) args.addAll(List.of("--cache", run.cache().toString()));
        if (run.store() != null) args.addAll(List.of("--store", run.store().toString()));
        return args;
    }
}
