package io.genaudit.metrics.perplexity;

import io.genaudit.engine.Progress;
import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.metrics.stats.Bootstrap;
import io.genaudit.values.Interval;

import java.util.List;

/**
 * The whole perplexity evaluation the audit module and the CLI share: score the documents, accumulate, and bootstrap
 * the corpus token perplexity over documents.
 *
 * @param result    corpus figures
 * @param documents per-document scores, in input order
 * @param ci        percentile bootstrap interval of the token perplexity (null when bootstrapping was off)
 * @param plan      the windows used
 */
public record PerplexityEvaluation(PerplexityResult result, List<DocumentScore> documents, Interval ci,
                                   WindowPlan plan) {

    /**
     * Runs it. {@code bootstrap} may be null (no interval); with fewer than two documents the interval is skipped,
     * since resampling a single document says nothing about the spread.
     */
    public static PerplexityEvaluation run(LanguageModel model, List<String> documents, WindowPlan plan, int batch,
                                           Bootstrap bootstrap, double level, Progress.Factory progress) {
        return run(model, documents, plan, plan.autoPrefix(model.tokenizer()), batch, bootstrap, level, progress);
    }

    /** As {@link #run(LanguageModel, List, WindowPlan, int, Bootstrap, double, Progress.Factory)} with {@code prefix} (-1: none). */
    public static PerplexityEvaluation run(LanguageModel model, List<String> documents, WindowPlan plan, int prefix, int batch,
                                           Bootstrap bootstrap, double level, Progress.Factory progress) {
        List<DocumentScore> scores = new RollingLogLikelihood(model, plan, batch, prefix).score(documents, progress);
        PerplexityAccumulator acc = new PerplexityAccumulator();
        scores.forEach(acc::update);
        Interval ci = bootstrap != null && scores.size() >= 2
                ? PerplexityBootstrap.tokenPerplexity(scores, bootstrap, level) : null;
        return new PerplexityEvaluation(acc.compute(), scores, ci, plan);
    }

    /** Per-document token perplexities, skipping documents with no scored token. */
    public double[] perDocumentPerplexity() {
        return documents.stream().filter(d -> d.tokens() > 0).mapToDouble(DocumentScore::tokenPerplexity).toArray();
    }
}
