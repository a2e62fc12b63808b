package io.genaudit.spark;

import io.genaudit.metrics.contract.MetricInfo;

/**
 * How a metric's partition states combine on Spark, as run.json's {@code execution.merges} and each audit's
 * {@code merge} setting say it, from {@link MetricInfo#mergeability()}: a fixed-size summary state (moments, sums)
 * merged by treeReduce, or a state that keeps every item by its global row id, gathered on the driver in row-id order.
 * Both are exact (equal to one JVM up to floating-point rounding); a metric whose merge were approximate would be
 * labelled {@code approximate: ...}.
 */
public final class MergeExactness {
    private MergeExactness() {
    }

    /** The label of {@code info}'s merge. */
    public static String label(MetricInfo info) {
        return switch (info.mergeability()) {
            case SUMMARY -> "exact: summary states merged by treeReduce";
            case ITEMS -> "exact: items collected on driver in global row-id order";
        };
    }
}
