package io.genaudit.reports;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where a distributed run happened, run.json's {@code execution} block and the report's provenance: the engine, the
 * master, the Spark and Java versions, the executors and the partitioning, how each audit's state was merged (exactly
 * or not) and whether the run was checked against a single pass. Absent (null) for runs in one JVM.
 *
 * @param engine             {@code spark}
 * @param master             the master URL ({@code local[2]}, {@code spark://host:7077}, {@code yarn} ...)
 * @param sparkVersion       the Spark version the driver runs
 * @param javaVersion        the driver's Java runtime version
 * @param executors          executors registered when the audits had run, the driver excluded (0 in local mode, where
 *                           the driver's threads do the work)
 * @param defaultParallelism Spark's default parallelism (task slots: local threads or executor cores)
 * @param partitions         range partitions per input table
 * @param treeDepth          the treeReduce depth of the state merge
 * @param batchRows          rows per input batch
 * @param merges             per audit id, how its partition states were combined: {@code exact: ...} or
 *                           {@code approximate: ...} with the reason
 * @param localCheck         the outcome of {@code --check-local}, or null when not asked
 */
public record ExecutionRecord(String engine, String master, String sparkVersion, String javaVersion, int executors,
                              int defaultParallelism, int partitions, int treeDepth, int batchRows,
                              Map<String, String> merges, String localCheck) {
    public ExecutionRecord {
        merges = merges == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(merges));
    }

    /** The same record with the merge labels of the audits. */
    public ExecutionRecord withMerges(Map<String, String> byAudit) {
        return new ExecutionRecord(engine, master, sparkVersion, javaVersion, executors, defaultParallelism, partitions, treeDepth,
                batchRows, byAudit, localCheck);
    }

    /** The same record with the local check's outcome. */
    public ExecutionRecord withLocalCheck(String outcome) {
        return new ExecutionRecord(engine, master, sparkVersion, javaVersion, executors, defaultParallelism, partitions, treeDepth,
                batchRows, merges, outcome);
    }

    /** Whether every audit's merge is exact (up to floating-point rounding). */
    public boolean allExact() {
        return merges.values().stream().allMatch(m -> m.startsWith("exact"));
    }
}
