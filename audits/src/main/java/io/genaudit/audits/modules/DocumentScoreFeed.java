package io.genaudit.audits.modules;

import io.genaudit.audits.AuditContext;
import io.genaudit.audits.metric.InputFeed;
import io.genaudit.engine.Progress;
import io.genaudit.metrics.perplexity.DocumentScoring;
import io.genaudit.metrics.perplexity.TextDocument;
import io.genaudit.values.DocumentScore;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The perplexity metric's input from a plan entry or the command line: a corpus scored by a language model, one
 * {@link DocumentScore} per document in corpus order. Scoring runs inside the given phase (energy per 1000 tokens);
 * the window notes name the counts actually scored.
 */
public final class DocumentScoreFeed extends DescribedFeed<DocumentScore> {
    private final DocumentScoring scoring;
    private final List<TextDocument> documents;
    private final Supplier<AuditContext.Phase> phase;
    private final Progress.Factory progress;
    private final AutoCloseable model;
    private long tokens;

    /**
     * @param subject the model (plan id or command-line SPEC)
     * @param dataset the corpus (dataset id or path)
     * @param phase   opens the phase the scoring is measured in
     * @param model   closed once the documents are scored (a model the command line opened), or null (the plan's context owns it)
     */
    public DocumentScoreFeed(DocumentScoring scoring, List<TextDocument> documents, String subject, String dataset,
                             Supplier<AuditContext.Phase> phase, Progress.Factory progress, AutoCloseable model) {
        super(subject, dataset, scoring.settings(), List.of());
        this.scoring = scoring;
        this.documents = documents;
        this.phase = phase;
        this.progress = progress;
        this.model = model;
    }

    @Override
    public void feed(Consumer<? super DocumentScore> sink) throws Exception {
        List<DocumentScore> scores;
        try (AuditContext.Phase ph = phase.get()) {
            scores = scoring.score(documents, progress);
            tokens = scores.stream().mapToLong(DocumentScore::tokens).sum();
            ph.units("tokens", tokens);
        } finally {
            if (model != null) model.close();
        }
        scores.forEach(sink);
    }

    @Override
    public List<String> notes() {
        return scoring.notes(tokens, documents.size());
    }
}
