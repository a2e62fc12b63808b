package io.genaudit.spark;

import io.genaudit.audits.AuditSpec;
import io.genaudit.audits.Params;
import io.genaudit.audits.modules.GenerationInputs;
import io.genaudit.audits.plan.Plan;
import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.engine.lm.SamplingSettings;
import io.genaudit.engine.lm.Tokenizer;
import io.genaudit.metrics.diversity.TextSample;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.Map;

/**
 * The texts of a {@code diversity} audit that generates them ({@code model:} with {@code samples}, {@code prompts} or
 * {@code promptFrom}, sampling options), made on executors. The driver works out what the single-machine run would
 * generate — the prompts ({@code promptFrom}: a Parquet text table in doc_id order), each generation's prompt
 * tokens, and each generation's seed, the i-th draw of SplittableRandom(seed) as {@link GenerationInputs#sampleSeeds}
 * draws it — and cuts the generations into {@link GenerationSlice}s; each executor task generates its slice with a
 * pooled model through the single-machine code ({@link GenerationInputs#generation}). Generation i depends on its
 * prompt and seed alone, so the texts, numbered by their single-machine index, are the single-machine texts. With
 * {@code referenceData} (a Parquet text table) the driver cuts the reference pieces as one machine does.
 */
record SparkGenerations(SparkSession spark, SparkSettings settings, DriverLanguageModels models) {

    /**
     * An audit's texts on Spark and what its result records about them.
     *
     * @param samples   the generations (and reference pieces), generated once and kept (release with {@link #release})
     * @param reference whether reference pieces are among them
     * @param settings  the single-machine input settings (samples, sampling, prompts, generated tokens, ...)
     * @param notes     the single-machine notes
     * @param kept      the persisted generations behind {@code samples}
     * @param again     the same texts made again on the driver by the single-machine generation code, in the order of
     *                  {@code samples} (for {@code --check-local}); null when the texts were given, not generated
     */
    record Texts(JavaRDD<TextSample> samples, boolean reference, Map<String, Object> settings, List<String> notes, JavaRDD<?> kept,
                 Callable<List<TextSample>> again) {
        /** Drops the generations Spark keeps. */
        void release() {
            kept.unpersist(false);
        }
    }

    /** Generates the texts of {@code spec} on the executors (one Spark job), reference pieces on the driver. */
    Texts generate(Plan plan, AuditSpec spec) throws Exception {
        Params p = spec.params();
        LanguageModel lm = models.languageModel(spec.model());
        Tokenizer tok = lm.tokenizer();
        int samples = GenerationInputs.samples(spec);
        SamplingSettings sampling = GenerationInputs.sampling(spec);
        long seed = p.longParam("seed", plan.seed());
        List<String> prompts = GenerationInputs.prompts(spec, tok, id -> texts(plan, p.prefix() + ".promptFrom", id));
        List<int[]> encoded = new ArrayList<>();
        for (String prompt : prompts.subList(0, Math.min(prompts.size(), samples))) encoded.add(GenerationInputs.promptIds(tok, prompt, spec));
        List<GenerationSlice> slices = slices(prompts, encoded, GenerationInputs.sampleSeeds(seed, samples), settings.partitions());

        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JavaRDD<GenerationInputs.Generated> generated = jsc.parallelize(slices, slices.size())
                .mapPartitions(new GenerateSlices(models.source(spec.model()), ParamsCarrier.of(sampling)));
        generated.persist(StorageLevel.MEMORY_AND_DISK());
        long tokens = SparkFailures.userErrorsUnwrapped(() -> generated.map(g -> (long) g.newTokens()).fold(0L, Long::sum));
        JavaRDD<TextSample> texts = generated.map(GenerationInputs.Generated::sample);

        String referenceId = p.stringParam("referenceData", null);
        int pieces = -1;
        List<TextSample> reference = new ArrayList<>();
        if (referenceId != null) {
            List<String> cut = GenerationInputs.referencePieces(texts(plan, p.prefix() + ".referenceData", referenceId), tok,
                    sampling.maxNewTokens(), samples, seed);
            pieces = cut.size();
            reference.addAll(GenerationInputs.referenceSamples(referenceId, cut));
            texts = texts.union(jsc.parallelize(reference, 1));
        }
        Callable<List<TextSample>> again = () -> {
            List<TextSample> out = new ArrayList<>();
            for (GenerationSlice slice : slices) generate(lm, slice, sampling).forEach(g -> out.add(g.sample()));
            out.addAll(reference);
            return out;
        };
        Map<String, Object> inputSettings = GenerationInputs.settings(samples, sampling, prompts.size(), tok.name(), tokens, referenceId);
        return new Texts(texts, referenceId != null, inputSettings, GenerationInputs.notes(samples, sampling, seed, referenceId, pieces), generated, again);
    }

    /** The texts of dataset {@code id} (named by plan field {@code field}: a Parquet text table, or a local text folder or file on a local master), in corpus order. */
    private List<String> texts(Plan plan, String field, String id) {
        DatasetInput table = new ParquetDatasets(plan, spark.sparkContext().master()).input(field, id);
        return SparkFailures.userErrorsUnwrapped(() -> TextBlockSource.of(table, settings.batchRows()).texts(spark, settings.partitions()));
    }

    /**
     * The generations cut into at most {@code parts} slices of consecutive indices: generation i continues prompt
     * i mod |prompts| ({@code encoded} holds the first min(|prompts|, samples) prompts' tokens) with {@code seeds[i]}.
     */
    static List<GenerationSlice> slices(List<String> prompts, List<int[]> encoded, long[] seeds, int parts) {
        int n = seeds.length;
        int size = Math.max(1, (n + parts - 1) / parts);
        List<GenerationSlice> out = new ArrayList<>();
        for (int a = 0; a < n; a += size) {
            int b = Math.min(n, a + size);
            List<String> texts = new ArrayList<>(b - a);
            List<int[]> ids = new ArrayList<>(b - a);
            for (int i = a; i < b; i++) {
                texts.add(prompts.get(i % prompts.size()));
                ids.add(encoded.get(i % prompts.size()));
            }
            out.add(new GenerationSlice(a, texts, ids, Arrays.copyOfRange(seeds, a, b)));
        }
        return out;
    }

    /** The generations of {@code slice} made by {@code lm} with the single-machine code, in index order. */
    static List<GenerationInputs.Generated> generate(LanguageModel lm, GenerationSlice slice, SamplingSettings sampling) {
        List<GenerationInputs.Generated> out = new ArrayList<>(slice.seeds().length);
        for (int k = 0; k < slice.seeds().length; k++) {
            out.add(GenerationInputs.generation(lm, slice.from() + k, slice.prompts().get(k), slice.promptIds().get(k), sampling, slice.seeds()[k]));
        }
        return out;
    }

    /**
     * Where the texts made on Spark ({@code spark}) differ from the same texts made again ({@code again}): the count,
     * or the first three texts that differ by index; empty when all are equal.
     */
    static List<String> textDifferences(List<TextSample> again, List<TextSample> spark) {
        List<String> out = new ArrayList<>();
        if (again.size() != spark.size()) return List.of("texts: " + spark.size() + " generated on Spark, " + again.size() + " on the driver");
        for (int i = 0; i < again.size() && out.size() < 3; i++) {
            TextSample a = again.get(i), b = spark.get(i);
            if (!a.equals(b)) out.add("text " + i + " (" + a.id() + "): Spark '" + b.text() + "', driver '" + a.text() + "'");
        }
        return out;
    }

    /** A partition's slices generated with one borrowed model, in index order. */
    private record GenerateSlices(LmSource model, ParamsCarrier sampling)
            implements FlatMapFunction<Iterator<GenerationSlice>, GenerationInputs.Generated> {
        @Override
        public Iterator<GenerationInputs.Generated> call(Iterator<GenerationSlice> slices) {
            List<GenerationInputs.Generated> out = new ArrayList<>();
            if (!slices.hasNext()) return out.iterator();
            SamplingSettings s = (SamplingSettings) sampling.params();
            LanguageModel lm = LanguageModelPool.borrow(model);
            try {
                while (slices.hasNext()) out.addAll(generate(lm, slices.next(), s));
            } finally {
                LanguageModelPool.release(model, lm);
            }
            return out.iterator();
        }
    }
}
