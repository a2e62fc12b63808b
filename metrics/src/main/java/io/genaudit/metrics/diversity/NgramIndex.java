package io.genaudit.metrics.diversity;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every text's n-gram counts (n = 1..maxN) indexed once: n-grams are interned to dense ids per order, each text keeps
 * its distinct ids with counts, and each id keeps its corpus total. Corpus totals of a bootstrap resample (texts
 * weighted by how often they were drawn) come from {@link #weightedTotals}. N-grams never cross text boundaries.
 */
public final class NgramIndex {
    private final int maxN;
    private final int[] lengths;
    private final int[][][] ids;     // [n-1][text] sorted distinct n-gram ids
    private final int[][][] counts;  // [n-1][text] their counts
    private final long[][] totals;   // [n-1][id] count over all texts

    public NgramIndex(List<List<String>> texts, int maxN) {
        if (maxN < 1) throw new IllegalArgumentException("maxN must be >= 1");
        this.maxN = maxN;
        int t = texts.size();
        lengths = new int[t];
        int[][] tokens = new int[t][];
        Map<String, Integer> vocab = new HashMap<>();
        for (int i = 0; i < t; i++) {
            List<String> text = texts.get(i);
            lengths[i] = text.size();
            tokens[i] = new int[text.size()];
            for (int p = 0; p < text.size(); p++) tokens[i][p] = vocab.computeIfAbsent(text.get(p), k -> vocab.size());
        }
        ids = new int[maxN][t][];
        counts = new int[maxN][t][];
        totals = new long[maxN][];
        int[][] prev = tokens; // ids of (n-1)-grams by start position
        int vocabSize = vocab.size();
        for (int n = 1; n <= maxN; n++) {
            int[][] cur;
            int size;
            if (n == 1) {
                cur = tokens;
                size = vocabSize;
            } else {
                Map<Long, Integer> intern = new HashMap<>();
                cur = new int[t][];
                for (int i = 0; i < t; i++) {
                    int m = Math.max(0, lengths[i] - n + 1);
                    cur[i] = new int[m];
                    for (int p = 0; p < m; p++) {
                        long key = ((long) prev[i][p] << 32) | tokens[i][p + n - 1];
                        Integer id = intern.get(key);
                        if (id == null) {
                            id = intern.size();
                            intern.put(key, id);
                        }
                        cur[i][p] = id;
                    }
                }
                size = intern.size();
            }
            long[] tot = new long[size];
            for (int i = 0; i < t; i++) {
                int[] sorted = cur[i].clone();
                Arrays.sort(sorted);
                int distinct = 0;
                for (int p = 0; p < sorted.length; p++) if (p == 0 || sorted[p] != sorted[p - 1]) distinct++;
                int[] d = new int[distinct];
                int[] c = new int[distinct];
                int k = -1;
                for (int p = 0; p < sorted.length; p++) {
                    if (p == 0 || sorted[p] != sorted[p - 1]) d[++k] = sorted[p];
                    c[k]++;
                }
                for (int j = 0; j < distinct; j++) tot[d[j]] += c[j];
                ids[n - 1][i] = d;
                counts[n - 1][i] = c;
            }
            totals[n - 1] = tot;
            prev = cur;
        }
    }

    public int maxN() {
        return maxN;
    }

    public int texts() {
        return lengths.length;
    }

    /** Token count of text {@code i}. */
    public int length(int i) {
        return lengths[i];
    }

    /** Corpus count of every distinct n-gram of order {@code n}, indexed by n-gram id. */
    public long[] totals(int n) {
        return totals[n - 1];
    }

    /** Distinct n-gram ids of order {@code n} in text {@code i}, sorted. */
    public int[] ids(int n, int i) {
        return ids[n - 1][i];
    }

    /** Counts matching {@link #ids(int, int)}. */
    public int[] counts(int n, int i) {
        return counts[n - 1][i];
    }

    /** Number of distinct n-grams of order {@code n} over all texts (ids run 0..size-1). */
    public int size(int n) {
        return totals[n - 1].length;
    }

    /**
     * Corpus count of every n-gram of order {@code n} when text {@code i} is taken {@code weights[i]} times (a bootstrap
     * resample's multiplicities; 0 leaves a text out), indexed by n-gram id.
     */
    public long[] weightedTotals(int n, int[] weights) {
        if (weights.length != texts()) throw new IllegalArgumentException(weights.length + " weights for " + texts() + " texts");
        long[] out = new long[size(n)];
        for (int i = 0; i < weights.length; i++) {
            int w = weights[i];
            if (w == 0) continue;
            int[] d = ids[n - 1][i], c = counts[n - 1][i];
            for (int j = 0; j < d.length; j++) out[d[j]] += (long) w * c[j];
        }
        return out;
    }
}
