package io.genaudit.audits.modules;

import io.genaudit.audits.AuditContext;
import io.genaudit.audits.AuditSpec;
import io.genaudit.audits.DatasetRef;
import io.genaudit.audits.Params;
import io.genaudit.audits.metric.InputAdapter;
import io.genaudit.audits.metric.InputFeed;
import io.genaudit.audits.PlanException;
import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.metrics.contract.ParamException;
import io.genaudit.metrics.perplexity.DocumentScoring;
import io.genaudit.metrics.perplexity.TextDocuments;
import io.genaudit.values.DocumentScore;

import java.util.Set;

/**
 * Plan inputs of the per-document language-model metrics ({@code perplexity}): the audited language model
 * ({@code model:}) scores the corpus named by {@code data:} (a folder of {@code .txt} files, one document each, or
 * one file, one document per paragraph) with the scoring options {@code method}, {@code maxLength}, {@code stride},
 * {@code nonOverlapping}, {@code prefixToken} and {@code batch} ({@link DocumentScoring}).
 */
public final class DocumentScoreInputs implements InputAdapter<DocumentScore> {
    @Override
    public Set<String> planParameters() {
        return Set.of("method", "prefixToken", "maxLength", "stride", "nonOverlapping", "batch");
    }

    @Override
    public InputFeed<DocumentScore> open(AuditContext ctx, AuditSpec spec) {
        LanguageModel lm = ctx.languageModel(spec.model());
        DocumentScoring scoring = scoring(spec, lm);
        DatasetRef data = ctx.dataset(spec.dataset());
        return new DocumentScoreFeed(scoring, TextDocuments.readNamed(data.path()), spec.model(), data.id(),
                () -> ctx.phase(spec.id(), "evaluate", spec.model()), ctx.progress(), null);
    }

    /** The scoring options of a plan entry, checked against the model; a bad one names its plan field. */
    public static DocumentScoring scoring(AuditSpec spec, LanguageModel lm) {
        Params p = spec.params();
        try {
            return DocumentScoring.resolve(options(spec), lm);
        } catch (ParamException e) {
            throw new PlanException(spec.planFile(), p.prefix() + "." + e.parameter(), e.getMessage());
        }
    }

    /** The scoring options of a plan entry as given (null: not given); genaudit-spark sends them to its executors. */
    public static DocumentScoring.Options options(AuditSpec spec) {
        Params p = spec.params();
        return new DocumentScoring.Options(p.stringParam("method", null),
                p.has("maxLength") ? p.intParam("maxLength", 0) : null, p.has("stride") ? p.intParam("stride", 0) : null,
                p.has("nonOverlapping") ? p.boolParam("nonOverlapping", false) : null,
                p.has("prefixToken") ? String.valueOf(p.values().get("prefixToken")) : null,
                p.has("batch") ? p.intParam("batch", 0) : null);
    }
}
