package io.genaudit.audits.plan;

import io.genaudit.audits.ModelSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A parsed, validated audit plan: the models, the datasets, the audits with their gates, the seed and the energy
 * settings. Relative paths resolve against {@code baseDir} (the plan's folder).
 */
public record Plan(String file, Path baseDir, String sha256, String name, String title, long seed,
                   Map<String, Object> energy, List<ModelSpec> models, List<DatasetSpec> datasets,
                   List<PlannedAudit> audits) {

    /** The same plan with another seed (the {@code --seed} option). */
    public Plan withSeed(long newSeed) {
        return new Plan(file, baseDir, sha256, name, title, newSeed, energy, models, datasets, audits);
    }
}
