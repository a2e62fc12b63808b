package io.genaudit.metrics.detect;

import io.genaudit.engine.image.ImageFeatureExtractor;
import io.genaudit.engine.image.Images;

import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * Computes {@link SpectralFeatures} for a batch of images, images in parallel (each row depends on its image only, so
 * the result does not depend on the thread schedule). Transform plans are cached per image size.
 */
public final class SpectralFeatureExtractor implements ImageFeatureExtractor {
    private final SpectralFeatures settings;
    private final ConcurrentHashMap<Long, ThreadLocal<Transforms>> transforms = new ConcurrentHashMap<>();

    private record Transforms(AzimuthalSpectrum fft, DctSpectrum dct) {
    }

    public SpectralFeatureExtractor(SpectralFeatures settings) {
        this.settings = settings;
    }

    public SpectralFeatures settings() {
        return settings;
    }

    @Override
    public int dimension() {
        return settings.dimension();
    }

    @Override
    public double[][] extract(Images batch) {
        long key = ((long) batch.height() << 32) | batch.width();
        ThreadLocal<Transforms> tl = transforms.computeIfAbsent(key, k -> ThreadLocal.withInitial(() -> new Transforms(
                settings.radialBins() > 0 ? new AzimuthalSpectrum(settings.radialBins(), batch.height(), batch.width()) : null,
                settings.dctGrid() > 0 ? new DctSpectrum(settings.dctGrid(), batch.height(), batch.width()) : null)));
        double[][] out = new double[batch.n()][];
        IntStream.range(0, batch.n()).parallel().forEach(i -> out[i] = row(batch, i, tl.get()));
        return out;
    }

    private double[] row(Images batch, int i, Transforms t) {
        double[][] gray = Grayscale.of(batch, i);
        double[] row = new double[settings.dimension()];
        int k = 0;
        if (t.fft() != null) {
            double[] s = t.fft().compute(gray);
            System.arraycopy(s, 0, row, k, s.length);
            k += s.length;
        }
        if (t.dct() != null) {
            double[] s = t.dct().compute(gray);
            System.arraycopy(s, 0, row, k, s.length);
            k += s.length;
        }
        if (settings.pixelStats()) {
            double[] s = PixelStatistics.compute(batch, i, gray);
            System.arraycopy(s, 0, row, k, s.length);
        }
        return row;
    }

    @Override
    public String describe() {
        return "spectral features " + settings.spec() + " (Durall azimuthal log-power spectrum, Frank log-DCT block means, pixel statistics)";
    }

    @Override
    public void close() {
        transforms.clear();
    }
}
