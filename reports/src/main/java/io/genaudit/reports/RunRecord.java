package io.genaudit.reports;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The machine-readable record of one audit run ({@code run.json}); schema documented in docs/run-record.md.
 * Every renderer (HTML, JUnit XML, Markdown) reads only this.
 *
 * @param verdict   {@code PASS} when every gate passed (or none was set), {@code FAIL} otherwise
 * @param execution where a distributed run happened ({@link ExecutionRecord}), or null (omitted from run.json) for a
 *                  run in one JVM
 */
public record RunRecord(String schemaVersion, String title, String planName, String verdict,
                        List<ModelRecord> models, List<AuditResult> audits, Provenance provenance,
                        @JsonInclude(JsonInclude.Include.NON_NULL) ExecutionRecord execution) {
    public static final String SCHEMA_VERSION = "1.0";

    /** The record of a run in one JVM. */
    public RunRecord(String schemaVersion, String title, String planName, String verdict, List<ModelRecord> models,
                     List<AuditResult> audits, Provenance provenance) {
        this(schemaVersion, title, planName, verdict, models, audits, provenance, null);
    }
}
