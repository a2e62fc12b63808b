package io.genaudit.metrics.stats;

/**
 * The outcome of a significance test: its statistic, p-value and the method that produced them (shown in reports so a
 * reviewer can tell an exact test from an asymptotic one).
 */
public record TestResult(double statistic, double pValue, String method) {
}
