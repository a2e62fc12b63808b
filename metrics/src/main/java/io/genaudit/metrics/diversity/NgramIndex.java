package io.genaudit.metrics.diversity;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every text's n-gram counts (n = 1..maxN) indexed once: n-grams are interned to dense ids per order, each text keeps
 * its distinct ids with counts, and each id keeps its corpus total plus the largest and second-largest count any
 * single text has. The top-two counts let self-BLEU find "the maximum count over all texts but this one" in O(1).
 * N-grams never cross text boundaries.
 */
public final class NgramIndex {
    private final int maxN;
    private final int[] lengths;
    private final int[][][] ids;     // [n-1][text] sorted distinct n-gram ids
    private final int[][][] counts;  // [n-1][text] their counts
    private final long[][] totals;   // [n-1][id] count over all texts
    private final int[][] max1;      // [n-1][id] largest per-text count
    private final int[][] max2;      // [n-1][id] second largest per-text count (equal to max1 when two texts tie)

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
        max1 = new int[maxN][];
        max2 = new int[maxN][];
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
            int[] m1 = new int[size];
            int[] m2 = new int[size];
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
                for (int j = 0; j < distinct; j++) {
                    int g = d[j], cnt = c[j];
                    tot[g] += cnt;
                    if (cnt > m1[g]) {
                        m2[g] = m1[g];
                        m1[g] = cnt;
                    } else if (cnt > m2[g]) {
                        m2[g] = cnt;
                    }
                }
                ids[n - 1][i] = d;
                counts[n - 1][i] = c;
            }
            totals[n - 1] = tot;
            max1[n - 1] = m1;
            max2[n - 1] = m2;
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

    /** The largest count n-gram {@code id} has in any text other than text {@code i} (whose own count is {@code own}). */
    public int maxCountInOthers(int n, int id, int own) {
        int m1 = max1[n - 1][id];
        return own == m1 ? max2[n - 1][id] : m1;
    }
}
