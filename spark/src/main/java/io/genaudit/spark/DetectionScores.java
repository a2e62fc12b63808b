package io.genaudit.spark;

import io.genaudit.engine.Progress;
import io.genaudit.engine.image.InMemoryImageSource;
import io.genaudit.metrics.detect.ImageDetector;
import io.genaudit.metrics.detect.Perturbation;
import org.apache.spark.api.java.function.FlatMapFunction;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * On an executor: a fixed detector's scores of a partition's image blocks, clean and after each perturbation, by a
 * detector borrowed from the JVM's pool for the partition. Each block is scored as a one-batch source with the seed
 * {@link Perturbation#batchSeed}{@code (seed, k)} of its batch {@code k = firstRow / batch}, which is exactly what
 * {@code ImageDetector.score} gives the k-th batch on one machine (same batches, same noise, same network calls).
 *
 * @param images        how to decode the side's images
 * @param detector      the shipped detector
 * @param perturbations the plan's perturbations, in plan order
 * @param seed          the side's perturbation seed ({@code DetectionEvidence.fixedDetectorSeed})
 * @param batch         images per batch
 */
public record DetectionScores(DetectionImages images, DetectorRecipe detector, List<Perturbation> perturbations, long seed, int batch)
        implements FlatMapFunction<Iterator<ImageBlock>, BlockValues> {
    @Override
    public Iterator<BlockValues> call(Iterator<ImageBlock> blocks) {
        List<BlockValues> out = new ArrayList<>();
        if (!blocks.hasNext()) return out.iterator();
        ImageDetector det = DetectorRecipe.POOL.borrow(detector);
        try {
            while (blocks.hasNext()) {
                ImageBlock b = blocks.next();
                InMemoryImageSource src = new InMemoryImageSource(images.decode(b), images.source());
                long k = b.firstRow() / batch;
                double[][][] values = new double[perturbations.size() + 1][][];
                values[0] = column(det.score(src, null, seed, batch, Progress.NONE));
                for (int v = 0; v < perturbations.size(); v++) {
                    values[v + 1] = column(det.score(src, perturbations.get(v), Perturbation.batchSeed(seed, k), batch, Progress.NONE));
                }
                out.add(new BlockValues(b.firstRow(), values));
            }
        } finally {
            DetectorRecipe.POOL.giveBack(detector, det);
        }
        return out.iterator();
    }

    private static double[][] column(double[] scores) {
        double[][] c = new double[scores.length][];
        for (int i = 0; i < scores.length; i++) c[i] = new double[]{scores[i]};
        return c;
    }
}
