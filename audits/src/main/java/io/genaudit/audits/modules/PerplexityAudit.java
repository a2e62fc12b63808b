package io.genaudit.audits.modules;

import io.genaudit.audits.AuditContext;
import io.genaudit.audits.AuditModule;
import io.genaudit.audits.AuditSpec;
import io.genaudit.audits.DatasetRef;
import io.genaudit.audits.Params;
import io.genaudit.audits.plan.PlanException;
import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.metrics.perplexity.DocumentScore;
import io.genaudit.metrics.perplexity.PerplexityEvaluation;
import io.genaudit.metrics.perplexity.PerplexityResult;
import io.genaudit.metrics.perplexity.PrefixToken;
import io.genaudit.metrics.perplexity.RollingWindowPlan;
import io.genaudit.metrics.perplexity.WindowPlan;
import io.genaudit.metrics.perplexity.SlidingWindowPlan;
import io.genaudit.metrics.perplexity.TextDocuments;
import io.genaudit.metrics.stats.Bootstrap;
import io.genaudit.reports.AuditResult;
import io.genaudit.reports.Chart;
import io.genaudit.values.Interval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code metric: perplexity}: token perplexity of a language model on held-out text with the Hugging Face sliding
 * window ({@code method: sliding}, default) or lm-evaluation-harness's rolling loglikelihood ({@code method: rolling};
 * {@code prefixToken: auto|none|ID}), plus lm-evaluation-harness's word perplexity, byte perplexity and bits per byte (gateable), a bootstrap
 * interval over documents and the per-document distribution. Data: a folder of {@code .txt} files (one document
 * each) or one file (one document per blank-line separated paragraph, or per line when it has no blank line).
 */
public final class PerplexityAudit implements AuditModule {
    @Override
    public Boolean higherIsBetter() {
        return false;
    }

    @Override
    public String metric() {
        return "perplexity";
    }

    @Override
    public Set<String> parameters() {
        return Set.of("method", "prefixToken", "maxLength", "stride", "nonOverlapping", "batch", "bootstrap", "level");
    }

    @Override
    public Set<String> gateFields() {
        return Set.of("bits_per_byte", "word_perplexity", "byte_perplexity");
    }

    @Override
    public List<AuditResult> run(AuditContext ctx, AuditSpec spec) {
        Params p = spec.params();
        String modelId = spec.model();
        LanguageModel lm = ctx.languageModel(modelId);
        DatasetRef data = ctx.dataset(spec.dataset());
        int maxLength = p.intParam("maxLength", lm.contextLength());
        if (maxLength < 2 || maxLength > lm.contextLength()) {
            throw new PlanException(spec.planFile(), p.prefix() + ".maxLength",
                    "between 2 and the model's context length " + lm.contextLength() + " expected, got " + maxLength);
        }
        String method = p.choiceParam("method", "sliding", "sliding", "rolling");
        boolean rolling = method.equals("rolling");
        if (rolling && (p.has("stride") || p.has("nonOverlapping"))) {
            throw new PlanException(spec.planFile(), p.prefix() + (p.has("stride") ? ".stride" : ".nonOverlapping"),
                    "applies to method sliding only (rolling windows are disjoint)");
        }
        boolean nonOverlapping = rolling || p.boolParam("nonOverlapping", false);
        int stride = nonOverlapping ? maxLength : p.intParam("stride", Math.max(1, maxLength / 2));
        if (stride < 1 || stride > maxLength) {
            throw new PlanException(spec.planFile(), p.prefix() + ".stride", "between 1 and maxLength " + maxLength + " expected, got " + stride);
        }
        WindowPlan plan = rolling ? new RollingWindowPlan(maxLength) : new SlidingWindowPlan(maxLength, stride);
        Object prefixSetting = p.values().get("prefixToken");
        int prefix;
        try {
            prefix = PrefixToken.parse(prefixSetting == null ? null : String.valueOf(prefixSetting)).resolve(plan, lm.tokenizer());
        } catch (IllegalArgumentException e) {
            throw new PlanException(spec.planFile(), p.prefix() + ".prefixToken", e.getMessage());
        }
        if (prefix >= lm.vocabSize()) {
            throw new PlanException(spec.planFile(), p.prefix() + ".prefixToken", "a token id below the vocabulary size " + lm.vocabSize() + " expected, got " + prefix);
        }
        int batch = CheckedParams.positiveInt(p, spec.planFile(), "batch", 8);
        int resamples = CheckedParams.bootstrap(p, spec.planFile(), 1000, true);
        double level = CheckedParams.level(p, spec.planFile());

        List<String> docs = TextDocuments.read(data.path());
        PerplexityEvaluation ev;
        try (AuditContext.Phase ph = ctx.phase(spec.id(), "evaluate", modelId)) {
            ev = PerplexityEvaluation.run(lm, docs, plan, prefix, batch, resamples == 0 ? null : new Bootstrap(resamples, ctx.seed()),
                    level, ctx.progress());
            ph.units("tokens", ev.result().tokens());
        }
        PerplexityResult r = ev.result();

        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("method", method);
        settings.put("prefix_token", prefix < 0 ? null : prefix);
        settings.put("max_length", maxLength);
        if (!rolling) {
            settings.put("stride", stride);
            settings.put("non_overlapping", nonOverlapping);
        }
        settings.put("batch", batch);
        settings.put("tokenizer", lm.tokenizer().name());

        settings.put("model_context_length", lm.contextLength());
        settings.put("bootstrap_resamples", resamples);
        settings.put("seed", ctx.seed());

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("tokens", r.tokens());
        details.put("documents", r.documents());
        details.put("bytes", r.bytes());
        details.put("words", r.words());
        details.put("nll_nats", r.nllNats());
        details.put("nll_per_token_nats", r.nllNats() / r.tokens());
        details.put("bits_per_byte", r.bitsPerByte());
        details.put("word_perplexity", r.wordPerplexity());
        details.put("byte_perplexity", r.bytePerplexity());
        List<Object> perDoc = new ArrayList<>();
        for (DocumentScore d : ev.documents()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("tokens", d.tokens());
            m.put("nll_nats", d.nllNats());
            m.put("perplexity", d.tokens() == 0 ? null : d.tokenPerplexity());
            perDoc.add(m);
        }
        details.put("per_document", perDoc);

        List<String> notes = new ArrayList<>();
        notes.add(rolling
                ? String.format(java.util.Locale.ROOT, "lm-evaluation-harness loglikelihood_rolling: scored %d tokens in %d documents "
                        + "in disjoint windows of up to %d tokens (each later window conditioned on the %d tokens before its last target).",
                r.tokens(), r.documents(), maxLength, maxLength)
                : String.format(java.util.Locale.ROOT,
                "Hugging Face sliding window: scored %d tokens in %d documents with windows of %d tokens, stride %d; each token is "
                        + "scored once, conditioned on the tokens before it in its window.", r.tokens(), r.documents(), maxLength, stride));
        if (prefix < 0) {
            notes.add("No prefix token: the first token of each document is not scored "
                    + "(its bytes and words still count in bits per byte and word perplexity).");
        } else {
            notes.add("Each document is preceded by token " + prefix + ", so its first token is scored too.");
        }
        notes.add("Perplexities are only comparable between models with the same tokenizer; bits per byte and word "
                + "perplexity are tokenizer-independent (lm-evaluation-harness definitions).");
        if (ev.ci() == null) notes.add("No confidence interval: it needs at least two documents and bootstrap > 0.");

        Interval ci = ev.ci();
        Chart hist = new Chart(Chart.Type.HISTOGRAM, "Per-document perplexity", "token perplexity", "documents", null,
                List.of(Chart.Series.of("documents", null, ev.perDocumentPerplexity())));
        return List.of(new AuditResult(spec.id(), metric(), modelId, data.id(), r.tokenPerplexity(), null, ci, r.tokens(),
                settings, null, details, List.of(hist), null, null, notes));
    }
}
