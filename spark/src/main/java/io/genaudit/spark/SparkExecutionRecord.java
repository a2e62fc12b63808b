package io.genaudit.spark;

import io.genaudit.reports.ExecutionRecord;
import org.apache.spark.SparkContext;

/** Builds run.json's {@code execution} block ({@link ExecutionRecord}) from the Spark context a plan ran on. */
public final class SparkExecutionRecord {
    private SparkExecutionRecord() {
    }

    /** The record of a run on {@code sc}, before the merge labels and the local check are added. */
    public static ExecutionRecord of(SparkContext sc, int partitions, int treeDepth, int batchRows) {
        int executors = sc.isLocal() ? 0 : sc.getExecutorIds().size();
        return new ExecutionRecord("spark", sc.master(), sc.version(), System.getProperty("java.runtime.version"),
                executors, sc.defaultParallelism(), partitions, treeDepth, batchRows, null, null);
    }
}
