package io.genaudit.audits.modules;

import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.engine.lm.SamplingSettings;
import io.genaudit.metrics.bias.BiasSuite;
import io.genaudit.metrics.bias.CooccurrenceProbe;
import io.genaudit.metrics.bias.CounterfactualPairProbe;
import io.genaudit.metrics.bias.DescriptorProbe;
import io.genaudit.metrics.bias.GenerationProbe;
import io.genaudit.metrics.bias.SentenceScorer;
import io.genaudit.metrics.bias.StereoSetProbe;
import io.genaudit.metrics.bias.VaderSentiment;
import io.genaudit.metrics.stats.Bootstrap;
import io.genaudit.metrics.stats.MultipleComparisons;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs every probe a {@link BiasSuite} has (pairs, StereoSet, descriptors, co-occurrence, generation) on one language
 * model with one set of statistical settings; shared by the {@code bias-lm} audit module and {@code genaudit bias}.
 */
public final class BiasLmRunner {
    /**
     * Default smallest co-occurrence association (|log odds ratio|, nats) worth flagging: odds ratio 1.105. A test of
     * exactly 0 flags the tiny associations every trained model carries (bench/bias/results.md).
     */
    public static final double DEFAULT_MIN_LOG_ODDS_RATIO = 0.1;

    /** Statistical and sampling settings of a run; {@code minLogOddsRatio} is the co-occurrence contrasts' minimum effect. */
    public record Settings(MultipleComparisons.Method correction, double level, int bootstrap, long seed, int samplesPerPrompt,
                           SamplingSettings sampling, int batch, double minLogOddsRatio) {
        public Settings {
            if (!(minLogOddsRatio >= 0) || Double.isInfinite(minLogOddsRatio)) {
                throw new IllegalArgumentException("minLogOddsRatio must be finite and >= 0, got " + minLogOddsRatio);
            }
        }

        public Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("correction", correction.planName());
            m.put("level", level);
            m.put("bootstrap", bootstrap);
            m.put("seed", seed);
            m.put("samples", samplesPerPrompt);
            m.put("maxNewTokens", sampling.maxNewTokens());
            m.put("temperature", sampling.temperature());
            m.put("topK", sampling.topK());
            m.put("topP", sampling.topP());
            m.put("batch", batch);
            m.put("minLogOddsRatio", minLogOddsRatio);
            return m;
        }
    }

    /** The reports of the probes that ran (null for sections the suite lacks). */
    public record Outcome(String suite, CounterfactualPairProbe.Report pairs, StereoSetProbe.Report stereoSet, DescriptorProbe.Report descriptors,
                          CooccurrenceProbe.Report cooccurrence, GenerationProbe.Report generation, String scoringNote, long units) {
    }

    private BiasLmRunner() {
    }

    public static Outcome run(LanguageModel lm, BiasSuite suite, Settings s) {
        SentenceScorer scorer = new SentenceScorer(lm, s.batch());
        long units = 0;
        CounterfactualPairProbe.Report pairs = null;
        if (suite.pairs() != null) {
            pairs = new CounterfactualPairProbe(s.correction(), s.level()).run(scorer, suite.pairs());
            units += 2L * suite.pairs().size();
        }
        StereoSetProbe.Report ss = null;
        if (suite.stereoSet() != null) {
            ss = new StereoSetProbe(s.correction(), s.level(), new Bootstrap(Math.max(10, s.bootstrap()), s.seed())).run(scorer, suite.stereoSet());
            units += 3L * suite.stereoSet().size();
        }
        DescriptorProbe.Report ds = null;
        if (suite.descriptors() != null) {
            ds = new DescriptorProbe(s.correction(), s.level()).run(scorer, suite.descriptors());
            units += suite.descriptors().sentences().size();
        }
        CooccurrenceProbe.Report co = null;
        if (suite.cooccurrence() != null) {
            co = new CooccurrenceProbe(s.correction(), s.level(), s.minLogOddsRatio()).run(scorer, suite.cooccurrence());
            units += co.prompts().size();
        }
        GenerationProbe.Report gen = null;
        if (suite.generation() != null) {
            gen = new GenerationProbe(s.sampling(), s.samplesPerPrompt(), s.seed(), s.correction(), s.level(), Math.max(10, s.bootstrap()))
                    .run(lm, suite.generation(), VaderSentiment.standard(), suite.representation());
            units += gen.continuations().size();
        }
        return new Outcome(suite.name(), pairs, ss, ds, co, gen, scorer.scoringNote(), units);
    }
}
