package io.genaudit.metrics.bias;

import io.genaudit.engine.lm.LanguageModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Log-likelihoods of whole sentences and of continuations, all through {@link LanguageModel#nextTokenLogProbs}. A
 * sentence's log-likelihood is the sum of its scored tokens' log-probabilities. When the tokenizer prepends no
 * beginning-of-text id (e.g. the byte tokenizer) the first token has no context and is never scored, for every
 * sentence alike, so the two sides of a pair are treated the same. Texts longer than the context are scored with
 * overlapping windows (stride = half the context), each token scored once with as much left context as fits.
 */
public final class SentenceScorer {
    /** Log-likelihood of a text and the number of tokens it sums over. */
    public record Score(double logLikelihood, int scoredTokens) {
        /** Mean log-likelihood per scored token (NaN when nothing was scored). */
        public double perToken() {
            return scoredTokens == 0 ? Double.NaN : logLikelihood / scoredTokens;
        }

        /** exp(-mean log-likelihood per token). */
        public double perplexity() {
            return Math.exp(-perToken());
        }
    }

    private final LanguageModel model;
    private final int batchSize;

    public SentenceScorer(LanguageModel model) {
        this(model, 32);
    }

    public SentenceScorer(LanguageModel model, int batchSize) {
        this.model = model;
        this.batchSize = Math.max(1, batchSize);
    }

    public LanguageModel model() {
        return model;
    }

    /** True when the first token of every sentence is left unscored (no beginning-of-text id). */
    public boolean firstTokenUnscored() {
        return model.tokenizer().bosId() < 0;
    }

    public String scoringNote() {
        return firstTokenUnscored()
                ? "sentence log-likelihood = sum of token log-probabilities; the tokenizer adds no beginning-of-text token, so each sentence's first token is not scored (same for both sides of every comparison)"
                : "sentence log-likelihood = sum of token log-probabilities after the beginning-of-text token";
    }

    public Score score(String text) {
        return score(List.of(text)).get(0);
    }

    /** Scores every text (batched). */
    public List<Score> score(List<String> texts) {
        List<int[]> encoded = new ArrayList<>(texts.size());
        for (String t : texts) encoded.add(model.tokenizer().encode(t));
        List<float[]> perTokenLogProbs = tokenLogProbs(encoded);
        List<Score> out = new ArrayList<>(texts.size());
        for (float[] lp : perTokenLogProbs) {
            double s = 0;
            for (float v : lp) s += v;
            out.add(new Score(s, lp.length));
        }
        return out;
    }

    /**
     * log p(continuation | prefix) for each pair: the summed log-probabilities of the tokens of {@code prefix +
     * continuation} past the prefix's tokens. When the tokenizer does not split the joined text at the prefix boundary
     * (BPE merges across it), the difference loglik(prefix + continuation) - loglik(prefix) is used instead.
     */
    public List<Score> continuation(List<String> prefixes, List<String> continuations) {
        if (prefixes.size() != continuations.size()) throw new IllegalArgumentException("prefixes and continuations differ in length");
        List<int[]> full = new ArrayList<>(), pre = new ArrayList<>();
        for (int i = 0; i < prefixes.size(); i++) {
            full.add(model.tokenizer().encode(prefixes.get(i) + continuations.get(i)));
            pre.add(model.tokenizer().encode(prefixes.get(i)));
        }
        List<float[]> fullLp = tokenLogProbs(full);
        List<Score> out = new ArrayList<>();
        List<Integer> needPrefix = new ArrayList<>();
        for (int i = 0; i < full.size(); i++) {
            int[] f = full.get(i), p = pre.get(i);
            boolean aligned = p.length <= f.length && Arrays.equals(p, 0, p.length, f, 0, p.length);
            if (aligned && p.length >= 1) {
                float[] lp = fullLp.get(i); // entry t-1 scores token t
                double s = 0;
                for (int t = p.length; t < f.length; t++) s += lp[t - 1];
                out.add(new Score(s, f.length - p.length));
            } else {
                out.add(null);
                needPrefix.add(i);
            }
        }
        if (!needPrefix.isEmpty()) {
            List<int[]> ps = new ArrayList<>();
            for (int i : needPrefix) ps.add(pre.get(i));
            List<float[]> preLp = tokenLogProbs(ps);
            for (int k = 0; k < needPrefix.size(); k++) {
                int i = needPrefix.get(k);
                double sf = 0, sp = 0;
                for (float v : fullLp.get(i)) sf += v;
                for (float v : preLp.get(k)) sp += v;
                out.set(i, new Score(sf - sp, fullLp.get(i).length - preLp.get(k).length));
            }
        }
        return out;
    }

    /** Per-token log-probabilities for tokens 1..L-1 of each sequence, with windowing for long sequences. */
    List<float[]> tokenLogProbs(List<int[]> sequences) {
        int ctx = model.contextLength();
        List<int[]> windows = new ArrayList<>();
        List<int[]> plan = new ArrayList<>(); // per window: sequence index, window begin, first scored position
        for (int s = 0; s < sequences.size(); s++) {
            int[] seq = sequences.get(s);
            if (seq.length <= ctx) {
                windows.add(seq);
                plan.add(new int[]{s, 0, 1});
                continue;
            }
            int stride = Math.max(1, ctx / 2);
            int scoredUpTo = 1; // next position to score
            for (int begin = 0; scoredUpTo < seq.length; begin += stride) {
                int end = Math.min(seq.length, begin + ctx);
                windows.add(Arrays.copyOfRange(seq, begin, end));
                plan.add(new int[]{s, begin, scoredUpTo});
                scoredUpTo = end;
            }
        }
        List<float[]> lps = new ArrayList<>(windows.size());
        for (int from = 0; from < windows.size(); from += batchSize) {
            List<int[]> batch = windows.subList(from, Math.min(windows.size(), from + batchSize));
            List<float[]> got = model.nextTokenLogProbs(batch);
            if (got.size() != batch.size()) throw new IllegalStateException(model.describe() + ": nextTokenLogProbs returned " + got.size() + " rows for " + batch.size() + " windows");
            lps.addAll(got);
        }
        float[][] out = new float[sequences.size()][];
        for (int s = 0; s < sequences.size(); s++) out[s] = new float[Math.max(0, sequences.get(s).length - 1)];
        for (int w = 0; w < windows.size(); w++) {
            int s = plan.get(w)[0], begin = plan.get(w)[1], first = plan.get(w)[2];
            float[] lp = lps.get(w);
            int len = windows.get(w).length;
            if (lp.length != len - 1) throw new IllegalStateException(model.describe() + ": expected " + (len - 1) + " log-probs for a window of " + len + ", got " + lp.length);
            for (int t = Math.max(first, begin + 1); t < begin + len; t++) out[s][t - 1] = lp[t - begin - 1];
        }
        return Arrays.asList(out);
    }
}
