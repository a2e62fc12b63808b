package io.genaudit.spark;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Consecutive local files (or rows of one file) of an input in the order the single machine reads them: the driver
 * enumerates the input and cuts it into groups, each task reads the groups of its partition. Local masters only: the
 * executors open the driver's paths.
 *
 * @param first the global index (row id, document position) of the group's first item
 * @param count the number of items
 * @param paths the group's files, or empty for a row range of one file
 */
public record FileGroup(long first, int count, List<String> paths) implements Serializable {
    /** {@code files} cut into groups of {@code per} files, numbered from 0. */
    public static List<FileGroup> ofFiles(List<String> files, int per) {
        List<FileGroup> out = new ArrayList<>();
        for (int from = 0; from < files.size(); from += per) {
            List<String> g = List.copyOf(files.subList(from, Math.min(files.size(), from + per)));
            out.add(new FileGroup(from, g.size(), g));
        }
        return out;
    }

    /** The rows 0..{@code rows}-1 of one file cut into ranges of {@code per} rows. */
    public static List<FileGroup> ofRows(long rows, int per) {
        List<FileGroup> out = new ArrayList<>();
        for (long from = 0; from < rows; from += per) out.add(new FileGroup(from, (int) Math.min(per, rows - from), List.of()));
        return out;
    }

    /** {@code groups} in at most {@code partitions} partitions of consecutive groups, in order. */
    public static JavaRDD<FileGroup> rdd(SparkSession spark, List<FileGroup> groups, int partitions) {
        return JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(groups, Math.max(1, Math.min(partitions, groups.size())));
    }
}
