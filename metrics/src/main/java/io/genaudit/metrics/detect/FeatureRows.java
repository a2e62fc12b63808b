package io.genaudit.metrics.detect;

import io.genaudit.engine.ModelContractException;
import io.genaudit.engine.Progress;
import io.genaudit.engine.image.ImageFeatureExtractor;
import io.genaudit.engine.image.ImageSource;
import io.genaudit.engine.image.Images;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Feature rows of a stream of images, collected batch by batch (optionally after a {@link Perturbation}); shards merge
 * in order. Only the small feature vectors are kept, never the images.
 */
public final class FeatureRows {
    private final ImageFeatureExtractor extractor;
    private final Perturbation perturbation;
    private final long seed;
    private final String source;
    private final List<double[]> rows = new ArrayList<>();
    private long batches;

    /**
     * @param source       names the images in error messages
     * @param perturbation applied to each batch before extraction, or null; {@code seed} seeds its randomness
     */
    public FeatureRows(String source, ImageFeatureExtractor extractor, Perturbation perturbation, long seed) {
        this.source = source;
        this.extractor = extractor;
        this.perturbation = perturbation;
        this.seed = seed;
    }

    /** Adds the features of one batch; a NaN or infinite pixel (a diverged generator) is a contract violation. */
    public void update(Images batch) {
        float[] d = batch.data();
        for (int i = 0; i < d.length; i++) {
            if (!Float.isFinite(d[i])) {
                throw new ModelContractException(source, "finite pixel values in [0,1]",
                        d[i] + " in image " + (rows.size() + i / batch.imageSize()) + " (a diverged model?)");
            }
        }
        Images b = perturbation == null ? batch : perturbation.apply(batch, Perturbation.batchSeed(seed, batches));
        batches++;
        double[][] f = extractor.extract(b);
        for (double[] r : f) rows.add(r);
    }

    /** Appends another shard's rows (shard order = image order). */
    public void merge(FeatureRows other) {
        rows.addAll(other.rows);
        batches += other.batches;
    }

    public int size() {
        return rows.size();
    }

    public double[][] compute() {
        return rows.toArray(new double[0][]);
    }

    /** Streams {@code source} in batches of {@code batchSize} and returns its feature matrix [n][dimension]. */
    public static double[][] of(ImageSource source, ImageFeatureExtractor extractor, Perturbation perturbation, long seed,
                                int batchSize, Progress progress) {
        FeatureRows rows = new FeatureRows(source.describe(), extractor, perturbation, seed);
        Iterator<Images> it = source.batches(batchSize);
        while (it.hasNext()) {
            Images b = it.next();
            rows.update(b);
            progress.step(b.n());
        }
        return rows.compute();
    }
}
