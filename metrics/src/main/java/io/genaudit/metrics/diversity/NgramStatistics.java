package io.genaudit.metrics.diversity;

/**
 * Corpus n-gram diversity from an {@link NgramIndex}: distinct-n (Li et al. 2016) = distinct n-grams / total n-grams
 * over the whole set, and the Shannon entropy (nats) of the empirical n-gram distribution (Zhang et al. 2018's Ent-n).
 */
public final class NgramStatistics {
    private NgramStatistics() {
    }

    /** Distinct n-grams over total n-grams; NaN when the texts have no n-gram of order n. */
    public static double distinct(NgramIndex index, int n) {
        return distinct(index.totals(n));
    }

    /** Distinct-n from corpus counts per n-gram id (ids with count 0 are absent): nonzero ids over the count sum. */
    public static double distinct(long[] totals) {
        long sum = 0;
        int present = 0;
        for (long c : totals) {
            sum += c;
            if (c > 0) present++;
        }
        return sum == 0 ? Double.NaN : (double) present / sum;
    }

    /** Total number of n-grams of order n (the denominator of distinct-n). */
    public static long total(NgramIndex index, int n) {
        long sum = 0;
        for (long c : index.totals(n)) sum += c;
        return sum;
    }

    /** -Σ p log p over the n-gram frequencies, in nats; NaN when there is no n-gram. */
    public static double entropyNats(NgramIndex index, int n) {
        return entropyNats(index.totals(n));
    }

    /** Entropy in nats of corpus counts per n-gram id (zero counts contribute nothing). */
    public static double entropyNats(long[] totals) {
        long sum = 0;
        for (long c : totals) sum += c;
        if (sum == 0) return Double.NaN;
        double h = 0;
        for (long c : totals) {
            if (c == 0) continue;
            double p = (double) c / sum;
            h -= p * Math.log(p);
        }
        return h;
    }
}
