package io.genaudit.spark;

import io.genaudit.audits.run.RunOptions;

import java.nio.file.Path;

/**
 * How a plan runs on Spark.
 *
 * @param partitions range partitions per input table
 * @param batchRows  rows per input batch
 * @param treeDepth  treeReduce depth of the state merge (at least 2)
 * @param checkLocal also compute each result in one pass through the driver and compare (reads the input twice)
 * @param cacheDir   the driver's model and fixture cache (models a plan trains, e.g. {@code shapes-features})
 */
public record SparkSettings(int partitions, int batchRows, int treeDepth, boolean checkLocal, Path cacheDir) {
    /** Settings with the default cache ({@link RunOptions#defaultCacheDir()}). */
    public SparkSettings(int partitions, int batchRows, int treeDepth, boolean checkLocal) {
        this(partitions, batchRows, treeDepth, checkLocal, RunOptions.defaultCacheDir());
    }

    public SparkSettings {
        if (partitions < 1) throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        if (batchRows < 1) throw new IllegalArgumentException("batch rows must be at least 1, got " + batchRows);
        if (treeDepth < 2) throw new IllegalArgumentException("tree depth must be at least 2, got " + treeDepth);
    }
}
