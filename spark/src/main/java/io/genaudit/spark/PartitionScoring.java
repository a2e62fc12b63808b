package io.genaudit.spark;

import io.genaudit.engine.Progress;
import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.metrics.perplexity.DocumentScoring;
import io.genaudit.metrics.perplexity.TextDocument;
import io.genaudit.values.DocumentScore;
import org.apache.spark.api.java.function.Function2;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Scores one partition of a text table on an executor: borrows a language model from the JVM's
 * {@link LanguageModelPool} for the whole partition, resolves the plan's scoring options against it exactly as the
 * single-machine input adapter does ({@link DocumentScoring}: windows, prefix token, batch), scores each block of
 * documents with the engine's own scorer, and renumbers the scores to their corpus positions (the partition's first
 * position, from {@code offsets}, plus the position inside it), so the merged state is the single-machine corpus.
 *
 * @param model   the model to borrow
 * @param options the scoring options ({@link DocumentScoring.Options}) as a {@link ParamsCarrier}
 * @param offsets corpus position of each partition's first document
 */
record PartitionScoring(LmSource model, ParamsCarrier options, long[] offsets)
        implements Function2<Integer, Iterator<TextBlock>, Iterator<DocumentScore>> {

    @Override
    public Iterator<DocumentScore> call(Integer partition, Iterator<TextBlock> blocks) {
        List<DocumentScore> out = new ArrayList<>();
        if (!blocks.hasNext()) return out.iterator();
        LanguageModel lm = LanguageModelPool.borrow(model);
        try {
            DocumentScoring scoring = DocumentScoring.resolve((DocumentScoring.Options) options.params(), lm);
            long next = offsets[partition];
            while (blocks.hasNext()) {
                TextBlock b = blocks.next();
                List<TextDocument> docs = new ArrayList<>(b.docIds().size());
                for (int i = 0; i < b.docIds().size(); i++) docs.add(new TextDocument(b.docIds().get(i), b.texts().get(i)));
                for (DocumentScore d : scoring.score(docs, Progress.SILENT)) {
                    out.add(new DocumentScore(next + d.index(), d.id(), d.nllNats(), d.tokens(), d.bytes(), d.words()));
                }
                next += docs.size();
            }
        } finally {
            LanguageModelPool.release(model, lm);
        }
        return out.iterator();
    }
}
