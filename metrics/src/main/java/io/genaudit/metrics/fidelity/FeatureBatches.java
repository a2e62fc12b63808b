package io.genaudit.metrics.fidelity;

import io.genaudit.engine.InputException;
import io.genaudit.engine.Progress;
import io.genaudit.engine.image.ImageFeatureExtractor;
import io.genaudit.engine.image.ImageSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Turns features into {@link FeatureBatch}es for the fidelity metrics: images streamed through an extractor one batch
 * at a time (nothing kept here: the metric's state decides whether rows are kept, so FID without a bootstrap holds only
 * moments however many images there are), or a loaded {@link FeatureSet} cut into row chunks with their global row
 * ids (one statistics-only batch when it has no rows); and logits rows into {@link ClassLogitsBatch}es.
 */
public final class FeatureBatches {
    /** Rows per batch. */
    public static final int ROWS = 512;

    private FeatureBatches() {
    }

    /** Sends {@code set} as batches of {@code side} to {@code sink}. */
    public static void send(FeatureBatch.Side side, FeatureSet set, Consumer<? super FeatureBatch> sink) {
        if (!set.hasFeatures()) {
            sink.accept(FeatureBatch.moments(side, set.mean(), set.covariance(), set.count(), set.source()));
            return;
        }
        double[][] rows = set.features("features");
        for (int from = 0; from < rows.length; from += ROWS) {
            int to = Math.min(rows.length, from + ROWS);
            sink.accept(FeatureBatch.rows(side, from, Arrays.copyOfRange(rows, from, to), set.source()));
        }
    }

    /**
     * What one side's streaming sent.
     *
     * @param description how the features were obtained (as {@link FeatureSet#description()} words it)
     * @param count       samples sent, or -1 for statistics without a count
     */
    public record Sent(String description, long count) {
    }

    /** Streams {@code images} through {@code extractor} to {@code sink} as row batches of {@code side}, batch by batch. */
    public static Sent sendImages(FeatureBatch.Side side, String source, ImageSource images, ImageFeatureExtractor extractor,
                                  int batchSize, Progress.Factory progress, Consumer<? super FeatureBatch> sink) {
        long n = FeatureSetLoader.extract(source, images, extractor, batchSize, progress,
                (firstRow, rows) -> sink.accept(FeatureBatch.rows(side, firstRow, rows, source)));
        if (n < 2) throw new InputException(source, "at least 2 samples needed, found " + n);
        return new Sent(images.describe() + " through " + extractor.describe(), n);
    }

    /**
     * Sends {@code path} as batches of {@code side}: an image folder streamed through the extractor (created only
     * then; images resized to size x size when size > 0), a {@code .npy} matrix or a {@code .npz} statistics file loaded
     * and sent whole.
     */
    public static Sent sendPath(FeatureBatch.Side side, Path path, Supplier<ImageFeatureExtractor> extractor, int batchSize,
                                Progress.Factory progress, int size, Consumer<? super FeatureBatch> sink) {
        if (Files.isDirectory(path)) {
            try (ImageFeatureExtractor ex = extractor.get()) {
                return sendImages(side, path.toString(), FeatureSetLoader.folder(path, size), ex, batchSize, progress, sink);
            }
        }
        FeatureSet set = FeatureSetLoader.load(path, extractor, batchSize, true, progress, size);
        send(side, set, sink);
        return new Sent(set.description(), set.count());
    }

    /** A consumer that passes the row batches it is given to {@code sink} as logits of {@code metric}; statistics-only batches are refused. */
    public static Consumer<FeatureBatch> asLogits(String metric, Consumer<? super ClassLogitsBatch> sink) {
        return b -> {
            if (b.rows() == null) throw FeatureSet.statisticsOnly(b.source(), metric);
            sink.accept(new ClassLogitsBatch(b.firstRow(), b.rows(), b.source()));
        };
    }

    /** Sends the rows of {@code set}, a classifier's outputs, as logit batches to {@code sink}; statistics-only sets are refused. */
    public static void sendLogits(FeatureSet set, String metric, Consumer<? super ClassLogitsBatch> sink) {
        double[][] rows = set.features(metric);
        for (int from = 0; from < rows.length; from += ROWS) {
            int to = Math.min(rows.length, from + ROWS);
            sink.accept(new ClassLogitsBatch(from, Arrays.copyOfRange(rows, from, to), set.source()));
        }
    }
}
