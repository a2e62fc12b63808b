package io.genaudit.metrics.stats;

/** The alternative hypothesis of a test, with scipy's names: two-sided, greater, less. */
public enum Alternative {
    TWO_SIDED, GREATER, LESS
}
