package io.genaudit.spark;

import org.apache.spark.SparkContext;

/**
 * Where a distributed run happened, for run.json's {@code execution} block: the engine, the master, the Spark and
 * Java versions, the executors and the partitioning, and whether the run was checked against a single pass.
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
 * @param localCheck         the outcome of {@code --check-local}, or null when not asked
 */
public record ExecutionRecord(String engine, String master, String sparkVersion, String javaVersion, int executors,
                              int defaultParallelism, int partitions, int treeDepth, int batchRows, String localCheck) {

    /** The record of a run on {@code sc}. */
    public static ExecutionRecord of(SparkContext sc, int partitions, int treeDepth, int batchRows) {
        int executors = sc.isLocal() ? 0 : sc.getExecutorIds().size();
        return new ExecutionRecord("spark", sc.master(), sc.version(), System.getProperty("java.runtime.version"),
                executors, sc.defaultParallelism(), partitions, treeDepth, batchRows, null);
    }

    /** The same record with the local check's outcome. */
    public ExecutionRecord withLocalCheck(String outcome) {
        return new ExecutionRecord(engine, master, sparkVersion, javaVersion, executors, defaultParallelism, partitions, treeDepth, batchRows, outcome);
    }
}
