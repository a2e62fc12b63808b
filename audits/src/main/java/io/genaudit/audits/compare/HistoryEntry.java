package io.genaudit.audits.compare;

/** One audit result of one stored run, as kept in the run store's index (one JSON line each). */
public record HistoryEntry(String runFile, String startedAt, String plan, String planSha256, String auditId, String metric,
                           String model, String modelSha256, Double value, Double low, Double high, Long n, String verdict) {
}
