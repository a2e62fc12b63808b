package io.genaudit.audits.execution;

import io.genaudit.audits.plan.ExecutionSpec;

import java.nio.file.Path;

/**
 * What {@code genaudit audit} hands an {@link ExecutionEngine}: the plan file, the output folder, where to run (the
 * plan's {@code execution} block with the command line's overrides applied), the seed override, the cache and the run
 * store.
 *
 * @param plan      the plan file
 * @param out       the output folder: a local path, or a URI of a file system the engine can write ({@code s3a://...})
 * @param execution the effective execution settings
 * @param seed      the {@code --seed} override, or null for the plan's seed
 * @param cache     the {@code --cache} folder for models the plan trains or loads, or null for the default
 * @param store     the {@code --store} run store (a local folder), or null for none
 */
public record EngineRun(Path plan, String out, ExecutionSpec execution, Long seed, Path cache, Path store) {
}
