package io.genaudit.audits.coverage;

import java.util.List;

/**
 * Plain statements, for the report, of the interval methods whose measured coverage (bench/coverage, table in
 * docs/statistics.md, 2026-12-02) lies outside the band of 3-7.5 % misses at 95 % nominal that genaudit accepts. All
 * of them miss too rarely: the intervals are wider than necessary, never narrower. Update together with the table.
 */
public final class CoverageNotes {
    private static final String SOURCE = " (simulation with a known target, docs/statistics.md)";

    private CoverageNotes() {
    }

    /** Sentences for an audit of {@code metric} (fid with FID∞, kid, prdc, diversity); empty when none applies. */
    public static List<String> forMetric(String metric, boolean withFidInfinity) {
        return switch (metric) {
            case "fid" -> withFidInfinity ? List.of("Measured coverage: the FID∞ interval missed the population FID in 2.7 % of runs at "
                    + "95 % nominal" + SOURCE + ": slightly conservative. The FID interval covered the expected FID at N in 3.0 %.") : List.of();
            case "kid" -> List.of("Measured coverage: the KID interval missed the population MMD² in 2.5 % of runs at 95 % nominal"
                    + SOURCE + ": slightly conservative.");
            case "prdc" -> List.of("Measured coverage: these intervals are conservative; at 95 % nominal they missed the expected "
                    + "value in 0.7 % (precision), 2.7 % (recall), 3.3 % (density) and 1.7 % (coverage) of runs" + SOURCE + ".");
            case "diversity" -> List.of("Measured coverage: distinct-2 intervals missed in 5.5 % of runs at 95 % nominal; self-BLEU "
                    + "intervals (1.3 %) and distinct-n on very small sets (8 texts: 2.0 %) are conservative" + SOURCE + ".");
            default -> List.of();
        };
    }
}
