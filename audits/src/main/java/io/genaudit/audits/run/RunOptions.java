package io.genaudit.audits.run;

import io.genaudit.engine.Progress;
import io.genaudit.metrics.energy.EnergyMeter;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * How to run a plan: where outputs and the model/fixture cache go, an optional seed override, progress display,
 * the energy meter (null: time only) and where log lines go.
 */
public record RunOptions(Path outputDir, Path cacheDir, Long seedOverride, Progress.Factory progress, EnergyMeter meter,
                         PrintStream log) {
    /** The model and fixture cache when none is given: $GENAUDIT_CACHE, else ~/.cache/genaudit (every entry point). */
    public static Path defaultCacheDir() {
        String env = System.getenv("GENAUDIT_CACHE");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache", "genaudit");
    }
}
