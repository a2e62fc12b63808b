package io.genaudit.metrics.fidelity;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rows of one sample kept as chunks keyed by the global index of their first row, so shards merged in any order give
 * the rows of one pass in one order. The item-keeping part of the mergeable states of KID, PRDC, the Inception Score
 * and every bootstrap.
 */
public final class RowChunks implements Serializable {
    private static final long serialVersionUID = 1L;
    private final TreeMap<Long, double[][]> chunks = new TreeMap<>();

    /** Keeps {@code rows} as global rows {@code firstRow ..}; the same first row twice is a bug of the caller. */
    public void add(long firstRow, double[][] rows, String source) {
        if (rows.length == 0) return;
        if (chunks.put(firstRow, rows) != null) throw new IllegalStateException("rows from " + firstRow + " of " + source + " given twice");
    }

    /** Adds another shard's chunks. */
    public void merge(RowChunks other) {
        for (Map.Entry<Long, double[][]> e : other.chunks.entrySet()) {
            if (chunks.put(e.getKey(), e.getValue()) != null) throw new IllegalStateException("rows from " + e.getKey() + " merged twice");
        }
    }

    /** Whether no rows were kept. */
    public boolean isEmpty() {
        return chunks.isEmpty();
    }

    /** Rows kept. */
    public int count() {
        int n = 0;
        for (double[][] c : chunks.values()) n += c.length;
        return n;
    }

    /** The rows in global row order; a gap (a shard never merged) is a bug of the caller, named with {@code source}. */
    public double[][] rows(String source) {
        double[][] out = new double[count()][];
        if (chunks.isEmpty()) return out;
        int i = 0;
        long expected = chunks.firstKey();
        for (Map.Entry<Long, double[][]> e : chunks.entrySet()) {
            if (e.getKey() != expected) throw new IllegalStateException("rows " + expected + ".." + (e.getKey() - 1) + " of " + source + " are missing");
            for (double[] r : e.getValue()) out[i++] = r;
            expected += e.getValue().length;
        }
        return out;
    }
}
