package io.genaudit.metrics.fidelity;

import io.genaudit.metrics.contract.MetricState;
import io.genaudit.engine.InputException;

import java.io.Serializable;

/**
 * The mergeable state of a metric over {@link ClassLogitsBatch}es: every logit row by its global row id (the
 * Inception Score's shuffle and splits need them all, in one order) and the class count, checked on every batch.
 */
public final class ClassLogitsState implements MetricState<ClassLogitsBatch, ClassLogitsState> {
    private static final long serialVersionUID = 1L;
    private final RowChunks rows = new RowChunks();
    private int classes = -1;
    private String source;

    /** Adds a batch; returns this. */
    public ClassLogitsState add(ClassLogitsBatch b) {
        for (double[] r : b.logits()) checkClasses(r.length, b.source());
        if (source == null) source = b.source();
        rows.add(b.firstRow(), b.logits(), b.source());
        return this;
    }

    /** Merges another shard's state into this one; returns this. */
    public ClassLogitsState merge(ClassLogitsState other) {
        if (other.classes >= 0) checkClasses(other.classes, other.source);
        if (source == null) source = other.source;
        rows.merge(other.rows);
        return this;
    }

    private void checkClasses(int c, String from) {
        if (c < 2) throw new InputException(from, "at least 2 class logits per sample expected, found " + c);
        if (classes < 0) classes = c;
        else if (classes != c) throw new InputException(from, c + " class logits per sample differ from " + classes + " in " + source);
    }

    /** Classes per row, or -1 before any row. */
    public int classes() {
        return classes;
    }

    /** The file or folder the rows came from. */
    public String source() {
        return source;
    }

    /** The logits in global row order. */
    public double[][] logits() {
        return rows.rows(source);
    }
}
