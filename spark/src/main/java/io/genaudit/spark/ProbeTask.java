package io.genaudit.spark;

import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.engine.lm.SamplingSettings;
import io.genaudit.metrics.bias.BiasSuite;
import io.genaudit.metrics.bias.CooccurrenceProbe;
import io.genaudit.metrics.bias.CounterfactualPairProbe;
import io.genaudit.metrics.bias.DescriptorProbe;
import io.genaudit.metrics.bias.GenerationProbe;
import io.genaudit.metrics.bias.LmProbeItem;
import io.genaudit.metrics.bias.LmProbeScoring;
import io.genaudit.metrics.bias.SentenceScorer;
import io.genaudit.metrics.bias.StereoSetProbe;
import io.genaudit.metrics.bias.VaderSentiment;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One piece of a {@code bias-lm} probe suite scored on an executor: a slice {@code [from, to)} of the counterfactual
 * pairs or the StereoSet items, or a whole descriptor, co-occurrence or generation section (their statistics and
 * seeds are defined over the whole section). The executor loads the suite by its name or path (once per JVM), borrows
 * the model from the {@link LanguageModelPool} and calls the same probe code as the single-machine run.
 *
 * @param order   the task's position in suite order (sections in {@link LmProbeScoring#score} order, slices in item order)
 * @param section {@code pairs}, {@code stereoset}, {@code descriptors}, {@code cooccurrence} or {@code generation}
 * @param from    first item of the slice (list sections)
 * @param to      one past the last item (list sections)
 */
public record ProbeTask(int order, String section, int from, int to) implements Serializable {
    private static final Map<String, BiasSuite> SUITES = new ConcurrentHashMap<>();

    /**
     * How the scoring is set, in a form that travels (the sampling settings are not Serializable).
     *
     * @param maxNewTokens generation probe: new tokens per continuation
     * @param temperature  sampling temperature
     * @param topK         top-k (0: off)
     * @param topP         nucleus mass
     * @param samples      continuations per prompt
     * @param seed         generation seed
     * @param batch        texts per model call
     */
    public record Settings(int maxNewTokens, double temperature, int topK, double topP, int samples, long seed, int batch) implements Serializable {
        /** The settings of {@code s} (stop sequences are not set by plans). */
        public static Settings of(LmProbeScoring s) {
            SamplingSettings g = s.sampling();
            return new Settings(g.maxNewTokens(), g.temperature(), g.topK(), g.topP(), s.samplesPerPrompt(), s.seed(), s.batch());
        }

        SamplingSettings sampling() {
            return new SamplingSettings(maxNewTokens, temperature, topK, topP, List.of());
        }
    }

    /** The tasks of {@code suite}: list sections cut into slices of at most {@code slice} items. */
    public static List<ProbeTask> plan(BiasSuite suite, int slice) {
        List<ProbeTask> out = new ArrayList<>();
        if (suite.pairs() != null) slices(out, "pairs", suite.pairs().size(), slice);
        if (suite.stereoSet() != null) slices(out, "stereoset", suite.stereoSet().size(), slice);
        if (suite.descriptors() != null) out.add(new ProbeTask(out.size(), "descriptors", 0, 0));
        if (suite.cooccurrence() != null) out.add(new ProbeTask(out.size(), "cooccurrence", 0, 0));
        if (suite.generation() != null) out.add(new ProbeTask(out.size(), "generation", 0, 0));
        return out;
    }

    private static void slices(List<ProbeTask> out, String section, int size, int slice) {
        for (int a = 0; a < size; a += slice) out.add(new ProbeTask(out.size(), section, a, Math.min(size, a + slice)));
    }

    /** The scored items of this task, with {@code lm}, in the order the single-machine run produces them. */
    public List<? extends LmProbeItem> score(String probes, Settings settings, LanguageModel lm) {
        BiasSuite suite = SUITES.computeIfAbsent(probes, BiasSuite::load);
        SentenceScorer scorer = new SentenceScorer(lm, settings.batch());
        return switch (section) {
            case "pairs" -> CounterfactualPairProbe.score(scorer, suite.pairs().subList(from, to));
            case "stereoset" -> StereoSetProbe.score(scorer, suite.stereoSet().subList(from, to));
            case "descriptors" -> DescriptorProbe.score(scorer, suite.descriptors());
            case "cooccurrence" -> CooccurrenceProbe.score(scorer, suite.cooccurrence());
            case "generation" -> GenerationProbe.generate(lm, suite.generation(), VaderSentiment.standard(), settings.sampling(),
                    settings.samples(), settings.seed());
            default -> throw new IllegalStateException("no probe section " + section);
        };
    }
}
