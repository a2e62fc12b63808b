package io.genaudit.spark;

import io.genaudit.audits.metric.InputFeed;
import org.apache.spark.api.java.JavaRDD;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A plan audit's input on Spark: the distributed batches plus what the result must say about them. {@link #feed}
 * streams every batch through the driver, partition by partition, which is what {@code --check-local} uses to
 * compute the single-pass result for comparison (it reads the input a second time).
 *
 * @param <I> the batch type
 */
public record SparkFeed<I>(JavaRDD<I> batches, String subject, String datasetLabel, Map<String, Object> settings,
                           List<String> notes) implements InputFeed<I> {
    @Override
    public void feed(Consumer<? super I> sink) {
        SparkFailures.userErrorsUnwrapped(() -> {
            Iterator<I> it = batches.toLocalIterator();
            while (it.hasNext()) sink.accept(it.next());
            return null;
        });
    }
}
