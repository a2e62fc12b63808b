package io.genaudit.audits.modules;

import io.genaudit.audits.AuditContext;
import io.genaudit.audits.AuditModule;
import io.genaudit.audits.AuditSpec;
import io.genaudit.audits.coverage.CoverageNotes;
import io.genaudit.audits.Params;
import io.genaudit.audits.plan.PlanException;
import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.engine.lm.SamplingSettings;
import io.genaudit.engine.lm.Tokenizer;
import io.genaudit.metrics.diversity.DiversityMetrics;
import io.genaudit.metrics.diversity.DiversityResult;
import io.genaudit.metrics.diversity.TextTokens;
import io.genaudit.metrics.perplexity.TextDocuments;
import io.genaudit.reports.AuditResult;
import io.genaudit.values.Interval;
import io.genaudit.reports.Chart;
import io.genaudit.reports.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * {@code metric: diversity}: samples generations from a language model (seeded) and measures how varied they are —
 * distinct-n, n-gram entropy, self-BLEU and the Vendi score — next to the same figures on reference text cut into
 * pieces of the same token length and count, so mode collapse shows as a gap to the reference.
 * Headline value: distinct-2 of the generations; every other figure is gateable by name (reference ones prefixed
 * {@code reference_}). Distinct-n, entropy and self-BLEU carry half-sampling intervals over generations
 * ({@link io.genaudit.metrics.diversity.DiversityIntervals}).
 */
public final class DiversityAudit implements AuditModule {
    private static final List<String> FIELDS = List.of("distinct_1", "distinct_2", "distinct_3", "distinct_4",
            "self_bleu_2", "self_bleu_3", "self_bleu_4", "entropy_1", "entropy_2", "entropy_3", "entropy_4", "vendi");

    @Override
    public Boolean higherIsBetter() {
        return true;
    }

    @Override
    public String metric() {
        return "diversity";
    }

    @Override
    public Set<String> parameters() {
        return Set.of("samples", "maxNewTokens", "temperature", "topK", "topP", "promptFrom", "prompts", "promptLength",
                "referenceData", "seed", "tokenizer", "vendiMaxItems", "bootstrap");
    }

    @Override
    public Set<String> gateFields() {
        Set<String> s = new java.util.HashSet<>(FIELDS);
        for (String f : FIELDS) s.add("reference_" + f);
        return s;
    }

    @Override
    public List<AuditResult> run(AuditContext ctx, AuditSpec spec) {
        Params p = spec.params();
        String modelId = spec.model();
        LanguageModel lm = ctx.languageModel(modelId);
        Tokenizer tok = lm.tokenizer();
        int samples = p.intParam("samples", 100);
        if (samples < 2) throw new PlanException(spec.planFile(), p.prefix() + ".samples", "at least 2 expected, got " + samples);
        int maxNew = CheckedParams.positiveInt(p, spec.planFile(), "maxNewTokens", 64);
        double temperature = p.doubleParam("temperature", 1.0);
        int topK = p.intParam("topK", 0);
        double topP = p.doubleParam("topP", 1.0);
        SamplingSettings sampling;
        try {
            sampling = new SamplingSettings(maxNew, temperature, topK, topP, List.of());
        } catch (IllegalArgumentException e) {
            throw new PlanException(spec.planFile(), p.prefix(), e.getMessage());
        }
        long seed = p.longParam("seed", ctx.seed());
        TextTokens textTokens;
        try {
            textTokens = TextTokens.of(p.choiceParam("tokenizer", "whitespace", "whitespace", "bytes"));
        } catch (IllegalArgumentException e) {
            throw new PlanException(spec.planFile(), p.prefix() + ".tokenizer", e.getMessage());
        }
        int vendiMax = p.intParam("vendiMaxItems", 1000);
        int bootstrap = p.intParam("bootstrap", 1000);
        if (bootstrap != 0 && bootstrap < 10) {
            throw new PlanException(spec.planFile(), p.prefix() + ".bootstrap", "0 (no intervals) or at least 10 resamples expected, got " + bootstrap);
        }
        List<String> prompts = prompts(ctx, spec, p, tok);

        List<String> generations = new ArrayList<>(samples);
        List<String> usedPrompts = new ArrayList<>(samples);
        long generated = 0;
        try (AuditContext.Phase ph = ctx.phase(spec.id() + " sampling", "sample", modelId);
             var bar = ctx.progress().start("diversity samples", samples, "samples")) {
            SplittableRandom seeds = new SplittableRandom(seed);
            for (int i = 0; i < samples; i++) {
                String prompt = prompts.get(i % prompts.size());
                int[] ids = promptIds(tok, prompt, spec);
                int[] out = lm.generate(ids, sampling, seeds.nextLong());
                generated += out.length;
                generations.add(tok.decode(out));
                usedPrompts.add(prompt);
                bar.step(1);
            }
            ph.units("tokens", generated);
        }

        DiversityMetrics metrics = new DiversityMetrics(vendiMax, seed, bootstrap, DiversityMetrics.SELF_BLEU_CI_MAX_TEXTS);
        DiversityResult gen;
        DiversityResult ref = null;
        int refPieces = 0;
        try (AuditContext.Phase ph = ctx.phase(spec.id() + " scoring", "evaluate", modelId)) {
            gen = metrics.compute(textTokens.tokens(generations));
            String refId = p.stringParam("referenceData", null);
            if (refId != null) {
                List<String> pieces = referencePieces(TextDocuments.read(ctx.dataset(refId).path()), tok, maxNew, samples, seed);
                refPieces = pieces.size();
                if (refPieces >= 2) ref = metrics.compute(textTokens.tokens(pieces));
            }
            ph.units("texts", samples + (long) refPieces);
        }

        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("samples", samples);
        settings.put("max_new_tokens", maxNew);
        settings.put("temperature", temperature);
        settings.put("top_k", topK);
        settings.put("top_p", topP);
        settings.put("seed", seed);
        settings.put("prompts", prompts.size());
        settings.put("diversity_tokens", textTokens.label());
        settings.put("model_tokenizer", tok.name());
        settings.put("vendi_kernel", "cosine on n-gram (1..4) counts");
        settings.put("vendi_max_items", vendiMax);
        settings.put("bootstrap_resamples", bootstrap);

        Map<String, Object> details = new LinkedHashMap<>(gen.asMap());
        details.put("generated_tokens", generated);
        if (ref != null) {
            for (Map.Entry<String, Object> e : ref.asMap().entrySet()) details.put("reference_" + e.getKey(), e.getValue());
        }

        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "%d generations of %d new tokens (temperature %s, top-k %d, top-p %s, seed %d); "
                + "diversity computed on %s tokens.", samples, maxNew, temperature, topK, topP, seed, textTokens.label()));
        notes.add("Self-BLEU: each generation against all others, NLTK sentence_bleu with method1 smoothing (higher = less "
                + "diverse). Distinct-n: distinct over total n-grams. Entropy in nats. Vendi: effective number of distinct "
                + "texts under the cosine kernel on n-gram counts.");
        if (bootstrap > 0) notes.addAll(CoverageNotes.forMetric("diversity", false));
        notes.add("All these figures depend on the number and length of texts; compare only like with like.");
        if (bootstrap > 0) {
            notes.add(String.format(Locale.ROOT, "Intervals: %d bootstrap resamples of the generations (seed %d). A text drawn twice counts "
                    + "twice for distinct-n and entropy (a repeated generation) but is never scored against its own copy for self-BLEU. "
                    + "A resample holds only ~63%% distinct texts, which shifts these figures by itself, so each interval is the "
                    + "replicates' spread centred on the estimate. The Vendi score has no interval.%s", bootstrap, seed,
                    samples > DiversityMetrics.SELF_BLEU_CI_MAX_TEXTS ? " Self-BLEU intervals are left out above " + DiversityMetrics.SELF_BLEU_CI_MAX_TEXTS + " texts." : ""));
        }
        if (ref != null) {
            notes.add(String.format(Locale.ROOT, "Reference: %d pieces of %d model tokens cut from '%s', the same count and "
                    + "length as the generations.", refPieces, maxNew, p.stringParam("referenceData", null)));
        } else if (p.has("referenceData")) {
            notes.add("The reference text was too short for two pieces of " + maxNew + " tokens; no reference figures.");
        }

        List<String> cats = List.of("distinct-1", "distinct-2", "distinct-3", "distinct-4", "self-BLEU-2", "self-BLEU-3",
                "self-BLEU-4", "Vendi / n");
        List<Chart.Series> series = new ArrayList<>();
        series.add(bars("generated", gen, BAR_FIELDS));
        if (ref != null) series.add(bars("reference", ref, BAR_FIELDS));
        Chart bars = new Chart(Chart.Type.BAR, "Diversity: generations vs reference" + (bootstrap > 0 ? " (95% bootstrap intervals)" : ""),
                null, "value", cats, series);
        List<Chart.Series> ent = new ArrayList<>();
        ent.add(bars("generated", gen, ENTROPY_FIELDS));
        if (ref != null) ent.add(bars("reference", ref, ENTROPY_FIELDS));
        Chart entropy = new Chart(Chart.Type.BAR, "n-gram entropy (nats)", null, "nats",
                List.of("1-gram", "2-gram", "3-gram", "4-gram"), ent);

        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(5, generations.size()); i++) {
            rows.add(List.of(Integer.toString(i + 1), usedPrompts.get(i), generations.get(i)));
        }
        Table quotes = new Table("Sample generations", List.of("#", "prompt", "generation"), rows);

        Interval headline = gen.interval("distinct_2");
        Interval ci = headline;
        return List.of(new AuditResult(spec.id(), metric(), modelId, String.join(",", spec.data()), gen.distinct(2), null,
                ci, (long) samples, settings, null, details, List.of(bars, entropy), null, List.of(figuresTable(gen, ref), quotes), notes));
    }

    private static final List<String> BAR_FIELDS = List.of("distinct_1", "distinct_2", "distinct_3", "distinct_4",
            "self_bleu_2", "self_bleu_3", "self_bleu_4", "vendi_per_text");
    private static final List<String> ENTROPY_FIELDS = List.of("entropy_1", "entropy_2", "entropy_3", "entropy_4");

    /** One bar per field with its interval as error bar (NaN where a field has none). */
    private static Chart.Series bars(String name, DiversityResult r, List<String> fields) {
        double[] y = new double[fields.size()], lo = new double[y.length], hi = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = value(r, fields.get(i));
            Interval c = r.interval(fields.get(i));
            lo[i] = c == null ? Double.NaN : c.low();
            hi[i] = c == null ? Double.NaN : c.high();
        }
        return r.intervals().isEmpty() ? Chart.Series.of(name, null, y) : new Chart.Series(name, null, y, lo, hi);
    }

    private static double value(DiversityResult r, String field) {
        if (field.equals("vendi_per_text")) return r.vendiItems() == 0 ? Double.NaN : r.vendi() / r.vendiItems();
        if (field.equals("vendi")) return r.vendi();
        int n = field.charAt(field.length() - 1) - '0';
        if (field.startsWith("distinct_")) return r.distinct(n);
        if (field.startsWith("entropy_")) return r.entropy(n);
        return r.selfBleu(n);
    }

    /** Every figure with its interval, generations beside the reference. */
    private static Table figuresTable(DiversityResult gen, DiversityResult ref) {
        List<String> header = new ArrayList<>(List.of("figure", "generated", "95% CI"));
        if (ref != null) header.addAll(List.of("reference", "95% CI"));
        List<List<String>> rows = new ArrayList<>();
        for (String f : FIELDS) {
            List<String> row = new ArrayList<>(List.of(f));
            row.addAll(cells(gen, f));
            if (ref != null) row.addAll(cells(ref, f));
            rows.add(row);
        }
        return new Table("Diversity figures (entropy in nats; self-BLEU: higher = less diverse)", header, rows);
    }

    private static List<String> cells(DiversityResult r, String field) {
        Interval c = r.interval(field);
        String ci = c == null || Double.isNaN(c.low()) ? "" : "[" + f4(c.low()) + ", " + f4(c.high()) + "]";
        return List.of(f4(value(r, field)), ci);
    }

    private static String f4(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }

    /** Prompts from {@code prompts:} (a list of strings), or the first promptLength model tokens of each promptFrom document, or a default. */
    private static List<String> prompts(AuditContext ctx, AuditSpec spec, Params p, Tokenizer tok) {
        if (p.has("prompts") && p.has("promptFrom")) {
            throw new PlanException(spec.planFile(), p.prefix(), "give either prompts or promptFrom, not both");
        }
        if (p.has("prompts")) {
            List<String> out = new ArrayList<>();
            for (Object o : p.listParam("prompts", List.of())) {
                if (!(o instanceof String s) || s.isEmpty()) {
                    throw new PlanException(spec.planFile(), p.prefix() + ".prompts", "non-empty strings expected, got '" + o + "'");
                }
                out.add(s);
            }
            if (out.isEmpty()) throw new PlanException(spec.planFile(), p.prefix() + ".prompts", "at least one prompt expected");
            return out;
        }
        if (p.has("promptFrom")) {
            int len = CheckedParams.positiveInt(p, spec.planFile(), "promptLength", 8);
            List<String> out = new ArrayList<>();
            for (String d : TextDocuments.read(ctx.dataset(p.stringParam("promptFrom", null)).path())) {
                int[] ids = tok.encode(d);
                if (ids.length > 0) out.add(tok.decode(Arrays.copyOf(ids, Math.min(len, ids.length))));
            }
            if (out.isEmpty()) throw new PlanException(spec.planFile(), p.prefix() + ".promptFrom", "the dataset has no text to prompt with");
            return out;
        }
        return List.of(tok.bosId() >= 0 ? "" : " ");
    }

    /** A prompt's ids; the empty prompt is the tokenizer's BOS alone. */
    private static int[] promptIds(Tokenizer tok, String prompt, AuditSpec spec) {
        int[] ids = tok.encode(prompt);
        if (tok.bosId() < 0) {
            if (ids.length == 0) {
                throw new PlanException(spec.planFile(), spec.params().prefix() + ".prompts",
                        "prompt '" + prompt + "' encodes to no token and the tokenizer has no BOS; give a longer prompt");
            }
            return ids;
        }
        int[] out = new int[ids.length + 1];
        out[0] = tok.bosId();
        System.arraycopy(ids, 0, out, 1, ids.length);
        return out;
    }

    /** Consecutive pieces of {@code length} model tokens from the documents; a seeded subset of at most {@code count}. */
    static List<String> referencePieces(List<String> docs, Tokenizer tok, int length, int count, long seed) {
        List<String> pieces = new ArrayList<>();
        for (String d : docs) {
            int[] ids = tok.encode(d);
            for (int s = 0; s + length <= ids.length; s += length) pieces.add(tok.decode(Arrays.copyOfRange(ids, s, s + length)));
        }
        if (pieces.size() <= count) return pieces;
        SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int[] idx = new int[pieces.size()];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        for (int i = 0; i < count; i++) {
            int j = i + r.nextInt(idx.length - i);
            int t = idx[i]; idx[i] = idx[j]; idx[j] = t;
        }
        int[] chosen = Arrays.copyOf(idx, count);
        Arrays.sort(chosen);
        List<String> out = new ArrayList<>(count);
        for (int i : chosen) out.add(pieces.get(i));
        return out;
    }
}
