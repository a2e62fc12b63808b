package io.genaudit.audits.modules;

import io.genaudit.audits.AuditContext;
import io.genaudit.audits.AuditSpec;
import io.genaudit.audits.Params;
import io.genaudit.audits.metric.InputAdapter;
import io.genaudit.audits.metric.InputFeed;
import io.genaudit.audits.PlanException;
import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.engine.lm.SamplingSettings;
import io.genaudit.engine.lm.Tokenizer;
import io.genaudit.metrics.diversity.TextSample;
import io.genaudit.metrics.perplexity.TextDocuments;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Plan inputs of the text-set metrics ({@code diversity}): {@code samples} seeded generations of the audited language
 * model ({@code maxNewTokens}, {@code temperature}, {@code topK}, {@code topP}) from {@code prompts} or the first
 * {@code promptLength} tokens of each {@code promptFrom} document, and, with {@code referenceData}, as many pieces of
 * reference text of the same model-token length. Generation i uses the i-th draw of a SplittableRandom({@code seed})
 * ({@link #sampleSeeds}) and nothing else random, so it can be reproduced on its own (genaudit-spark generates on
 * executors this way).
 */
public final class GenerationInputs implements InputAdapter<TextSample> {
    @Override
    public Set<String> planParameters() {
        return Set.of("samples", "maxNewTokens", "temperature", "topK", "topP", "promptFrom", "prompts", "promptLength", "referenceData", "seed");
    }

    @Override
    public Set<String> datasetParameters() {
        return Set.of("promptFrom", "referenceData");
    }

    @Override
    public InputFeed<TextSample> open(AuditContext ctx, AuditSpec spec) {
        Params p = spec.params();
        LanguageModel lm = ctx.languageModel(spec.model());
        int samples = samples(spec);
        SamplingSettings sampling = sampling(spec);
        long seed = p.longParam("seed", ctx.seed());
        List<String> prompts = prompts(spec, lm.tokenizer(), id -> TextDocuments.read(ctx.dataset(id).path()));
        String referenceId = p.stringParam("referenceData", null);
        return new GenerationFeed(ctx, spec, lm, samples, sampling, seed, prompts, referenceId);
    }

    /** The number of generations of a plan entry ({@code samples}, default 100, at least 2). */
    public static int samples(AuditSpec spec) {
        Params p = spec.params();
        int samples = p.intParam("samples", 100);
        if (samples < 2) throw new PlanException(spec.planFile(), p.prefix() + ".samples", "at least 2 expected, got " + samples);
        return samples;
    }

    /** The sampling settings of a plan entry. */
    public static SamplingSettings sampling(AuditSpec spec) {
        Params p = spec.params();
        int maxNew = CheckedParams.positiveInt(p, spec.planFile(), "maxNewTokens", 64);
        try {
            return new SamplingSettings(maxNew, p.doubleParam("temperature", 1.0), p.intParam("topK", 0), p.doubleParam("topP", 1.0), List.of());
        } catch (IllegalArgumentException e) {
            throw new PlanException(spec.planFile(), p.prefix(), e.getMessage());
        }
    }

    /**
     * Prompts from {@code prompts:} (a list of strings), or the first promptLength model tokens of each promptFrom
     * document ({@code documents}: a dataset id to its texts in order), or a default.
     */
    public static List<String> prompts(AuditSpec spec, Tokenizer tok, Function<String, List<String>> documents) {
        Params p = spec.params();
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
            for (String d : documents.apply(p.stringParam("promptFrom", null))) {
                int[] ids = tok.encode(d);
                if (ids.length > 0) out.add(tok.decode(Arrays.copyOf(ids, Math.min(len, ids.length))));
            }
            if (out.isEmpty()) throw new PlanException(spec.planFile(), p.prefix() + ".promptFrom", "the dataset has no text to prompt with");
            return out;
        }
        return List.of(tok.bosId() >= 0 ? "" : " ");
    }

    /** A prompt's ids; the empty prompt is the tokenizer's BOS alone. */
    public static int[] promptIds(Tokenizer tok, String prompt, AuditSpec spec) {
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

    /**
     * The seed of each generation: generation i uses the i-th draw of a SplittableRandom({@code seed}), so generation i
     * depends on (seed, i) alone and can be made anywhere once its seed is known.
     */
    public static long[] sampleSeeds(long seed, int samples) {
        SplittableRandom seeds = new SplittableRandom(seed);
        long[] out = new long[samples];
        for (int i = 0; i < samples; i++) out[i] = seeds.nextLong();
        return out;
    }

    /**
     * Generation {@code index} (0-based): {@code prompt} (encoded as {@code promptIds}) continued by {@code lm} with
     * {@code sampling} and the generation's own {@code seed}.
     */
    public static Generated generation(LanguageModel lm, long index, String prompt, int[] promptIds, SamplingSettings sampling, long seed) {
        int[] out = lm.generate(promptIds, sampling, seed);
        return new Generated(new TextSample(TextSample.Set.GENERATED, index, "sample " + (index + 1), prompt, lm.tokenizer().decode(out)), out.length);
    }

    /**
     * One generation and how many new tokens the model produced for it.
     *
     * @param sample    the generated text, numbered by its index
     * @param newTokens the tokens generated after the prompt
     */
    public record Generated(TextSample sample, int newTokens) implements Serializable {
    }

    /** Consecutive pieces of {@code length} model tokens from the documents; a seeded subset of at most {@code count}. */
    public static List<String> referencePieces(List<String> docs, Tokenizer tok, int length, int count, long seed) {
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

    /** The reference pieces as texts of the reference set, numbered in order and named after dataset {@code referenceId}. */
    public static List<TextSample> referenceSamples(String referenceId, List<String> pieces) {
        List<TextSample> out = new ArrayList<>(pieces.size());
        for (int i = 0; i < pieces.size(); i++) out.add(new TextSample(TextSample.Set.REFERENCE, i, referenceId + " piece " + (i + 1), null, pieces.get(i)));
        return out;
    }

    /** Generates the samples (in a {@code sample} phase), then cuts the reference pieces, and sends both. */
    private static final class GenerationFeed extends DescribedFeed<TextSample> {
        private final AuditContext ctx;
        private final AuditSpec spec;
        private final LanguageModel lm;
        private final int samples;
        private final SamplingSettings sampling;
        private final long seed;
        private final List<String> prompts;
        private final String referenceId;
        private long generatedTokens;
        private int referencePieces = -1;

        GenerationFeed(AuditContext ctx, AuditSpec spec, LanguageModel lm, int samples, SamplingSettings sampling, long seed,
                       List<String> prompts, String referenceId) {
            super(spec.model(), String.join(",", spec.data()), Map.of(), List.of());
            this.ctx = ctx;
            this.spec = spec;
            this.lm = lm;
            this.samples = samples;
            this.sampling = sampling;
            this.seed = seed;
            this.prompts = prompts;
            this.referenceId = referenceId;
        }

        @Override
        public void feed(Consumer<? super TextSample> sink) {
            generate(sink);
            if (referenceId != null) sendReference(sink);
        }

        /** Generation i continues prompt i mod |prompts| with the i-th seed of SplittableRandom(seed). */
        private void generate(Consumer<? super TextSample> sink) {
            Tokenizer tok = lm.tokenizer();
            try (AuditContext.Phase ph = ctx.phase(spec.id() + " sampling", "sample", spec.model());
                 var bar = ctx.progress().start("diversity samples", samples, "samples")) {
                long[] seeds = sampleSeeds(seed, samples);
                for (int i = 0; i < samples; i++) {
                    String prompt = prompts.get(i % prompts.size());
                    Generated g = generation(lm, i, prompt, promptIds(tok, prompt, spec), sampling, seeds[i]);
                    generatedTokens += g.newTokens();
                    sink.accept(g.sample());
                    bar.step(1);
                }
                ph.units("tokens", generatedTokens);
            }
        }

        /** As many reference pieces as generations, each maxNewTokens model tokens long. */
        private void sendReference(Consumer<? super TextSample> sink) {
            List<String> pieces = referencePieces(TextDocuments.read(ctx.dataset(referenceId).path()), lm.tokenizer(),
                    sampling.maxNewTokens(), samples, seed);
            referencePieces = pieces.size();
            referenceSamples(referenceId, pieces).forEach(sink);
        }

        @Override
        public Map<String, Object> settings() {
            return GenerationInputs.settings(samples, sampling, prompts.size(), lm.tokenizer().name(), generatedTokens, referenceId);
        }

        @Override
        public List<String> notes() {
            return GenerationInputs.notes(samples, sampling, seed, referenceId, referencePieces);
        }
    }

    /** The input settings a diversity result over generations records. */
    public static Map<String, Object> settings(int samples, SamplingSettings sampling, int prompts, String tokenizer, long generatedTokens,
                                               String referenceId) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("samples", samples);
        s.put("max_new_tokens", sampling.maxNewTokens());
        s.put("temperature", sampling.temperature());
        s.put("top_k", sampling.topK());
        s.put("top_p", sampling.topP());
        s.put("prompts", prompts);
        s.put("model_tokenizer", tokenizer);
        s.put("generated_tokens", generatedTokens);
        s.put("vendi_kernel", "cosine on n-gram (1..4) counts");
        if (referenceId != null) s.put("reference_data", referenceId);
        return s;
    }

    /** The notes of a diversity result over generations ({@code referencePieces}: -1 before the reference was cut). */
    public static List<String> notes(int samples, SamplingSettings sampling, long seed, String referenceId, int referencePieces) {
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "%d generations of %d new tokens (temperature %s, top-k %d, top-p %s, seed %d).",
                samples, sampling.maxNewTokens(), sampling.temperature(), sampling.topK(), sampling.topP(), seed));
        if (referencePieces >= 2) {
            notes.add(String.format(Locale.ROOT, "Reference: %d pieces of %d model tokens cut from '%s', the same count and "
                    + "length as the generations.", referencePieces, sampling.maxNewTokens(), referenceId));
        } else if (referenceId != null) {
            notes.add("The reference text was too short for two pieces of " + sampling.maxNewTokens() + " tokens; no reference figures.");
        }
        return notes;
    }
}
