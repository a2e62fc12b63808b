package io.genaudit.metrics.perplexity;

import io.genaudit.metrics.contract.Checks;
import io.genaudit.metrics.contract.StateMetric;
import io.genaudit.metrics.contract.MetricDescription;
import io.genaudit.metrics.contract.MetricInfo;
import io.genaudit.metrics.contract.MetricResult;
import io.genaudit.metrics.contract.Param;
import io.genaudit.metrics.stats.Bootstrap;
import io.genaudit.values.DocumentScore;
import io.genaudit.values.Interval;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code perplexity}: corpus token perplexity exp(ΣNLL / Σtokens) of a language model from its per-document scores,
 * with lm-evaluation-harness's word perplexity, byte perplexity and bits per byte (each a ratio of sums over documents)
 * and a bootstrap interval over documents ({@link PerplexityBootstrap}). Scoring the text with the model (windows,
 * tokenizer, prefix token) happens before, in the input adapters ({@link RollingLogLikelihood}); this class only
 * aggregates {@link DocumentScore}s. The state keeps every document: the bootstrap resamples them.
 */
@MetricDescription(name = "perplexity", title = "Perplexity", direction = MetricInfo.Direction.LOWER_IS_BETTER,
        summary = "Perplexity of a language model on text (HF sliding window or lm-eval rolling windows; word/byte perplexity, bits per byte).")
public final class PerplexityMetric implements StateMetric<PerplexityMetric.Params, DocumentScore, DocumentScoreState, PerplexityMetric.Result> {

    /** Perplexity's parameters (the scoring options — model, windows, prefix token — belong to the inputs). */
    public record Params(
            @Param(help = "Bootstrap resamples over documents for the interval of the token perplexity; 0 = no interval.",
                    dflt = "1000", min = 0, label = "N") int bootstrap,
            @Param(help = "Interval level.", dflt = "0.95", label = "P") double level,
            @Param(help = "Seed of the bootstrap (plans: the run's seed).", dflt = "0", runSeed = true) long seed) {
        public Params {
            Checks.interval(bootstrap, level);
        }
    }

    /**
     * Perplexity and its companions.
     *
     * @param value           corpus token perplexity exp(nllNats / tokens)
     * @param n               scored tokens
     * @param ci              bootstrap interval over documents of the token perplexity, or null
     * @param wordPerplexity  exp(nllNats / words) (lm-evaluation-harness {@code word_perplexity})
     * @param bytePerplexity  exp(nllNats / bytes)
     * @param bitsPerByte     nllNats / (ln 2 · bytes)
     * @param nllNats         summed negative log-likelihood over every scored token
     * @param nllPerTokenNats nllNats / tokens
     * @param perDocument     every document's score, in corpus order (for distributions and paired comparisons)
     */
    public record Result(double value, long n, Interval ci, double wordPerplexity, double bytePerplexity, double bitsPerByte,
                         double nllNats, double nllPerTokenNats, long tokens, int documents, long bytes, long words,
                         List<DocumentScore> perDocument, List<String> notes) implements MetricResult {
        /** Token perplexities of the documents with at least one scored token. */
        public double[] perDocumentPerplexity() {
            return perDocument.stream().filter(d -> d.tokens() > 0).mapToDouble(DocumentScore::tokenPerplexity).toArray();
        }
    }

    @Override
    public DocumentScoreState newState(Params params) {
        return new DocumentScoreState();
    }

    @Override
    public Result compute(DocumentScoreState state, Params p) {
        List<DocumentScore> docs = state.documents();
        if (docs.isEmpty()) throw new IllegalArgumentException("perplexity needs at least one scored document, got none");
        double nll = 0;
        long tokens = 0, bytes = 0, words = 0;
        for (DocumentScore d : docs) {
            nll += d.nllNats();
            tokens += d.tokens();
            bytes += d.bytes();
            words += d.words();
        }
        Interval ci = p.bootstrap() > 0 && docs.size() >= 2
                ? PerplexityBootstrap.tokenPerplexity(docs, new Bootstrap(p.bootstrap(), p.seed()), p.level()) : null;
        List<String> notes = new ArrayList<>();
        notes.add("Perplexities are only comparable between models with the same tokenizer; bits per byte and word "
                + "perplexity are tokenizer-independent (lm-evaluation-harness definitions).");
        if (ci == null) notes.add("No confidence interval: it needs at least two documents and bootstrap > 0.");
        return new Result(ratio(nll, tokens), tokens, ci, ratio(nll, words), ratio(nll, bytes),
                bytes == 0 ? Double.NaN : nll / (Math.log(2) * bytes), nll, tokens == 0 ? Double.NaN : nll / tokens,
                tokens, docs.size(), bytes, words, List.copyOf(docs), List.copyOf(notes));
    }

    /** exp(nll / count), NaN for no count. */
    private static double ratio(double nll, long count) {
        return count == 0 ? Double.NaN : Math.exp(nll / count);
    }
}
