package io.genaudit.spark;

import io.genaudit.engine.ModelContractException;
import io.genaudit.engine.image.ImageFeatureExtractor;
import io.genaudit.engine.image.ImageGenerator;
import io.genaudit.engine.image.Images;
import io.genaudit.metrics.fidelity.FeatureBatch;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;

import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One partition's generated batches, on the executor: the task borrows a generator ({@link GeneratorPool}) and an
 * extractor ({@link ExtractorPool}), makes each batch index k it is given exactly as a single JVM samples batch k of
 * the audited generator ({@code generate(count, ImageGenerator.batchSeed(seed, k), null)}, images
 * {@code k*batch ..}), runs the extractor on it as one batch and yields the {@code FAKE} {@link FeatureBatch} at the
 * batch's row ids, one batch at a time; both models go back to their pools when the partition is done.
 *
 * @param generator the generator's recipe
 * @param extractor the extractor's recipe
 * @param seed      the audit's sampling seed
 * @param batch     images per batch
 * @param samples   images in all
 * @param source    the generator's model id (what the batches are labelled with, as on a single JVM)
 */
public record GeneratedFeatures(ExtractorRecipe generator, ExtractorRecipe extractor, long seed, int batch, long samples, String source)
        implements FlatMapFunction<Iterator<Long>, FeatureBatch> {
    @Override
    public Iterator<FeatureBatch> call(Iterator<Long> batches) {
        if (!batches.hasNext()) return Collections.emptyIterator();
        ImageGenerator g = GeneratorPool.borrow(generator);
        ImageFeatureExtractor x = ExtractorPool.borrow(extractor);
        AtomicBoolean returned = new AtomicBoolean();
        Runnable giveBack = () -> {
            if (returned.compareAndSet(false, true)) {
                GeneratorPool.release(generator, g);
                ExtractorPool.giveBack(extractor, x);
            }
        };
        TaskContext task = TaskContext.get();
        if (task != null) task.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) ctx -> giveBack.run());
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                boolean more = batches.hasNext();
                if (!more) giveBack.run();
                return more;
            }

            @Override
            public FeatureBatch next() {
                if (!batches.hasNext()) throw new NoSuchElementException();
                long k = batches.next();
                long from = k * batch;
                int count = (int) Math.min(batch, samples - from);
                Images images = g.generate(count, ImageGenerator.batchSeed(seed, k), null);
                double[][] f = x.extract(images);
                if (f.length != count) {
                    throw new ModelContractException(x.describe(), count + " feature rows for " + count + " images", f.length + " rows");
                }
                return FeatureBatch.rows(FeatureBatch.Side.FAKE, from, f, source);
            }
        };
    }
}
