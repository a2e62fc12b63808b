package io.genaudit.engine.lm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The scoring and generation logic every {@link LanguageModel} here shares, written once over a single primitive:
 * logits for a right-padded batch of token ids. Causal models ignore the padding on the right, so padded windows
 * score exactly like unpadded ones.
 */
public abstract class AbstractLanguageModel implements LanguageModel {
    /** Upper bound on batch * length * vocabulary floats per forward pass. */
    private static final long MAX_BATCH_FLOATS = 8L << 20;

    /**
     * Logits for {@code batch} sequences of {@code length} ids ({@code ids} row-major, int64 semantics), returned
     * flat as [batch][length][vocabSize].
     */
    protected abstract float[] logits(long[] ids, int batch, int length);

    /** Largest batch for one forward pass (implementations may lower it). */
    protected int maxBatch() {
        return 32;
    }

    @Override
    public synchronized List<float[]> nextTokenLogProbs(List<int[]> windows) {
        int v = vocabSize();
        List<float[]> out = new ArrayList<>(windows.size());
        int i = 0;
        while (i < windows.size()) {
            int maxLen = 0, j = i;
            while (j < windows.size() && j - i < maxBatch()) {
                int len = windows.get(j).length;
                if (len > contextLength() + 1) {
                    throw new IllegalArgumentException("window " + j + " has " + len + " tokens, more than the context length "
                            + contextLength() + " + 1 (the last token is only a target)");
                }
                int newMax = Math.max(maxLen, len);
                if (j > i && (long) (j - i + 1) * newMax * v > MAX_BATCH_FLOATS) break;
                maxLen = newMax;
                j++;
            }
            int b = j - i;
            int len = Math.max(1, maxLen);
            long[] ids = new long[b * len];
            int[] lengths = new int[b];
            for (int r = 0; r < b; r++) {
                int[] w = windows.get(i + r);
                lengths[r] = w.length;
                for (int t = 0; t < w.length; t++) {
                    if (w[t] < 0 || w[t] >= v) throw new IllegalArgumentException("token id " + w[t] + " outside the vocabulary 0.." + (v - 1));
                    ids[r * len + t] = w[t];
                }
            }
            float[] batchLogProbs = len < 2 ? new float[0] : targetLogProbs(ids, lengths, b, len);
            for (int r = 0; r < b; r++) {
                int n = Math.max(0, windows.get(i + r).length - 1);
                out.add(Arrays.copyOfRange(batchLogProbs, r * (len - 1), r * (len - 1) + n));
            }
            i = j;
        }
        return out;
    }

    /**
     * {@link #targetLogProbs(long[], int, int)} told each row's real length ({@code lengths}), so that models that take
     * an attention mask can be given one; the default ignores the lengths (causal models need no mask for right
     * padding).
     */
    protected float[] targetLogProbs(long[] ids, int[] lengths, int batch, int length) {
        return targetLogProbs(ids, batch, length);
    }

    /**
     * Natural-log probability of every next token of a right-padded batch ({@code ids} as for {@link #logits}, length
     * >= 2), flat as [batch][length - 1]: entry t-1 of row r is log p(ids[r][t] | ids[r][0..t-1]), computed in double
     * and rounded to float. The model is fed the first {@code length - 1} positions (the last token is only a target),
     * so a window may be one token longer than the context. This default takes the full logits to Java; engines that
     * can do the log-softmax and the gather where the logits live override it and copy back only these values.
     */
    protected float[] targetLogProbs(long[] ids, int batch, int length) {
        int v = vocabSize(), fed = length - 1;
        long[] in = new long[batch * fed];
        for (int r = 0; r < batch; r++) System.arraycopy(ids, r * length, in, r * fed, fed);
        float[] logits = logits(in, batch, fed);
        float[] lp = new float[batch * (length - 1)];
        for (int r = 0; r < batch; r++) {
            for (int t = 1; t < length; t++) {
                int off = (r * fed + t - 1) * v;
                lp[r * (length - 1) + t - 1] = (float) (logits[off + (int) ids[r * length + t]] - logSumExp(logits, off, v));
            }
        }
        return lp;
    }

    static double logSumExp(float[] x, int off, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) max = Math.max(max, x[off + k]);
        double s = 0;
        for (int k = 0; k < n; k++) s += Math.exp(x[off + k] - max);
        return max + Math.log(s);
    }

    /** Generates with the model's key/value cache when it has one ({@link #newCachedDecoder()}). */
    @Override
    public int[] generate(int[] prompt, SamplingSettings settings, long seed) {
        return generate(prompt, settings, seed, true);
    }

    /**
     * Generates with ({@code cached}) or without the key/value cache; both give the same tokens (the uncached path
     * re-runs the whole window for every token and is the reference the cache is tested and benchmarked against).
     */
    public synchronized int[] generate(int[] prompt, SamplingSettings settings, long seed, boolean cached) {
        try (TokenDecoder decoder = cached ? newCachedDecoder() : new RecomputingDecoder(this)) {
            return TokenGeneration.run(decoder, tokenizer(), contextLength(), tokenizer().eosId(), prompt, settings, seed);
        }
    }

    /** A decoder that caches keys and values; models without a cache re-run the window ({@link RecomputingDecoder}). */
    protected TokenDecoder newCachedDecoder() {
        return new RecomputingDecoder(this);
    }
}
