package io.genaudit.metrics.perplexity;

import io.genaudit.engine.InputException;
import io.genaudit.engine.Progress;
import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.engine.lm.Tokenizer;
import io.genaudit.values.DocumentScore;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores whole documents with a language model through a {@link WindowPlan}: tokenizes each document (after a prefix
 * token, when there is one), sends the windows in batches of {@code batch} windows through
 * {@link LanguageModel#nextTokenLogProbs}, and sums the negative log-likelihood of every target exactly once.
 */
public final class RollingLogLikelihood {
    private final LanguageModel model;
    private final WindowPlan plan;
    private final int batch;
    private final int prefix;

    /** With the plan's {@code auto} prefix token ({@link WindowPlan#autoPrefix}). */
    public RollingLogLikelihood(LanguageModel model, WindowPlan plan, int batch) {
        this(model, plan, batch, plan.autoPrefix(model.tokenizer()));
    }

    /** With {@code prefix} (a token id, or -1 for none) before every document. */
    public RollingLogLikelihood(LanguageModel model, WindowPlan plan, int batch, int prefix) {
        if (prefix >= model.vocabSize()) {
            throw new InputException(model.describe(), "prefix token " + prefix + " outside the vocabulary 0.." + (model.vocabSize() - 1));
        }
        if (batch < 1) throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        if (plan.contextLength() > model.contextLength()) {
            throw new InputException(model.describe(), "window length " + plan.contextLength()
                    + " exceeds the model's context length " + model.contextLength());
        }
        this.model = model;
        this.plan = plan;
        this.batch = batch;
        this.prefix = prefix;
    }

    /** The token ids a document is scored on: its encoding, after the BOS id when the tokenizer adds one. */
    public static int[] tokens(Tokenizer tokenizer, String doc) {
        return tokens(tokenizer, doc, tokenizer.bosId());
    }

    /** The token ids a document is scored on: its encoding, after {@code bos} unless it is -1. */
    public static int[] tokens(Tokenizer tokenizer, String doc, int bos) {
        int[] ids = tokenizer.encode(doc);
        if (bos < 0) return ids;
        int[] out = new int[ids.length + 1];
        out[0] = bos;
        System.arraycopy(ids, 0, out, 1, ids.length);
        return out;
    }

    /** Scores every document (named #1, #2, ...); the result is in document order. Progress counts scored tokens. */
    public List<DocumentScore> score(List<String> documents, Progress.Factory progress) {
        return scoreDocuments(TextDocument.numbered(documents), progress);
    }

    /** Scores every named document; the result is in document order, indexed 0, 1, ... Progress counts scored tokens. */
    public List<DocumentScore> scoreDocuments(List<TextDocument> documents, Progress.Factory progress) {
        int[][] ids = new int[documents.size()][];
        long total = 0;
        for (int d = 0; d < ids.length; d++) {
            ids[d] = tokens(model.tokenizer(), documents.get(d).text(), prefix);
            total += plan.scoredTokens(ids[d].length);
        }
        double[] nll = new double[ids.length];
        long[] counted = new long[ids.length];
        List<Pending> pending = new ArrayList<>(batch);
        try (Progress p = progress.start("perplexity", total, "tokens")) {
            for (int d = 0; d < ids.length; d++) {
                for (SlidingWindowPlan.Window w : plan.windows(ids[d].length)) {
                    pending.add(new Pending(d, w));
                    if (pending.size() == batch) flush(pending, ids, nll, counted, p);
                }
            }
            flush(pending, ids, nll, counted, p);
        }
        List<DocumentScore> out = new ArrayList<>(ids.length);
        for (int d = 0; d < ids.length; d++) {
            TextDocument doc = documents.get(d);
            out.add(new DocumentScore(d, doc.id(), nll[d], counted[d], TextCounts.bytes(doc.text()), TextCounts.words(doc.text())));
        }
        return out;
    }

    private record Pending(int doc, SlidingWindowPlan.Window window) {
    }

    private void flush(List<Pending> pending, int[][] ids, double[] nll, long[] counted, Progress p) {
        if (pending.isEmpty()) return;
        List<int[]> windows = new ArrayList<>(pending.size());
        for (Pending q : pending) {
            SlidingWindowPlan.Window w = q.window();
            int[] win = new int[w.length()];
            System.arraycopy(ids[q.doc()], w.begin(), win, 0, w.length());
            windows.add(win);
        }
        List<float[]> logProbs = model.nextTokenLogProbs(windows);
        if (logProbs.size() != windows.size()) {
            throw new IllegalStateException(model.describe() + ": " + windows.size() + " windows in, " + logProbs.size() + " results out");
        }
        long scored = 0;
        for (int i = 0; i < pending.size(); i++) {
            Pending q = pending.get(i);
            SlidingWindowPlan.Window w = q.window();
            float[] lp = logProbs.get(i);
            if (lp.length != w.length() - 1) {
                throw new IllegalStateException(model.describe() + ": window of " + w.length() + " tokens gave "
                        + lp.length + " log-probabilities, expected " + (w.length() - 1));
            }
            double s = 0;
            for (int t = w.firstTarget(); t < w.end(); t++) s -= lp[w.logProbIndex(t)];
            nll[q.doc()] += s;
            counted[q.doc()] += w.targets();
            scored += w.targets();
        }
        p.step(scored);
        pending.clear();
    }
}
