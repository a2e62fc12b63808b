package io.genaudit.metrics.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which hand-crafted detectability features to compute: the azimuthally averaged log power spectrum (Durall et al.
 * 2020) with {@code radialBins} bins, the log-DCT spectrum (Frank et al. 2020) as {@code dctGrid x dctGrid} block means,
 * and simple pixel statistics. A part is off when its size is 0 (or {@code pixelStats} false). Saved with fixed
 * detectors so scoring always uses the features the detector was trained on.
 */
public record SpectralFeatures(int radialBins, int dctGrid, boolean pixelStats) implements java.io.Serializable {
    public SpectralFeatures {
        if (radialBins < 0 || radialBins == 1) throw new IllegalArgumentException("radialBins must be 0 (off) or >= 2, got " + radialBins);
        if (dctGrid < 0) throw new IllegalArgumentException("dctGrid must be >= 0, got " + dctGrid);
        if (radialBins == 0 && dctGrid == 0 && !pixelStats) throw new IllegalArgumentException("at least one feature part must be on");
    }

    /** 32 radial bins, an 8x8 DCT grid and pixel statistics (104 values). */
    public static SpectralFeatures defaults() {
        return new SpectralFeatures(32, 8, true);
    }

    /**
     * Parses a comma-separated list of parts: {@code fft[:BINS]}, {@code dct[:GRID]}, {@code pixel}; e.g.
     * {@code "fft:32,dct:8,pixel"} or {@code "fft"}. Omitted sizes take the defaults (32, 8).
     */
    public static SpectralFeatures parse(String spec) {
        int bins = 0, grid = 0;
        boolean pixel = false;
        for (String part : spec.split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) continue;
            String[] kv = p.split(":", 2);
            Integer size = null;
            if (kv.length == 2) {
                try {
                    size = Integer.parseInt(kv[1].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("feature part '" + part + "': size after ':' must be an integer");
                }
            }
            switch (kv[0].trim()) {
                case "fft", "spectrum" -> bins = size == null ? 32 : size;
                case "dct" -> grid = size == null ? 8 : size;
                case "pixel", "pixels" -> pixel = true;
                default -> throw new IllegalArgumentException("unknown feature part '" + part + "'; expected fft[:BINS], dct[:GRID] or pixel");
            }
        }
        return new SpectralFeatures(bins, grid, pixel);
    }

    /** Total feature dimension. */
    public int dimension() {
        return radialBins + dctGrid * dctGrid + (pixelStats ? PixelStatistics.DIMENSION : 0);
    }

    /** One name per feature column, e.g. {@code fft_r00}, {@code dct_3_5}, {@code mean_r}. */
    public List<String> names() {
        List<String> n = new ArrayList<>(dimension());
        for (int i = 0; i < radialBins; i++) n.add(String.format(Locale.ROOT, "fft_r%02d", i));
        for (int u = 0; u < dctGrid; u++) for (int v = 0; v < dctGrid; v++) n.add("dct_" + u + "_" + v);
        if (pixelStats) n.addAll(List.of("mean_r", "mean_g", "mean_b", "std_r", "std_g", "std_b", "gradient_energy", "saturation_share"));
        return n;
    }

    /** The canonical spec string ({@link #parse} reads it back). */
    public String spec() {
        List<String> parts = new ArrayList<>();
        if (radialBins > 0) parts.add("fft:" + radialBins);
        if (dctGrid > 0) parts.add("dct:" + dctGrid);
        if (pixelStats) parts.add("pixel");
        return String.join(",", parts);
    }

    /** Column range [from, to) of the azimuthal spectrum within a feature row. */
    public int[] spectrumColumns() {
        return new int[]{0, radialBins};
    }

    /** Column range [from, to) of the DCT block means within a feature row. */
    public int[] dctColumns() {
        return new int[]{radialBins, radialBins + dctGrid * dctGrid};
    }

    public SpectralFeatureExtractor extractor() {
        return new SpectralFeatureExtractor(this);
    }
}
