package io.genaudit.metrics.detect;

import io.genaudit.engine.image.Images;

import java.util.List;

/**
 * An image degradation applied before feature extraction to test whether a generator's fingerprint survives ordinary
 * processing (CNNDetection's robustness protocol): JPEG re-encoding, down-and-up scaling, additive Gaussian noise.
 * Applied identically to real and generated images. Serializable (plain values) so Spark executors get the plan's perturbations.
 */
public sealed interface Perturbation extends java.io.Serializable permits JpegCompression, Downscale, GaussianNoise {
    /** Family name ({@code jpeg}, {@code downscale}, {@code noise}, the names {@link #of} takes); one chart per family. */
    default String kind() {
        return switch (this) {
            case JpegCompression j -> "jpeg";
            case Downscale d -> "downscale";
            case GaussianNoise g -> "noise";
        };
    }

    /** The strength on the chart's x axis (JPEG quality, scale factor, noise sigma). */
    double strength();

    /**
     * The degraded batch. {@code seed} identifies the batch (the caller passes a seed derived from the run seed and the
     * batch index) so random perturbations are reproducible.
     */
    Images apply(Images batch, long seed);

    /**
     * The seed of the {@code batch}-th batch (from 0) of a stream whose perturbations are seeded with {@code seed}: each
     * batch's noise depends only on its position, so batches scored apart (on Spark executors) get the same noise.
     */
    static long batchSeed(long seed, long batch) {
        return seed + batch * 0x9E3779B97F4A7C15L;
    }

    default String describe() {
        return kind() + "=" + strength();
    }

    /** Builds a perturbation from its family and strength: {@code jpeg} quality 1..100, {@code downscale} factor in (0,1) or a
     * target height in pixels (> 1), {@code noise} sigma on the [0,1] scale. */
    static Perturbation of(String kind, double strength) {
        return switch (kind) {
            case "jpeg" -> new JpegCompression((int) Math.round(strength));
            case "downscale" -> new Downscale(strength);
            case "noise" -> new GaussianNoise(strength);
            default -> throw new IllegalArgumentException("unknown perturbation '" + kind + "'; expected one of " + List.of("jpeg", "downscale", "noise"));
        };
    }
}
