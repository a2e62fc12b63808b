package io.genaudit.spark;

import java.io.Serializable;

/**
 * One n-gram over a set of texts, as {@code reduceByKey} merges it: its total count (distinct-n, entropy) and the
 * largest and second-largest count it has in any single text (self-BLEU's clipping against "all other texts": the
 * second-largest for a text holding the largest, else the largest). Merging is exact (whole numbers, associative and
 * commutative), so the partitioning cannot change a figure.
 *
 * @param total count over all texts
 * @param max1  largest count in one text
 * @param max2  second-largest count in one text (equal to max1 when two texts tie; 0 when only one text has it)
 */
public record NgramSummary(long total, int max1, int max2) implements Serializable {

    /** The n-gram as one text holding it {@code count} times. */
    public static NgramSummary ofText(int count) {
        return new NgramSummary(count, count, 0);
    }

    /** Both summaries together. */
    public NgramSummary merge(NgramSummary o) {
        int hi = Math.max(max1, o.max1);
        int lo = Math.max(Math.min(max1, o.max1), Math.max(max2, o.max2));
        return new NgramSummary(total + o.total, hi, lo);
    }

    /** The largest count in a text other than one holding it {@code own} times. */
    public int maxInOthers(int own) {
        return own == max1 ? max2 : max1;
    }
}
