package io.genaudit.audits.coverage;

import io.genaudit.audits.compare.DifferenceEstimator;
import io.genaudit.values.DocumentScore;
import io.genaudit.reports.PerDocumentScores;
import io.genaudit.metrics.perplexity.PerplexityBootstrap;
import io.genaudit.metrics.stats.Bootstrap;
import io.genaudit.reports.AuditResult;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Coverage of the perplexity intervals on a Markov source with a known entropy rate: the document bootstrap of one
 * model's corpus perplexity ({@link PerplexityBootstrap}), and the paired document bootstrap of the difference between
 * two models scoring the same documents ({@link DifferenceEstimator}, as {@code genaudit compare} uses it).
 */
public final class PerplexityCoverage {
    private PerplexityCoverage() {
    }

    /** {@code documents} documents of {@code source}; with {@code paired}, the difference of a smoothed model minus the true one. */
    public static CoverageCase of(MarkovDocuments source, int documents, int resamples, boolean paired) {
        double[][] other = MarkovDocuments.smoothed(0.3);
        CaseLabel label = paired
                ? CaseLabel.of("perplexity difference (smoothed minus true model), " + source + ", " + documents + " documents",
                        "expanded percentile paired bootstrap over documents, B=" + resamples, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)
                : CaseLabel.of("perplexity, " + source + ", " + documents + " documents",
                        "expanded percentile bootstrap over documents, B=" + resamples, 1, Double.POSITIVE_INFINITY);
        return new CoverageCase(label, () -> {
            double truth = source.corpusPerplexity(MarkovDocuments.SOURCE);
            return new CoverageTarget(paired ? source.corpusPerplexity(other) - truth : truth, "analytic (entropy rate)");
        }, seed -> {
            List<int[]> docs = source.sample(new SplittableRandom(seed), documents);
            List<DocumentScore> truth = source.score(docs, MarkovDocuments.SOURCE);
            if (!paired) return PerplexityBootstrap.tokenPerplexity(truth, new Bootstrap(resamples, seed * 31 + 7), 0.95);
            AuditResult a = result("true", truth);
            AuditResult b = result("smoothed", source.score(docs, other));
            return new DifferenceEstimator(0.95, resamples, seed * 31 + 7).estimate(a, b).ci();
        });
    }

    /** A perplexity audit result carrying per-document scores, as the perplexity audit writes it. */
    private static AuditResult result(String model, List<DocumentScore> docs) {
        double nll = 0;
        long tokens = 0;
        for (DocumentScore d : docs) {
            nll += d.nllNats();
            tokens += d.tokens();
        }
        return AuditResult.builder("ppl", "perplexity").model(model).dataset("markov").value(Math.exp(nll / tokens)).n(tokens)
                .detail(PerDocumentScores.KEY, docs).build();
    }
}
