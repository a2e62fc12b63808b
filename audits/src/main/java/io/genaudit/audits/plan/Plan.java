package io.genaudit.audits.plan;

import io.genaudit.audits.ModelSpec;
import io.genaudit.engine.ComputeDevice;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A parsed, validated audit plan: the models, the datasets, the audits with their gates, the seed and the energy
 * settings, and the {@code device} the PyTorch models run on (null: not set, the CPU unless {@code --device} says
 * otherwise). Relative paths resolve against {@code baseDir} (the plan's folder); {@code lines} maps field paths
 * ({@code models[1].train.epochs}) to their line in the plan file, for errors found after parsing; {@code execution} says
 * where the plan runs (this JVM or Spark: {@link ExecutionSpec}, {@link ExecutionSpec#DEFAULT} when the plan has no block).
 */
public record Plan(String file, Path baseDir, String sha256, String name, String title, long seed,
                   Map<String, Object> energy, List<ModelSpec> models, List<DatasetSpec> datasets,
                   List<PlannedAudit> audits, ComputeDevice device, Map<String, Integer> lines, ExecutionSpec execution) {
    public Plan {
        lines = lines == null ? Map.of() : Map.copyOf(lines);
        execution = execution == null ? ExecutionSpec.DEFAULT : execution;
    }

    /** A plan that runs in this JVM. */
    public Plan(String file, Path baseDir, String sha256, String name, String title, long seed, Map<String, Object> energy,
                List<ModelSpec> models, List<DatasetSpec> datasets, List<PlannedAudit> audits, ComputeDevice device,
                Map<String, Integer> lines) {
        this(file, baseDir, sha256, name, title, seed, energy, models, datasets, audits, device, lines, ExecutionSpec.DEFAULT);
    }

    /** A plan without a device or a field-to-line map (built in code). */
    public Plan(String file, Path baseDir, String sha256, String name, String title, long seed, Map<String, Object> energy,
                List<ModelSpec> models, List<DatasetSpec> datasets, List<PlannedAudit> audits) {
        this(file, baseDir, sha256, name, title, seed, energy, models, datasets, audits, null, Map.of(), ExecutionSpec.DEFAULT);
    }

    /** The same plan with another seed (the {@code --seed} option). */
    public Plan withSeed(long newSeed) {
        return new Plan(file, baseDir, sha256, name, title, newSeed, energy, models, datasets, audits, device, lines, execution);
    }
}
