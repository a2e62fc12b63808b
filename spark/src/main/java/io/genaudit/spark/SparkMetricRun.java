package io.genaudit.spark;

import io.genaudit.metrics.contract.Metric;
import io.genaudit.metrics.contract.MetricResult;
import io.genaudit.metrics.contract.MetricRun;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.Function2;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;

/**
 * Runs any {@link Metric} over a distributed collection of input batches: each partition folds its batches into one
 * state ({@code newState} + {@code update}, in the partition's order), the states are combined with
 * {@code treeReduce(merge)} so the driver receives a handful of states instead of one per partition, and the driver
 * calls {@code compute}. By the contract's merge law the result equals {@link MetricRun#once} over the same batches up
 * to rounding; the metric and its parameters travel as {@link MetricHandle} and {@link ParamsCarrier}.
 */
public final class SparkMetricRun {
    /** The tree depth used unless a caller asks otherwise: partitions → √partitions → driver. */
    public static final int DEFAULT_DEPTH = 2;

    private SparkMetricRun() {
    }

    /** The result over every batch of {@code batches}, merged with a depth-{@value #DEFAULT_DEPTH} tree. */
    public static <P extends Record, I, S extends Serializable, R extends Record & MetricResult> R once(
            Metric<P, I, S, R> metric, P params, JavaRDD<I> batches) {
        return once(metric, params, batches, DEFAULT_DEPTH);
    }

    /** The result over every batch of {@code batches}, merged with a tree of {@code depth} levels (at least 2). */
    public static <P extends Record, I, S extends Serializable, R extends Record & MetricResult> R once(
            Metric<P, I, S, R> metric, P params, JavaRDD<I> batches, int depth) {
        return metric.compute(accumulate(metric, params, batches, depth), params);
    }

    /** The merged state of every partition of {@code batches}. */
    public static <P extends Record, I, S extends Serializable, R extends Record & MetricResult> S accumulate(
            Metric<P, I, S, R> metric, P params, JavaRDD<I> batches, int depth) {
        if (depth < 2) throw new IllegalArgumentException("treeReduce depth must be at least 2, got " + depth);
        requireSerializable(metric, metric.newState(params));
        MetricHandle handle = MetricHandle.of(metric);
        JavaRDD<S> states = batches.mapPartitions(new PartitionFold<>(handle, ParamsCarrier.of(params)));
        return states.treeReduce(new StateMerge<>(handle), depth);
    }

    /** Fails early, with the metric's name, when an (empty) state cannot be serialized for the shuffle to the driver. */
    private static void requireSerializable(Metric<?, ?, ?, ?> metric, Serializable state) {
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(state);
        } catch (IOException e) {
            throw new IllegalArgumentException("metric " + metric.info().name() + ": its state " + state.getClass().getName()
                    + " cannot be serialized (" + e + "), so partitions cannot send it to the driver", e);
        }
    }

    /** One partition's batches folded into one state. */
    private record PartitionFold<I, S extends Serializable>(MetricHandle metric, ParamsCarrier params) implements FlatMapFunction<Iterator<I>, S> {
        @Override
        @SuppressWarnings("unchecked")
        public Iterator<S> call(Iterator<I> batches) {
            Metric<Record, I, S, ?> m = (Metric<Record, I, S, ?>) metric.metric();
            Record p = params.params();
            S state = m.newState(p);
            while (batches.hasNext()) state = m.update(state, batches.next());
            return List.of(state).iterator();
        }
    }

    /** Two states merged by the metric. */
    private record StateMerge<S extends Serializable>(MetricHandle metric) implements Function2<S, S, S> {
        @Override
        @SuppressWarnings("unchecked")
        public S call(S a, S b) {
            return ((Metric<?, ?, S, ?>) metric.metric()).merge(a, b);
        }
    }
}
