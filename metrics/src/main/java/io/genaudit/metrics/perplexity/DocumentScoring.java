package io.genaudit.metrics.perplexity;

import io.genaudit.engine.Progress;
import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.metrics.contract.ParamException;
import io.genaudit.values.DocumentScore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a language model scores documents for perplexity, resolved against the model: the window method
 * ({@code sliding}: the Hugging Face recipe; {@code rolling}: lm-evaluation-harness's loglikelihood_rolling), the
 * window length and stride, the prefix token and the batch. The plan and command-line input adapters both build it
 * from their options, so they check the same things with the same messages; a bad option is a
 * {@link ParamException} naming its plan key ({@code maxLength}, {@code stride}, {@code prefixToken} ...).
 */
public final class DocumentScoring {
    private final LanguageModel model;
    private final String method;
    private final int maxLength;
    private final int stride;
    private final int prefix;
    private final String prefixSetting;
    private final int batch;
    private final WindowPlan plan;

    /**
     * The scoring options as given (null: not given).
     *
     * @param method         sliding (default) or rolling
     * @param maxLength      window length (default: the model's context length)
     * @param stride         sliding stride (default: half the window)
     * @param nonOverlapping sliding with stride = window length
     * @param prefixToken    auto (default), none or a token id
     * @param batch          windows per forward pass (default 8)
     */
    public record Options(String method, Integer maxLength, Integer stride, Boolean nonOverlapping, String prefixToken, Integer batch) {
        /** Default windows per forward pass. */
        public static final int DEFAULT_BATCH = 8;
    }

    private DocumentScoring(LanguageModel model, String method, int maxLength, int stride, int prefix, String prefixSetting, int batch) {
        this.model = model;
        this.method = method;
        this.maxLength = maxLength;
        this.stride = stride;
        this.prefix = prefix;
        this.prefixSetting = prefixSetting;
        this.batch = batch;
        this.plan = rolling() ? new RollingWindowPlan(maxLength) : new SlidingWindowPlan(maxLength, stride);
    }

    /** Checks {@code o} against {@code model} and fills in the defaults. */
    public static DocumentScoring resolve(Options o, LanguageModel model) {
        String method = o.method() == null ? "sliding" : o.method();
        if (!method.equals("sliding") && !method.equals("rolling")) {
            throw new ParamException("method", "sliding or rolling expected, got '" + method + "'");
        }
        boolean rolling = method.equals("rolling");
        if (rolling && o.stride() != null) throw new ParamException("stride", "applies to method sliding only (rolling windows are disjoint)");
        if (rolling && o.nonOverlapping() != null) {
            throw new ParamException("nonOverlapping", "applies to method sliding only (rolling windows are disjoint)");
        }
        int len = o.maxLength() != null ? o.maxLength() : model.contextLength();
        if (len < 2 || len > model.contextLength()) {
            throw new ParamException("maxLength", "between 2 and the model's context length " + model.contextLength() + " expected, got " + len);
        }
        boolean disjoint = rolling || Boolean.TRUE.equals(o.nonOverlapping());
        int stride = disjoint ? len : o.stride() != null ? o.stride() : Math.max(1, len / 2);
        if (stride < 1 || stride > len) throw new ParamException("stride", "between 1 and the window length " + len + " expected, got " + stride);
        int batch = o.batch() == null ? Options.DEFAULT_BATCH : o.batch();
        if (batch < 1) throw new ParamException("batch", "a positive integer expected, got " + batch);
        PrefixToken prefix;
        try {
            prefix = PrefixToken.parse(o.prefixToken());
        } catch (IllegalArgumentException e) {
            throw new ParamException("prefixToken", e.getMessage());
        }
        WindowPlan probe = rolling ? new RollingWindowPlan(len) : new SlidingWindowPlan(len, stride);
        int prefixId = prefix.resolve(probe, model.tokenizer());
        if (prefixId >= model.vocabSize()) {
            throw new ParamException("prefixToken", "a token id below the vocabulary size " + model.vocabSize() + " expected, got " + prefixId);
        }
        return new DocumentScoring(model, method, len, stride, prefixId, prefix.spec(), batch);
    }

    private boolean rolling() {
        return method.equals("rolling");
    }

    /** Every document's score, in corpus order (index 0, 1, ...). Progress counts scored tokens. */
    public List<DocumentScore> score(List<TextDocument> documents, Progress.Factory progress) {
        return scorer().scoreDocuments(documents, progress);
    }

    /** The scorer these options make (windows, prefix token, batch), for callers that send the windows themselves. */
    public RollingLogLikelihood scorer() {
        return new RollingLogLikelihood(model, plan, batch, prefix);
    }

    /** The settings that change the numbers, for the result's settings. */
    public Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("method", method);
        s.put("prefix_token", prefix < 0 ? null : prefix);
        s.put("prefix_token_setting", prefixSetting);
        s.put("max_length", maxLength);
        if (!rolling()) {
            s.put("stride", stride);
            s.put("non_overlapping", stride == maxLength);
        }
        s.put("batch", batch);
        s.put("tokenizer", model.tokenizer().name());
        s.put("model_context_length", model.contextLength());
        return s;
    }

    /** What the windows and the prefix token mean for these counts of scored tokens and documents. */
    public List<String> notes(long tokens, int documents) {
        List<String> notes = new ArrayList<>();
        notes.add(rolling()
                ? String.format(Locale.ROOT, "lm-evaluation-harness loglikelihood_rolling: scored %d tokens in %d documents "
                        + "in disjoint windows of up to %d tokens (each later window conditioned on the %d tokens before its last target).",
                tokens, documents, maxLength, maxLength)
                : String.format(Locale.ROOT, "Hugging Face sliding window: scored %d tokens in %d documents with windows of %d tokens, "
                        + "stride %d; each token is scored once, conditioned on the tokens before it in its window.", tokens, documents, maxLength, stride));
        notes.add(prefix < 0
                ? "No prefix token: the first token of each document is not scored (its bytes and words still count in bits per byte and word perplexity)."
                : "Each document is preceded by token " + prefix + ", so its first token is scored too.");
        return notes;
    }
}
