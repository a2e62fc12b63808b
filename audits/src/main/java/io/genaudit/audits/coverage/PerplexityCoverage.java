package io.genaudit.audits.coverage;

import io.genaudit.audits.compare.DifferenceEstimator;
import io.genaudit.values.DocumentScore;
import io.genaudit.reports.PerDocumentScores;
import io.genaudit.metrics.perplexity.PerplexityBootstrap;
import io.genaudit.metrics.stats.Bootstrap;
import io.genaudit.reports.AuditResult;
import io.genaudit.values.Interval;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Coverage of the perplexity intervals on a Markov source with a known entropy rate: the document bootstrap of one
 * model's corpus perplexity ({@link PerplexityBootstrap}), and the paired document bootstrap of the difference between
 * two models scoring the same documents ({@link DifferenceEstimator}, as {@code genaudit compare} uses it).
 */
public final class PerplexityCoverage implements CoverageCase {
    private final MarkovDocuments source;
    private final int documents;
    private final int resamples;
    private final boolean paired;
    private final double[][] other = MarkovDocuments.smoothed(0.3);

    public PerplexityCoverage(MarkovDocuments source, int documents, int resamples, boolean paired) {
        this.source = source;
        this.documents = documents;
        this.resamples = resamples;
        this.paired = paired;
    }

    @Override
    public String name() {
        return (paired ? "perplexity difference (smoothed minus true model), " : "perplexity, ") + source + ", " + documents + " documents";
    }

    @Override
    public String method() {
        return (paired ? "expanded percentile paired bootstrap over documents" : "expanded percentile bootstrap over documents") + ", B=" + resamples;
    }

    @Override
    public double target() {
        double truth = source.corpusPerplexity(MarkovDocuments.SOURCE);
        return paired ? source.corpusPerplexity(other) - truth : truth;
    }

    @Override
    public String targetSource() {
        return "analytic (entropy rate)";
    }

    @Override
    public double[] range() {
        return paired ? new double[]{Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY} : new double[]{1, Double.POSITIVE_INFINITY};
    }

    @Override
    public Interval interval(long seed) {
        List<int[]> docs = source.sample(new SplittableRandom(seed), documents);
        List<DocumentScore> truth = source.score(docs, MarkovDocuments.SOURCE);
        if (!paired) return PerplexityBootstrap.tokenPerplexity(truth, new Bootstrap(resamples, seed * 31 + 7), 0.95);
        AuditResult a = result("true", truth);
        AuditResult b = result("smoothed", source.score(docs, other));
        return new DifferenceEstimator(0.95, resamples, seed * 31 + 7).estimate(a, b).ci();
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
