package io.genaudit.engine.image;

import java.util.SplittableRandom;

/**
 * Latent vectors drawn in Java from a seed (not from the engine's global generator), so {@code generate(n, seed)} is
 * reproducible across runs, threads and engines. Normal draws use Box-Muller.
 */
public final class Latents {
    private Latents() {
    }

    /** The latent distributions genaudit supports for generators. */
    public enum Distribution {
        NORMAL, UNIFORM;

        public static Distribution parse(String s) {
            return switch (s.toLowerCase(java.util.Locale.ROOT)) {
                case "normal", "gaussian" -> NORMAL;
                case "uniform" -> UNIFORM;
                default -> throw new IllegalArgumentException("latent distribution must be normal or uniform, got '" + s + "'");
            };
        }
    }

    public static double gaussian(SplittableRandom rnd) {
        double u1 = 1.0 - rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** {@code n x dim} values, row-major: N(0,1) or U(-1,1). */
    public static float[] sample(int n, int dim, long seed, Distribution d) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] z = new float[n * dim];
        for (int i = 0; i < z.length; i++) {
            z[i] = d == Distribution.NORMAL ? (float) gaussian(rnd) : (float) (rnd.nextDouble() * 2 - 1);
        }
        return z;
    }

    /** Labels for a conditional generator when the caller gives none: uniform over classes, from the same seed. */
    public static int[] labels(int n, int classes, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int[] l = new int[n];
        for (int i = 0; i < n; i++) l[i] = rnd.nextInt(classes);
        return l;
    }

    /** A seed for (run seed, a, b) with good bit mixing (SplitMix64 finaliser). */
    public static long mix(long seed, long a, long b) {
        long z = seed * 0x9E3779B97F4A7C15L + a * 0xBF58476D1CE4E5B9L + b * 0x94D049BB133111EBL + 0x2545F4914F6CDD1DL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A permutation of 0..n-1 from the seed (Fisher-Yates). */
    public static int[] permutation(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
