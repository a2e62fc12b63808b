package io.genaudit.spark;

import io.genaudit.engine.ModelContractException;
import io.genaudit.engine.image.ImageFeatureExtractor;
import io.genaudit.metrics.fidelity.FeatureBatch;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * One partition's images to features, on the executor: the task borrows an extractor from its JVM's
 * {@link ExtractorPool} (loading it on first use), decodes each {@link ImageBlock} with {@link ImageDecoding}, runs the
 * extractor on it as one batch and yields a {@link FeatureBatch} with the block's global row ids; the extractor goes
 * back to the pool when the task completes.
 *
 * @param side     which input the features are
 * @param recipe   how to load the extractor
 * @param decoding how to decode the images
 */
public record ImageFeatureExtraction(FeatureBatch.Side side, ExtractorRecipe recipe, ImageDecoding decoding)
        implements FlatMapFunction<Iterator<ImageBlock>, FeatureBatch> {
    @Override
    public Iterator<FeatureBatch> call(Iterator<ImageBlock> blocks) {
        if (!blocks.hasNext()) return java.util.Collections.emptyIterator();
        ImageFeatureExtractor x = ExtractorPool.borrow(recipe);
        TaskContext task = TaskContext.get();
        if (task != null) task.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) ctx -> ExtractorPool.giveBack(recipe, x));
        return new Iterator<>() {
            private boolean returned;

            @Override
            public boolean hasNext() {
                boolean more = blocks.hasNext();
                if (!more && task == null && !returned) {
                    returned = true;
                    ExtractorPool.giveBack(recipe, x);
                }
                return more;
            }

            @Override
            public FeatureBatch next() {
                if (!blocks.hasNext()) throw new NoSuchElementException();
                ImageBlock b = blocks.next();
                double[][] f = x.extract(decoding.decode(b));
                if (f.length != b.images().length) {
                    throw new ModelContractException(x.describe(), b.images().length + " feature rows for " + b.images().length + " images", f.length + " rows");
                }
                return FeatureBatch.rows(side, b.firstRow(), f, decoding.source());
            }
        };
    }
}
