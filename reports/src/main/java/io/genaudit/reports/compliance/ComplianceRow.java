package io.genaudit.reports.compliance;

/**
 * One requirement of a regulation or standard mapped to a run: what it asks, whether this run measured it, where the
 * evidence is, and what is not measured.
 *
 * @param source      the text, with its version and date (e.g. "EU AI Act, Regulation (EU) 2024/1689")
 * @param clause      the clause or action id (e.g. "Annex IV 2(g)", "MS-2.11-002")
 * @param asks        what it asks for, in one sentence (paraphrased)
 * @param status      {@code measured}, {@code partly measured} or {@code not measured}
 * @param evidence    where the evidence is in this run's outputs (audits, files, sections)
 * @param notMeasured what the run does not cover for this requirement
 */
public record ComplianceRow(String source, String clause, String asks, String status, String evidence, String notMeasured) {
    public static final String MEASURED = "measured";
    public static final String PARTLY = "partly measured";
    public static final String NOT = "not measured";
}
