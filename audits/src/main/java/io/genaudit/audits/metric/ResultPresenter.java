package io.genaudit.audits.metric;

import io.genaudit.reports.AuditResult;

/**
 * Optional extra presentation of one metric's typed result in the report (charts, tables, figures, notes); the
 * generic part (value, interval, n, settings, details from the result's components) needs none. Registered in
 * META-INF/services/io.genaudit.audits.metric.ResultPresenter.
 */
public interface ResultPresenter {
    /** The metric name this presenter serves. */
    String metric();

    /** Adds to {@code out} what a reviewer should see beyond the numbers. */
    void present(Record params, Record result, AuditResult.Builder out);
}
