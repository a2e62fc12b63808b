package io.genaudit.audits.compare;

import io.genaudit.metrics.stats.Bootstrap;
import io.genaudit.reports.PerDocumentScores;
import io.genaudit.values.DocumentScore;
import io.genaudit.values.Interval;
import io.genaudit.reports.AuditResult;
import org.apache.commons.math3.distribution.NormalDistribution;

import java.util.List;

/**
 * Estimates the difference between two results of the same audit with an interval and a two-sided test. When both
 * results carry per-document log-likelihoods of the same documents ({@link PerDocumentScores}: the same document ids
 * and token counts in the same order), a paired bootstrap over documents is used; otherwise the two results are treated as
 * independent samples and the difference's standard error is combined from each result's own interval (normal
 * approximation), which is how FID/KID/AUC intervals from separate runs combine.
 */
public final class DifferenceEstimator {
    private static final NormalDistribution N01 = new NormalDistribution(0, 1);
    private final double level;
    private final int resamples;
    private final long seed;

    public DifferenceEstimator(double level, int resamples, long seed) {
        this.level = level;
        this.resamples = resamples;
        this.seed = seed;
    }

    public Difference estimate(AuditResult a, AuditResult b) {
        double va = a.value() == null ? Double.NaN : a.value();
        double vb = b.value() == null ? Double.NaN : b.value();
        List<DocumentScore> da = PerDocumentScores.of(a);
        List<DocumentScore> db = PerDocumentScores.of(b);
        if (sameDocuments(da, db)) return pairedBootstrap(a, b, va, vb, da, db);
        return fromIntervals(a, b, va, vb);
    }

    /** Whether both sides scored the same two or more documents (ids and token counts), in the same order. */
    static boolean sameDocuments(List<DocumentScore> a, List<DocumentScore> b) {
        if (a == null || b == null || a.size() != b.size() || a.size() < 2) return false;
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).id().equals(b.get(i).id()) || a.get(i).tokens() != b.get(i).tokens()) return false;
        }
        return true;
    }

    private Difference pairedBootstrap(AuditResult a, AuditResult b, double va, double vb, List<DocumentScore> pa, List<DocumentScore> pb) {
        int n = pa.size();
        Bootstrap boot = new Bootstrap(resamples, seed);
        double[] reps = boot.replicates(n, idx -> ppl(pb, idx) - ppl(pa, idx));
        Interval ci = Bootstrap.expandedPercentiles(reps, level, n,
                "percentile paired bootstrap over " + n + " documents, " + resamples + " resamples")
                .withEstimand("difference in corpus perplexity (" + b.model() + " minus " + a.model() + ") over documents like these, both models scoring the same documents");
        int below = 0;
        int above = 0;
        for (double r : reps) {
            if (r <= 0) below++;
            if (r >= 0) above++;
        }
        double p = Math.min(1.0, 2.0 * Math.min(below, above) / reps.length);
        p = Math.max(p, 1.0 / reps.length);
        return new Difference(a.id(), a.metric(), a.model(), b.model(), va, vb, vb - va, ci, p, p, ci.method());
    }

    private static double ppl(List<DocumentScore> doc, int[] idx) {
        double nll = 0;
        double tok = 0;
        for (int i : idx) {
            nll += doc.get(i).nllNats();
            tok += doc.get(i).tokens();
        }
        return Math.exp(nll / tok);
    }

    private Difference fromIntervals(AuditResult a, AuditResult b, double va, double vb) {
        double sa = standardError(a.ci());
        double sb = standardError(b.ci());
        double diff = vb - va;
        String method = "independent samples, normal approximation from each result's own interval";
        if (Double.isNaN(sa) || Double.isNaN(sb)) {
            return new Difference(a.id(), a.metric(), a.model(), b.model(), va, vb, diff,
                    new Interval(level, Double.NaN, Double.NaN, "no interval available"), Double.NaN, Double.NaN,
                    "no interval on one side: the difference cannot be judged");
        }
        double se = Math.sqrt(sa * sa + sb * sb);
        double z = N01.inverseCumulativeProbability(0.5 + level / 2);
        Interval ci = new Interval(level, diff - z * se, diff + z * se, method, differenceEstimand(a, b));
        double p = se == 0 ? (diff == 0 ? 1 : 0) : 2 * (1 - N01.cumulativeProbability(Math.abs(diff) / se));
        return new Difference(a.id(), a.metric(), a.model(), b.model(), va, vb, diff, ci, p, p, method);
    }

    /** "B minus A" of what each side's interval covers (the estimand of A when both agree). */
    static String differenceEstimand(AuditResult a, AuditResult b) {
        String ea = a.ci() == null ? null : a.ci().estimand();
        String eb = b.ci() == null ? null : b.ci().estimand();
        String what = ea == null ? (eb == null ? a.metric() : eb) : ea;
        if (ea != null && eb != null && !ea.equals(eb)) what = ea + " / " + eb;
        return "difference (" + b.model() + " minus " + a.model() + ") of: " + what;
    }

    /** Standard error implied by a (roughly symmetric) interval: half-width over the normal quantile of its level. */
    static double standardError(Interval ci) {
        if (ci == null || Double.isNaN(ci.low()) || Double.isNaN(ci.high())) return Double.NaN;
        double z = N01.inverseCumulativeProbability(0.5 + ci.level() / 2);
        return (ci.high() - ci.low()) / (2 * z);
    }
}
