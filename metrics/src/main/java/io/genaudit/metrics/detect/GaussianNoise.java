package io.genaudit.metrics.detect;

import io.genaudit.engine.image.Images;

import java.util.SplittableRandom;

/**
 * Adds i.i.d. Gaussian noise and clips to [0,1]; seeded per batch.
 *
 * @param strength the noise's standard deviation σ on the [0,1] scale
 */
public record GaussianNoise(double strength) implements Perturbation {
    public GaussianNoise {
        if (!(strength > 0)) throw new IllegalArgumentException("noise sigma must be > 0, got " + strength);
    }

    @Override
    public Images apply(Images batch, long seed) {
        float[] d = batch.data();
        float[] out = new float[d.length];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < d.length; i++) {
            double v = d[i] + strength * gaussian(r);
            out[i] = (float) Math.min(1, Math.max(0, v));
        }
        return new Images(batch.n(), batch.channels(), batch.height(), batch.width(), out);
    }

    /** Standard normal by Box-Muller (SplittableRandom has no nextGaussian on every JDK we target). */
    private static double gaussian(SplittableRandom r) {
        double u1 = 1.0 - r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
