package io.genaudit.metrics.diversity;

/**
 * For a set of indexed texts, the largest and second-largest count every n-gram has in any single text of the set.
 * They answer self-BLEU's "maximum count of this n-gram over all texts of the set but this one" in O(1): it is the
 * second-largest when the text holds the largest (two texts tying for the largest make both equal), else the largest.
 */
final class TopTwoCounts {
    private final int[][] max1; // [n-1][id] largest per-text count in the set
    private final int[][] max2; // [n-1][id] second largest (equal to max1 when two texts tie)

    /** Top-two counts of orders 1..maxN over {@code texts} (distinct text indices of {@code index}). */
    TopTwoCounts(NgramIndex index, int[] texts, int maxN) {
        max1 = new int[maxN][];
        max2 = new int[maxN][];
        for (int n = 1; n <= maxN; n++) {
            int[] m1 = new int[index.size(n)], m2 = new int[index.size(n)];
            for (int i : texts) {
                int[] d = index.ids(n, i), c = index.counts(n, i);
                for (int j = 0; j < d.length; j++) {
                    int g = d[j], cnt = c[j];
                    if (cnt > m1[g]) {
                        m2[g] = m1[g];
                        m1[g] = cnt;
                    } else if (cnt > m2[g]) {
                        m2[g] = cnt;
                    }
                }
            }
            max1[n - 1] = m1;
            max2[n - 1] = m2;
        }
    }

    /** The largest count of n-gram {@code id} in any text of the set other than one holding it {@code own} times. */
    int maxInOthers(int n, int id, int own) {
        int m1 = max1[n - 1][id];
        return own == m1 ? max2[n - 1][id] : m1;
    }
}
