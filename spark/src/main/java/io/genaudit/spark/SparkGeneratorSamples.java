package io.genaudit.spark;

import io.genaudit.audits.AuditSpec;
import io.genaudit.audits.LoadedModel;
import io.genaudit.audits.ModelSpec;
import io.genaudit.audits.PlanException;
import io.genaudit.audits.plan.Plan;
import io.genaudit.audits.registry.Registry;
import io.genaudit.engine.image.ImageGenerator;
import io.genaudit.metrics.fidelity.ClassLogitsBatch;
import io.genaudit.metrics.fidelity.FeatureBatch;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * The generated side of a fidelity audit ({@code fid}, {@code kid}, {@code prdc}, {@code prd}; {@code inception-score})
 * whose {@code model:} is an image generator (no {@code fake} dataset), sampled on the executors: the driver loads the generator through its model provider (training a built-in
 * {@code dcgan}/{@code vae} into the cache when the plan says {@code train:}), ships its file or trained folder
 * ({@link ExtractorRecipe}, {@link ModelShipment}), and the executors make batch k of {@code batch} images with the
 * single JVM's seed for batch k ({@link GeneratedFeatures}), {@code samples} images (default 1000) from the audit's
 * {@code seed} (default the plan's).
 *
 * @param recipe   how executors load the generator
 * @param shape    the generated images' channels, height, width
 * @param samples  how many images
 * @param seed     the sampling seed
 * @param batch    images per batch
 * @param modelId  the generator's model id
 */
public record SparkGeneratorSamples(ExtractorRecipe recipe, int[] shape, int samples, long seed, int batch, String modelId) {
    /** The single-machine default of {@code samples} for a generator ({@code FidelityAuditInputs}). */
    static final int DEFAULT_SAMPLES = 1000;

    /** The generator model id of {@code spec} when it samples a generator ({@code model:} and no {@code fake}), else null. */
    public static String generatorId(AuditSpec spec) {
        return spec.params().values().get("fake") == null && !spec.models().isEmpty() ? spec.model() : null;
    }

    /** Refuses, before Spark starts, a {@code model:} that is not a model of the plan. */
    public static void preflight(Plan plan, AuditSpec spec) {
        model(plan, spec, generatorId(spec));
    }

    /** Loads generator {@code id} of {@code spec} on the driver and ships it to the executors of {@code spark}. */
    public static SparkGeneratorSamples open(SparkSession spark, Plan plan, AuditSpec spec, String id, int batch, SparkSettings s) throws Exception {
        String prefix = spec.params().prefix();
        int samples = spec.params().intParam("samples", DEFAULT_SAMPLES);
        if (samples < 2) throw new PlanException(plan.file(), prefix + ".samples", "at least 2 samples expected, got " + samples);
        long seed = spec.params().longParam("seed", plan.seed());
        ModelSpec ms = model(plan, spec, id);
        try (LoadedModel m = Registry.load().providers().get(ms.type()).load(ms, new ModelLoadingContext(s.cacheDir(), plan.seed()))) {
            if (!(m.handle() instanceof ImageGenerator g)) {
                throw new PlanException(plan.file(), "audits." + spec.id() + ".model", "model '" + id + "' (" + ms.type() + ") is not an image generator");
            }
            int[] shape = {g.channels(), g.height(), g.width()};
            return new SparkGeneratorSamples(ExtractorRecipe.ship(spark.sparkContext(), ms, m), shape, samples, seed, batch, id);
        }
    }

    private static ModelSpec model(Plan plan, AuditSpec spec, String id) {
        return plan.models().stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(() -> new PlanException(plan.file(), "audits." + spec.id() + ".model", "no model '" + id + "'"));
    }

    /** The features of the samples through {@code extractor}, batch by batch over at most {@code partitions} partitions. */
    public JavaRDD<FeatureBatch> features(SparkSession spark, ExtractorRecipe extractor, int partitions) {
        int batches = (samples + batch - 1) / batch;
        List<Long> indices = LongStream.range(0, batches).boxed().toList();
        return JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(indices, Math.max(1, Math.min(partitions, batches)))
                .mapPartitions(new GeneratedFeatures(recipe, extractor, seed, batch, samples, modelId));
    }

    /** The samples' class logits: the outputs of {@code classifier}, batch by batch, as {@link #features} makes them. */
    public JavaRDD<ClassLogitsBatch> logits(SparkSession spark, ExtractorRecipe classifier, int partitions) {
        return features(spark, classifier, partitions).map(b -> new ClassLogitsBatch(b.firstRow(), b.rows(), b.source()));
    }

    /** What the result's settings show, as on a single JVM: the samples and their seed. */
    public Map<String, Object> settings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("samples", samples);
        m.put("seed", seed);
        return m;
    }
}
