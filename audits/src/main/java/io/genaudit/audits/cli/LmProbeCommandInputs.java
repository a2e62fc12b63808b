package io.genaudit.audits.cli;

import io.genaudit.audits.metric.InputFeed;
import io.genaudit.audits.modules.DescribedFeed;
import io.genaudit.audits.modules.LmProbeInputs;
import io.genaudit.engine.InputException;
import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.metrics.bias.BiasLmMetric;
import io.genaudit.metrics.bias.BiasSuite;
import io.genaudit.metrics.bias.LmProbeScores;
import io.genaudit.metrics.bias.LmProbeScoring;
import io.genaudit.metrics.contract.ParamSchema;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.function.Consumer;

/**
 * Command-line inputs of {@code bias-lm}: the language model ({@code --model} ...), the probe suite
 * ({@code --probes}), the generation probe's sampling settings and {@code --json}. The generations are seeded by the
 * metric's {@code --seed} (see {@link #metricParameters}), as in plans, so one seed makes the whole run reproducible.
 */
public final class LmProbeCommandInputs implements CommandInputs<LmProbeScores> {
    @Mixin
    LanguageModelOptions lmOptions;

    @Option(names = "--probes", required = true, paramLabel = "SUITE_OR_FILE",
            description = "Built-in suite (genaudit-core, planted), CrowS-Pairs .csv, StereoSet/BOLD .json, suite .yaml or HolisticBias directory.")
    String probes;

    @Option(names = "--samples", defaultValue = "3", paramLabel = "N", description = "Generations per prompt (default: ${DEFAULT-VALUE}).")
    int samples;

    @Mixin
    SamplingOptions sampling;

    @Option(names = "--batch", defaultValue = "32", paramLabel = "N", description = "Texts per model call (default: ${DEFAULT-VALUE}).")
    int batch;

    public LmProbeCommandInputs() {
    }

    private long seed = ParamSchema.of(BiasLmMetric.Params.class).defaults().seed();

    /** The generations are seeded by the metric's {@code --seed}, as plans seed them by the run's seed. */
    @Override
    public void metricParameters(java.util.Map<String, Object> values) {
        if (values.get("seed") instanceof Number n) seed = n.longValue();
    }

    @Override
    public InputFeed<LmProbeScores> open() {
        if (samples < 1) throw new InputException("--samples", "at least 1 expected, got " + samples);
        if (batch < 1) throw new InputException("--batch", "at least 1 expected, got " + batch);
        LmProbeScoring scoring = new LmProbeScoring(sampling.settings(), samples, seed, batch);
        BiasSuite suite = BiasSuite.load(probes);
        return new DescribedFeed<>(lmOptions.model, probes, LmProbeInputs.settings(probes, suite, scoring), List.of()) {
            @Override
            public void feed(Consumer<? super LmProbeScores> sink) throws Exception {
                try (LanguageModel lm = lmOptions.open(null)) {
                    scoring.score(lm, suite, sink);
                }
            }
        };
    }
}
