package io.genaudit.metrics.perplexity;

import io.genaudit.metrics.stats.Bootstrap;
import io.genaudit.reports.Interval;

import java.util.List;

/**
 * Confidence interval of the corpus token perplexity, resampling documents (not tokens: tokens of one document are
 * not independent) and recomputing the ratio of sums exp(ΣNLL / Σtokens) on each resample.
 */
public final class PerplexityBootstrap {
    private PerplexityBootstrap() {
    }

    public static Interval tokenPerplexity(List<DocumentScore> docs, Bootstrap bootstrap, double level) {
        double[] nll = docs.stream().mapToDouble(DocumentScore::nllNats).toArray();
        long[] tok = docs.stream().mapToLong(DocumentScore::tokens).toArray();
        double[] reps = bootstrap.replicates(docs.size(), idx -> {
            double s = 0;
            long t = 0;
            for (int i : idx) {
                s += nll[i];
                t += tok[i];
            }
            return t == 0 ? Double.NaN : Math.exp(s / t);
        });
        return Bootstrap.percentiles(reps, level,
                "percentile bootstrap over " + docs.size() + " documents, " + bootstrap.resamples() + " resamples");
    }
}
