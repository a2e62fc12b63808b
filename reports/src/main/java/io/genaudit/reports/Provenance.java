package io.genaudit.reports;

import java.util.List;
import java.util.Map;

/**
 * Where every number came from, in Tribuo's spirit: versions, hashes of the plan, models and data, seeds, the
 * machine, the engine, and the cost of every phase.
 */
public record Provenance(
        String genauditVersion,
        String planPath,
        String planSha256,
        long seed,
        List<FileDigest> files,
        Map<String, Map<String, Object>> models,
        String jvm,
        String os,
        String cpuModel,
        int cores,
        String engine,
        String engineVersion,
        String startedAt,
        double wallSeconds,
        List<PhaseRecord> phases,
        Map<String, Object> energyAssumptions) {
}
