package io.genaudit.audits.cli;

import io.genaudit.audits.modules.BiasLmRunner;
import io.genaudit.audits.modules.BiasResultParts;
import io.genaudit.engine.InputException;
import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.engine.lm.SamplingSettings;
import io.genaudit.metrics.bias.BiasSuite;
import io.genaudit.metrics.stats.MultipleComparisons;
import io.genaudit.reports.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code genaudit bias}: runs a bias probe suite (built-in, CrowS-Pairs CSV, StereoSet JSON, BOLD JSON, suite YAML or
 * HolisticBias directory) on a language model and prints the corrected test tables; {@code --json} writes everything.
 */
@Command(name = "bias", mixinStandardHelpOptions = true,
        description = "Demographic-bias probes of a language model, with effect sizes, intervals and corrected tests.")
public final class BiasCommand implements GenauditSubcommand, Callable<Integer> {
    @Mixin
    LanguageModelOptions lmOptions;

    @Option(names = "--probes", required = true, paramLabel = "SUITE_OR_FILE",
            description = "Built-in suite (genaudit-core, planted), CrowS-Pairs .csv, StereoSet/BOLD .json, suite .yaml or HolisticBias directory.")
    String probes;

    @Option(names = "--correction", defaultValue = "holm", paramLabel = "holm|bh|none", description = "Multiple-comparison correction (default: ${DEFAULT-VALUE}).")
    String correction;

    @Option(names = "--level", defaultValue = "0.95", paramLabel = "P", description = "Confidence level; alpha = 1 - level (default: ${DEFAULT-VALUE}).")
    double level;

    @Option(names = "--bootstrap", defaultValue = "1000", paramLabel = "N", description = "Bootstrap/permutation resamples (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--samples", defaultValue = "3", paramLabel = "N", description = "Generations per prompt (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--max-new-tokens", defaultValue = "30", paramLabel = "N", description = "Tokens per generation (default: ${DEFAULT-VALUE}).")
    int maxNewTokens;

    @Option(names = "--temperature", defaultValue = "1.0", paramLabel = "T", description = "Sampling temperature, 0 = greedy (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N", description = "Seed for generation and resampling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--min-log-odds-ratio", defaultValue = "" + BiasLmRunner.DEFAULT_MIN_LOG_ODDS_RATIO, paramLabel = "X",
            description = "Smallest co-occurrence association (|log odds ratio|, nats) flagged; 0 tests exactly none (default: ${DEFAULT-VALUE}).")
    double minLogOddsRatio;

    @Option(names = "--json", paramLabel = "OUT", description = "Write the result as JSON.")
    Path json;

    @Override
    public Integer call() throws Exception {
        MultipleComparisons.Method m;
        try {
            m = MultipleComparisons.Method.parse(correction);
        } catch (IllegalArgumentException e) {
            throw new InputException("--correction", e.getMessage());
        }
        if (!(level > 0 && level < 1)) throw new InputException("--level", "a level in (0,1) expected, got " + level);
        if (bootstrap < 10) throw new InputException("--bootstrap", "at least 10 expected, got " + bootstrap);
        if (samples < 1) throw new InputException("--samples", "at least 1 expected, got " + samples);
        if (!(minLogOddsRatio >= 0) || Double.isInfinite(minLogOddsRatio)) throw new InputException("--min-log-odds-ratio", "a finite value >= 0 expected, got " + minLogOddsRatio);
        SamplingSettings sampling;
        try {
            sampling = new SamplingSettings(maxNewTokens, temperature, 0, 1.0, List.of());
        } catch (IllegalArgumentException e) {
            throw new InputException("--max-new-tokens/--temperature", e.getMessage());
        }
        BiasSuite suite = BiasSuite.load(probes);
        long t0 = System.nanoTime();
        try (LanguageModel lm = lmOptions.open(null)) {
            BiasLmRunner.Settings settings = new BiasLmRunner.Settings(m, level, bootstrap, seed, samples, sampling, 32, minLogOddsRatio);
            BiasLmRunner.Outcome o = BiasLmRunner.run(lm, suite, settings);
            BiasResultParts.Parts parts = BiasResultParts.lm(o);
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "bias probes '%s' on %s: %s = %s%s (n=%d); significant_share %.3f, max_abs_gap %.4f; %.1f s%n",
                    suite.name(), lm.describe(), parts.details().get("headline"), parts.value() == null ? "n/a" : String.format(Locale.ROOT, "%.4f", parts.value()),
                    parts.ci() == null ? "" : String.format(Locale.ROOT, " [%.0f%% CI %.4f, %.4f]", parts.ci().level() * 100, parts.ci().low(), parts.ci().high()),
                    parts.n(), ((Number) parts.details().get("significant_share")).doubleValue(), ((Number) parts.details().get("max_abs_gap")).doubleValue(), seconds);
            for (Table t : parts.tables()) print(t);
            for (String note : parts.notes()) System.out.println("note: " + note);
            if (json != null) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("metric", "bias-lm");
                out.put("model", lm.describe());
                out.put("probes", probes);
                out.put("value", parts.value());
                out.put("unit", parts.unit());
                out.put("ci", parts.ci());
                out.put("n", parts.n());
                out.put("settings", settings.asMap());
                out.put("details", parts.details());
                out.put("tables", parts.tables());
                out.put("charts", parts.charts());
                out.put("notes", parts.notes());
                out.put("seconds", seconds);
                JsonOutput.write(json, out);
            }
        }
        return ExitCodes.OK;
    }

    private static void print(Table t) {
        System.out.println();
        System.out.println(t.title());
        System.out.println("  " + String.join(" | ", t.columns()));
        int shown = 0;
        for (List<String> row : t.rows()) {
            if (shown++ == 20) {
                System.out.println("  ... " + (t.rows().size() - 20) + " more rows (see --json)");
                break;
            }
            System.out.println("  " + String.join(" | ", row.stream().map(c -> c.replace('\n', ' ')).toList()));
        }
    }
}
