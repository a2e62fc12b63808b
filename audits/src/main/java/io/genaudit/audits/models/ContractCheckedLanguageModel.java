package io.genaudit.audits.models;

import io.genaudit.engine.InputException;
import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.engine.lm.SamplingSettings;
import io.genaudit.engine.lm.Tokenizer;

import java.util.List;
import java.util.Locale;

/**
 * A language model whose scores are checked against the contract on every call: each next-token log-probability
 * must be finite and at most 0 (a NaN or infinite logit breaks it). A violation is an input error naming the model,
 * never a wrong perplexity or an internal error further down.
 */
public final class ContractCheckedLanguageModel implements LanguageModel {
    /** Log-probabilities may exceed 0 by this much (float rounding of a log-softmax). */
    static final float ROUNDING = 1e-4f;
    private final String name;
    private final LanguageModel inner;

    /** Wraps {@code inner}; {@code name} (model id or file) names it in errors. Already-wrapped models are returned as they are. */
    public static LanguageModel wrap(String name, LanguageModel inner) {
        return inner instanceof ContractCheckedLanguageModel ? inner : new ContractCheckedLanguageModel(name, inner);
    }

    private ContractCheckedLanguageModel(String name, LanguageModel inner) {
        this.name = name;
        this.inner = inner;
    }

    @Override
    public int contextLength() {
        return inner.contextLength();
    }

    @Override
    public int vocabSize() {
        return inner.vocabSize();
    }

    @Override
    public Tokenizer tokenizer() {
        return inner.tokenizer();
    }

    @Override
    public List<float[]> nextTokenLogProbs(List<int[]> windows) {
        List<float[]> out = inner.nextTokenLogProbs(windows);
        for (int w = 0; w < out.size(); w++) {
            float[] lp = out.get(w);
            for (int t = 0; t < lp.length; t++) {
                if (!Float.isFinite(lp[t]) || lp[t] > ROUNDING) {
                    throw new InputException("model " + name, String.format(Locale.ROOT,
                            "contract violated: next-token log-probability %s at window %d, position %d (%s); the model's logits"
                                    + " must be finite numbers", lp[t], w, t + 1, inner.describe()));
                }
            }
        }
        return out;
    }

    @Override
    public int[] generate(int[] prompt, SamplingSettings settings, long seed) {
        return inner.generate(prompt, settings, seed);
    }

    @Override
    public String describe() {
        return inner.describe();
    }

    @Override
    public void close() {
        inner.close();
    }
}
