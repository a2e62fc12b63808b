package io.genaudit.metrics.fidelity;

import io.genaudit.metrics.numerics.CovarianceCheck;
import io.genaudit.engine.InputException;
import io.genaudit.engine.Progress;
import io.genaudit.engine.image.ImageFeatureExtractor;
import io.genaudit.engine.image.ImageFolderSource;
import io.genaudit.engine.image.ImageSource;
import io.genaudit.engine.image.Images;
import io.genaudit.engine.io.NpyArray;
import io.genaudit.engine.io.NpyDtype;
import io.genaudit.engine.io.NpyReader;
import io.genaudit.engine.io.NpzReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Builds {@link FeatureSet}s from the three kinds of input the fidelity commands accept: an image folder or any
 * {@link ImageSource} run through an {@link ImageFeatureExtractor} (streamed batch by batch into
 * {@link GaussianStatistics}, rows kept only when asked), a {@code .npy} feature matrix [N, D] (float32/float64), or
 * a pytorch-fid statistics {@code .npz} ({@code mu}, {@code sigma}). Bad input raises an InputException naming the file.
 */
public final class FeatureSetLoader {
    private FeatureSetLoader() {
    }

    /** Loads {@code path}: folder, {@code .npy} or {@code .npz}; the extractor is only created for folders. */
    public static FeatureSet load(Path path, Supplier<ImageFeatureExtractor> extractor, int batchSize, boolean keepFeatures,
                                  Progress.Factory progress) {
        return load(path, extractor, batchSize, keepFeatures, progress, 0);
    }

    /** As {@link #load(Path, Supplier, int, boolean, Progress.Factory)}, resizing folder images to size x size (bicubic) when size > 0. */
    public static FeatureSet load(Path path, Supplier<ImageFeatureExtractor> extractor, int batchSize, boolean keepFeatures,
                                  Progress.Factory progress, int size) {
        if (Files.isDirectory(path)) {
            try (ImageFeatureExtractor ex = extractor.get()) {
                return fromImages(path.toString(), folder(path, size), ex, batchSize, keepFeatures, progress);
            }
        }
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.exists(path)) throw new InputException(path, "no such file or folder (expected an image folder, a .npy feature matrix or a .npz statistics file)");
        if (name.endsWith(".npy")) return fromNpy(path);
        if (name.endsWith(".npz")) return fromStatsNpz(path);
        throw new InputException(path, "unsupported input: expected an image folder, a .npy feature matrix [N, D] or a .npz with mu and sigma");
    }

    /** Features [N, D] from a float32/float64 {@code .npy}. */
    public static FeatureSet fromNpy(Path file) {
        NpyArray a = NpyReader.read(file);
        requireFeatureMatrix(file, a.shape(), a.dtype());
        double[][] rows = a.toMatrix();
        for (int i = 0; i < rows.length; i++) requireFinite(file.toString(), i, rows[i]);
        return FeatureSet.ofFeatures(file.toString(), "features " + file.getFileName() + " " + Arrays.toString(a.shape()) + " " + a.dtype(), rows);
    }

    /**
     * Checks that a {@code .npy} of {@code shape} and {@code dtype} is a feature matrix: [N, D], float32 or float64, at
     * least 2 rows (genaudit-spark checks the header on the driver, then reads row ranges on executors).
     */
    public static void requireFeatureMatrix(Path file, long[] shape, NpyDtype dtype) {
        if (shape.length != 2) {
            throw new InputException(file, "expected a feature matrix [N, D], found shape " + Arrays.toString(shape));
        }
        if (dtype != NpyDtype.FLOAT32 && dtype != NpyDtype.FLOAT64) {
            throw new InputException(file, "expected float32 or float64 features, found " + dtype);
        }
        if (shape[0] < 2) throw new InputException(file, "at least 2 feature rows needed, found " + shape[0]);
    }

    /** Checks that feature row {@code row} of {@code source} holds no NaN or infinity. */
    public static void requireFinite(String source, long row, double[] features) {
        for (double v : features) {
            if (!Double.isFinite(v)) throw new InputException(source, "row " + row + " contains NaN or infinity");
        }
    }

    /** Statistics from a pytorch-fid style {@code .npz} with {@code mu} [D] and {@code sigma} [D, D]. */
    public static FeatureSet fromStatsNpz(Path file) {
        Map<String, NpyArray> all = NpzReader.read(file);
        NpyArray mu = all.get("mu");
        NpyArray sigma = all.get("sigma");
        if (mu == null || sigma == null) {
            throw new InputException(file, "a statistics .npz needs arrays 'mu' and 'sigma' (pytorch-fid format), found " + all.keySet());
        }
        if (mu.rank() != 1) throw new InputException(file, "'mu' must be a vector [D], found shape " + Arrays.toString(mu.shape()));
        long d = mu.dim(0);
        if (sigma.rank() != 2 || sigma.dim(0) != d || sigma.dim(1) != d) {
            throw new InputException(file, "'sigma' must be [" + d + ", " + d + "] to match mu, found shape " + Arrays.toString(sigma.shape()));
        }
        double[] m = mu.toVector();
        double[][] s = sigma.toMatrix();
        for (double v : m) if (!Double.isFinite(v)) throw new InputException(file, "'mu' contains NaN or infinity");
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s.length; j++) {
                if (!Double.isFinite(s[i][j])) throw new InputException(file, "'sigma' contains NaN or infinity");
                double tol = 1e-6 * (Math.abs(s[i][j]) + Math.abs(s[j][i])) + 1e-12;
                if (Math.abs(s[i][j] - s[j][i]) > tol) {
                    throw new InputException(file, "'sigma' is not symmetric (sigma[" + i + "," + j + "]=" + s[i][j] + ", sigma[" + j + "," + i + "]=" + s[j][i] + ")");
                }
            }
        }
        CovarianceCheck.requirePositiveSemiDefinite(s, file.toString(), "sigma");
        long count = -1;
        NpyArray n = all.get("n");
        if (n != null && n.size() == 1) count = (long) n.getDouble(0);
        return FeatureSet.ofMoments(file.toString(), "precomputed statistics " + file.getFileName() + " (mu, sigma; D=" + d + ")", m, s, count);
    }

    /** The images of folder {@code path}, resized to size x size (bicubic) when size > 0. */
    static ImageSource folder(Path path, int size) {
        return size > 0
                ? ImageFolderSource.resized(path, 3, size, size, io.genaudit.engine.image.Resize.Filter.BICUBIC, io.genaudit.engine.image.Resize.Precision.FLOAT)
                : ImageFolderSource.open(path);
    }

    /** Streams {@code images} through {@code extractor}; keeps the rows when {@code keepFeatures}. */
    public static FeatureSet fromImages(String source, ImageSource images, ImageFeatureExtractor extractor, int batchSize,
                                        boolean keepFeatures, Progress.Factory progress) {
        GaussianStatistics stats = new GaussianStatistics(extractor.dimension());
        List<double[]> kept = keepFeatures ? new ArrayList<>(images.size()) : null;
        extract(source, images, extractor, batchSize, progress, (firstRow, f) -> {
            stats.update(f);
            if (kept != null) kept.addAll(Arrays.asList(f));
        });
        double[][] rows = kept == null ? null : kept.toArray(new double[0][]);
        return FeatureSet.ofStatistics(source, images.describe() + " through " + extractor.describe(), stats, rows);
    }

    /** Receives the feature rows of one extractor batch and the global index of its first row. */
    @FunctionalInterface
    public interface RowsSink {
        void accept(long firstRow, double[][] rows);
    }

    /**
     * Runs {@code images} through {@code extractor} batch by batch and hands each batch's rows to {@code sink}, checking
     * the extractor's contract (one row per image, its declared dimension); nothing is kept here. Returns the rows sent.
     */
    public static long extract(String source, ImageSource images, ImageFeatureExtractor extractor, int batchSize,
                               Progress.Factory progress, RowsSink sink) {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        int d = extractor.dimension();
        long sent = 0;
        try (Progress p = progress.start("features " + source, images.size(), "img")) {
            Iterator<Images> it = images.batches(batchSize);
            while (it.hasNext()) {
                Images b = it.next();
                double[][] f = extractor.extract(b);
                if (f.length != b.n()) {
                    throw new io.genaudit.engine.ModelContractException(extractor.describe(), b.n() + " feature rows for " + b.n() + " images", f.length + " rows");
                }
                for (double[] row : f) {
                    if (row.length != d) throw new io.genaudit.engine.ModelContractException(extractor.describe(), "feature dimension " + d, String.valueOf(row.length));
                }
                sink.accept(sent, f);
                sent += f.length;
                p.step(b.n());
            }
        }
        return sent;
    }
}
