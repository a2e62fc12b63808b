package io.genaudit.spark;

import io.genaudit.engine.image.Images;
import io.genaudit.metrics.detect.FeatureRows;
import io.genaudit.metrics.detect.Perturbation;
import io.genaudit.metrics.detect.SpectralFeatureExtractor;
import io.genaudit.metrics.detect.SpectralFeatures;
import org.apache.spark.api.java.function.FlatMapFunction;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * On an executor: the spectral feature rows of a partition's image blocks, clean and after each perturbation, with
 * the single machine's {@link FeatureRows} (finite-pixel check, perturbation, extraction). A block is the batch
 * {@code k = firstRow / batch} of the stream, so its perturbation seed is {@link Perturbation#batchSeed}{@code (seed, k)},
 * the seed the k-th batch gets on one machine: the noise does not depend on partitioning.
 *
 * @param images        how to decode the side's images
 * @param features      the spectral features
 * @param perturbations the plan's perturbations, in plan order
 * @param seed          the side's perturbation seed ({@code DetectabilityStudy.featureSeed})
 * @param batch         images per batch
 */
public record DetectionFeatureRows(DetectionImages images, SpectralFeatures features, List<Perturbation> perturbations, long seed, int batch)
        implements FlatMapFunction<Iterator<ImageBlock>, BlockValues> {
    @Override
    public Iterator<BlockValues> call(Iterator<ImageBlock> blocks) {
        List<BlockValues> out = new ArrayList<>();
        try (SpectralFeatureExtractor extractor = features.extractor()) {
            while (blocks.hasNext()) {
                ImageBlock b = blocks.next();
                Images x = images.decode(b);
                double[][][] values = new double[perturbations.size() + 1][][];
                values[0] = rows(extractor, null, 0, x);
                long k = b.firstRow() / batch;
                for (int v = 0; v < perturbations.size(); v++) values[v + 1] = rows(extractor, perturbations.get(v), Perturbation.batchSeed(seed, k), x);
                out.add(new BlockValues(b.firstRow(), values));
            }
        }
        return out.iterator();
    }

    /** The rows of one batch, its perturbation seeded with {@code batchSeed} (the rows' first and only batch). */
    private double[][] rows(SpectralFeatureExtractor extractor, Perturbation p, long batchSeed, Images x) {
        FeatureRows rows = new FeatureRows(images.source(), extractor, p, batchSeed);
        rows.update(x);
        return rows.compute();
    }
}
