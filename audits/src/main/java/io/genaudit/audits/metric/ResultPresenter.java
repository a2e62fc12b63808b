package io.genaudit.audits.metric;

import io.genaudit.metrics.contract.TypeArguments;
import io.genaudit.reports.AuditResult;

/**
 * Optional extra presentation of one metric's typed result in the report (charts, tables, figures, notes); the
 * generic part (value, interval, n, settings, details from the result's components) needs none. Found by the result
 * type it declares; registered in META-INF/services/io.genaudit.audits.metric.ResultPresenter.
 *
 * @param <P> the metric's parameter record
 * @param <R> the metric's result record
 */
public interface ResultPresenter<P extends Record, R extends Record> {
    /** The result type served (read from the declaration). */
    default Class<R> resultType() {
        return TypeArguments.of(getClass(), ResultPresenter.class, 1);
    }

    /** Adds to {@code out} what a reviewer should see beyond the numbers. */
    void present(P params, R result, AuditResult.Builder out);
}
