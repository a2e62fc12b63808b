package io.genaudit.metrics.bias;

import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.engine.lm.SamplingSettings;

import java.util.List;
import java.util.function.Consumer;

/**
 * The engine side of {@code bias-lm}: scores every section of a {@link BiasSuite} with a language model (sentence and
 * continuation log-likelihoods, sampled continuations with VADER sentiment) and sends the scored items as
 * {@link LmProbeScores} batches, one per section, numbered in suite order. The plan and command-line input adapters
 * share it; the metric's statistics never see the model.
 *
 * @param sampling         how the generation probe samples continuations
 * @param samplesPerPrompt continuations per generation prompt
 * @param seed             seed of the generations (sample s of prompt i: seed + 1000 i + s)
 * @param batch            texts per model call
 */
public record LmProbeScoring(SamplingSettings sampling, int samplesPerPrompt, long seed, int batch) {

    /** The facts every batch of {@code suite} scored by {@code lm} carries. */
    public LmSuiteFacts facts(LanguageModel lm, BiasSuite suite) {
        return new LmSuiteFacts(suite.name(), new SentenceScorer(lm, batch).scoringNote(), suite.cooccurrence(), suite.representation(),
                suite.generation() == null ? null : GenerationProbe.settingsText(sampling, samplesPerPrompt));
    }

    /** Scores every section of {@code suite} and sends one batch per section; returns the number of scored items. */
    public long score(LanguageModel lm, BiasSuite suite, Consumer<? super LmProbeScores> sink) {
        SentenceScorer scorer = new SentenceScorer(lm, batch);
        LmSuiteFacts facts = facts(lm, suite);
        long[] next = {0};
        Consumer<List<? extends LmProbeItem>> send = items -> {
            if (items.isEmpty()) return;
            sink.accept(new LmProbeScores(facts, next[0], List.copyOf(items)));
            next[0] += items.size();
        };
        if (suite.pairs() != null) send.accept(CounterfactualPairProbe.score(scorer, suite.pairs()));
        if (suite.stereoSet() != null) send.accept(StereoSetProbe.score(scorer, suite.stereoSet()));
        if (suite.descriptors() != null) send.accept(DescriptorProbe.score(scorer, suite.descriptors()));
        if (suite.cooccurrence() != null) send.accept(CooccurrenceProbe.score(scorer, suite.cooccurrence()));
        if (suite.generation() != null) {
            send.accept(GenerationProbe.generate(lm, suite.generation(), VaderSentiment.standard(), sampling, samplesPerPrompt, seed));
        }
        return next[0];
    }
}
