package io.genaudit.metrics.fidelity;

import io.genaudit.engine.InputException;

/**
 * The features of one image set as the fidelity metrics consume them: always the Gaussian statistics (mean and
 * covariance, enough for FID), and the per-sample feature rows when they were kept (needed by KID, precision/recall,
 * density/coverage and the bootstrap). A set loaded from a pytorch-fid {@code .npz} has statistics only. Build one
 * with the checked factories below; metrics read the rows through {@link #features(String)}, which names what is missing.
 *
 * @param source      the file or folder it came from
 * @param description how the features were obtained (extractor, file, statistics only)
 * @param count       number of samples, or -1 when unknown (statistics-only sets)
 * @param mean        the features' mean [D]
 * @param covariance  their covariance [D, D]
 * @param features    the feature rows [N, D], or null when only statistics are held
 */
public record FeatureSet(String source, String description, long count, double[] mean, double[][] covariance, double[][] features) {
    /** A set with its feature rows; statistics are computed from them. */
    public static FeatureSet ofFeatures(String source, String description, double[][] rows) {
        if (rows.length < 2) throw new InputException(source, "at least 2 feature rows needed, found " + rows.length);
        GaussianStatistics s = GaussianStatistics.of(rows);
        return new FeatureSet(source, description, rows.length, s.mean(), s.covariance(), rows);
    }

    /** A set from streamed statistics, with its rows when they were kept (else null). */
    public static FeatureSet ofStatistics(String source, String description, GaussianStatistics stats, double[][] rows) {
        if (stats.count() < 2) throw new InputException(source, "at least 2 samples needed, found " + stats.count());
        return new FeatureSet(source, description, stats.count(), stats.mean(), stats.covariance(), rows);
    }

    /** A set known only by precomputed statistics; {@code count} is -1 when unknown (pytorch-fid npz files do not store it). */
    public static FeatureSet ofMoments(String source, String description, double[] mean, double[][] covariance, long count) {
        return new FeatureSet(source, description, count, mean, covariance, null);
    }

    public int dim() {
        return mean.length;
    }

    public boolean hasFeatures() {
        return features != null;
    }

    /** The feature rows, or an InputException naming the source when only statistics are available. */
    public double[][] features(String metric) {
        if (features == null) throw statisticsOnly(source, metric);
        return features;
    }

    /** The error for {@code metric} given only precomputed statistics of {@code source} where it needs the rows. */
    public static InputException statisticsOnly(String source, String metric) {
        return new InputException(source, metric + " needs per-sample features, but this input holds only precomputed "
                + "statistics (mu, sigma), which suffice for FID alone; pass the image folder or a .npy feature matrix [N, D]");
    }
}
