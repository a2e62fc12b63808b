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
            ids[d] = ids(documents.get(d).text());
            total += plan.scoredTokens(ids[d].length);
        }
        double[] nll = new double[ids.length];
        long[] counted = new long[ids.length];
        List<int[]> pendingIds = new ArrayList<>(batch);
        List<SlidingWindowPlan.Window> pendingWindows = new ArrayList<>(batch);
        List<Integer> pendingDocs = new ArrayList<>(batch);
        try (Progress p = progress.start("perplexity", total, "tokens")) {
            for (int d = 0; d < ids.length; d++) {
                for (SlidingWindowPlan.Window w : windows(ids[d].length)) {
                    pendingIds.add(windowIds(ids[d], w));
                    pendingWindows.add(w);
                    pendingDocs.add(d);
                    if (pendingIds.size() == batch) flush(pendingIds, pendingWindows, pendingDocs, nll, counted, p);
                }
            }
            flush(pendingIds, pendingWindows, pendingDocs, nll, counted, p);
        }
        List<DocumentScore> out = new ArrayList<>(ids.length);
        for (int d = 0; d < ids.length; d++) {
            TextDocument doc = documents.get(d);
            out.add(new DocumentScore(d, doc.id(), nll[d], counted[d], TextCounts.bytes(doc.text()), TextCounts.words(doc.text())));
        }
        return out;
    }

    /** The token ids a document's text is scored on (after the prefix token, when there is one). */
    public int[] ids(String text) {
        return tokens(model.tokenizer(), text, prefix);
    }

    /** The windows of a document of {@code length} ids, in scoring order. */
    public List<SlidingWindowPlan.Window> windows(int length) {
        return plan.windows(length);
    }

    /** Windows per model call: the scorer cuts the corpus's windows, in document order, into runs of this many. */
    public int batch() {
        return batch;
    }

    /** The ids of window {@code w} of a document. */
    public static int[] windowIds(int[] documentIds, SlidingWindowPlan.Window w) {
        int[] win = new int[w.length()];
        System.arraycopy(documentIds, w.begin(), win, 0, w.length());
        return win;
    }

    /**
     * One model call: the summed negative log-likelihood of the targets of each window ({@code ids.get(i)} holds the
     * ids of {@code windows.get(i)}). The scorer sends runs of {@link #batch()} windows; a caller that wants the same
     * numbers (genaudit-spark) sends the same runs.
     */
    public double[] scoreBatch(List<int[]> ids, List<SlidingWindowPlan.Window> windows) {
        List<float[]> logProbs = model.nextTokenLogProbs(ids);
        if (logProbs.size() != ids.size()) {
            throw new IllegalStateException(model.describe() + ": " + ids.size() + " windows in, " + logProbs.size() + " results out");
        }
        double[] out = new double[ids.size()];
        for (int i = 0; i < out.length; i++) {
            SlidingWindowPlan.Window w = windows.get(i);
            float[] lp = logProbs.get(i);
            if (lp.length != w.length() - 1) {
                throw new IllegalStateException(model.describe() + ": window of " + w.length() + " tokens gave "
                        + lp.length + " log-probabilities, expected " + (w.length() - 1));
            }
            double s = 0;
            for (int t = w.firstTarget(); t < w.end(); t++) s -= lp[w.logProbIndex(t)];
            out[i] = s;
        }
        return out;
    }

    private void flush(List<int[]> ids, List<SlidingWindowPlan.Window> windows, List<Integer> docs, double[] nll, long[] counted, Progress p) {
        if (ids.isEmpty()) return;
        double[] s = scoreBatch(ids, windows);
        long scored = 0;
        for (int i = 0; i < s.length; i++) {
            nll[docs.get(i)] += s[i];
            counted[docs.get(i)] += windows.get(i).targets();
            scored += windows.get(i).targets();
        }
        p.step(scored);
        ids.clear();
        windows.clear();
        docs.clear();
    }
}
