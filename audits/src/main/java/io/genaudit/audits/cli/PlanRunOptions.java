package io.genaudit.audits.cli;

import io.genaudit.audits.run.RunOptions;
import io.genaudit.audits.plan.Plan;
import io.genaudit.audits.registry.Registry;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The options of the commands that run a plan ({@code audit}, {@code demo}), as a picocli mixin: the seed override,
 * the model and fixture cache, and the run store; and the run itself with them.
 */
public final class PlanRunOptions {
    @Option(names = "--seed", paramLabel = "N", description = "Override the plan's seed.")
    Long seed;

    @Option(names = "--cache", paramLabel = "DIR", description = "Model and fixture cache (default: $GENAUDIT_CACHE or ~/.cache/genaudit).")
    Path cache;

    @Option(names = "--store", paramLabel = "DIR", description = "Keep the run in this run store (for history and trend charts).")
    Path store;

    /** The cache folder: {@code --cache}, else $GENAUDIT_CACHE, else ~/.cache/genaudit. */
    Path cacheDir() {
        return cache != null ? cache : RunOptions.defaultCacheDir();
    }

    /** Runs {@code plan} into {@code out} with these options and writes every output; the exit code. */
    int runAndWrite(Registry registry, Plan plan, Path out) throws Exception {
        return RunCommandSupport.runAndWrite(registry, plan, out, seed, cacheDir(), store);
    }
}
