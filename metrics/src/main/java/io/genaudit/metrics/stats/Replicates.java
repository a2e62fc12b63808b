package io.genaudit.metrics.stats;

import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * A seeded plan of {@code count} replicates (bootstrap resamples, half-samples, permutations, subset draws) shared by
 * the resampling methods: replicate b draws from its own generator, seeded with the b-th long of a root generator
 * seeded with {@code seed}, so runs in parallel give the same numbers whatever the thread schedule.
 *
 * @param count how many replicates
 * @param seed  the root seed
 */
public record Replicates(int count, long seed) {

    /** A plan of at least {@code minimum} replicates; fewer is refused with "at least {minimum} {what}, got {count}". */
    public static Replicates atLeast(int minimum, String what, int count, long seed) {
        if (count < minimum) throw new IllegalArgumentException("at least " + minimum + " " + what + ", got " + count);
        return new Replicates(count, seed);
    }

    /** The seed of each replicate's generator, in replicate order. */
    public long[] seeds() {
        long[] seeds = new long[count];
        SplittableRandom root = new SplittableRandom(seed);
        for (int b = 0; b < count; b++) seeds[b] = root.nextLong();
        return seeds;
    }

    /** A statistic of each replicate, computed in parallel, in replicate order. */
    public double[] mapToDouble(ToDoubleFunction<SplittableRandom> replicate) {
        long[] seeds = seeds();
        return IntStream.range(0, count).parallel().mapToDouble(b -> replicate.applyAsDouble(new SplittableRandom(seeds[b]))).toArray();
    }

    /** Several statistics of each replicate, computed in parallel: element b holds replicate b's. */
    public double[][] mapToVectors(Function<SplittableRandom, double[]> replicate) {
        long[] seeds = seeds();
        return IntStream.range(0, count).parallel().mapToObj(b -> replicate.apply(new SplittableRandom(seeds[b]))).toArray(double[][]::new);
    }

    /** How many replicates satisfy the predicate (computed in parallel). */
    public long countWhere(Predicate<SplittableRandom> replicate) {
        long[] seeds = seeds();
        return IntStream.range(0, count).parallel().filter(b -> replicate.test(new SplittableRandom(seeds[b]))).count();
    }

    /** {@code n} indices drawn uniformly from {@code 0..n-1} with replacement (one bootstrap resample). */
    public static int[] withReplacement(int n, SplittableRandom r) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = r.nextInt(n);
        return idx;
    }

    /** Shuffles {@code a} in place (Fisher–Yates from the last element down) and returns it. */
    public static int[] shuffle(int[] a, SplittableRandom r) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    /** The indices {@code 0..n-1}. */
    public static int[] identity(int n) {
        return IntStream.range(0, n).toArray();
    }
}
