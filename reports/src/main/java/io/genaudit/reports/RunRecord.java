package io.genaudit.reports;

import java.util.List;

/**
 * The machine-readable record of one audit run ({@code run.json}); schema documented in docs/run-record.md.
 * Every renderer (HTML, JUnit XML, Markdown) reads only this.
 *
 * @param verdict {@code PASS} when every gate passed (or none was set), {@code FAIL} otherwise
 */
public record RunRecord(String schemaVersion, String title, String planName, String verdict,
                        List<ModelRecord> models, List<AuditResult> audits, Provenance provenance) {
    public static final String SCHEMA_VERSION = "1.0";
}
