package io.genaudit.spark;

import io.genaudit.audits.AuditSpec;
import io.genaudit.audits.LoadedModel;
import io.genaudit.audits.ModelProvider;
import io.genaudit.audits.ModelSpec;
import io.genaudit.audits.PlanException;
import io.genaudit.audits.plan.Plan;
import io.genaudit.audits.registry.Registry;
import io.genaudit.engine.image.ImageFeatureExtractor;
import io.genaudit.metrics.fidelity.FeatureBatch;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The distributed input of a two-sample fidelity audit whose datasets are Parquet image tables ({@code row} +
 * {@code bytes}) or, on a local master, image folders ({@link ImageBlockSource}): the plan's extractor ({@code features}) is loaded once on the driver (trained into the cache when the
 * plan says so), its files shipped to the executors, and each side's images are decoded and run through it on the
 * executors ({@link ImageFeatureExtraction}), giving the same {@link FeatureBatch}es as the plan module gives a single
 * JVM from image folders: batches of {@code batch} images (default 64) at the same row ids, the real images resized
 * to the generated images' size, the generated side capped at {@code samples}. A side given as features (a feature
 * table, {@code .npy} or {@code .npz}) is read as features.
 */
public final class SparkImagePairs {
    /** The plan module's default extraction batch ({@code FidelityAuditInputs}). */
    static final int DEFAULT_BATCH = 64;

    private final JavaRDD<FeatureBatch> batches;
    private final Map<String, Object> settings;

    private SparkImagePairs(JavaRDD<FeatureBatch> batches, Map<String, Object> settings) {
        this.batches = batches;
        this.settings = settings;
    }

    /** The feature batches of both sides. */
    public JavaRDD<FeatureBatch> batches() {
        return batches;
    }

    /** What the result's settings show: extractor, its description and dimension, batch, images per side. */
    public Map<String, Object> settings() {
        return settings;
    }

    /**
     * The input of {@code spec} when its {@code real} or {@code fake} dataset is an image table or folder, or when it
     * samples its {@code model:} (an image generator, {@link SparkGeneratorSamples}), else null.
     */
    public static SparkImagePairs openOrNull(SparkSession spark, Plan plan, AuditSpec spec, SparkSettings s) throws Exception {
        ParquetDatasets datasets = new ParquetDatasets(plan, spark.sparkContext().master());
        String generatorId = SparkGeneratorSamples.generatorId(spec);
        DatasetInput realIn = datasets.input(spec, "real");
        DatasetInput fakeIn = generatorId == null ? datasets.input(spec, "fake") : null;
        boolean realImages = holdsImages(spark, realIn);
        boolean fakeImages = fakeIn != null && holdsImages(spark, fakeIn);
        if (!realImages && !fakeImages && generatorId == null) return null;

        Map<String, Object> settings = new LinkedHashMap<>();
        ExtractorRecipe recipe = extractor(spark, plan, spec, "features", s, settings);
        int batch = batch(plan, spec);
        int samples = spec.params().intParam("samples", Integer.MAX_VALUE);
        SparkGeneratorSamples generated = generatorId == null ? null : SparkGeneratorSamples.open(spark, plan, spec, generatorId, batch, s);
        if (generated != null) settings.putAll(generated.settings());
        settings.put("batch", batch);

        // the generated side's size (and, from a generator, channels) is the target, as in the plan module: real images are resized to it
        ImageBlockSource fake = fakeImages ? ImageBlockSource.of(fakeIn, batch, samples == Integer.MAX_VALUE ? Long.MAX_VALUE : samples) : null;
        ImageBlockSource real = realImages ? ImageBlockSource.of(realIn, batch, Long.MAX_VALUE) : null;
        int[] size = generated != null ? new int[]{generated.shape()[1], generated.shape()[2]} : fake != null ? fake.size(spark) : real.size(spark);
        int channels = generated != null ? generated.shape()[0] : 3;
        settings.put("image_size", size[1] + "x" + size[0]);
        JavaRDD<FeatureBatch> r = realImages
                ? side(spark, FeatureBatch.Side.REAL, real, recipe, new ImageDecoding(real.uri(), channels, size[0], size[1], fakeImages || generated != null), s)
                : SparkFeaturePairs.side(spark, FeatureBatch.Side.REAL, realIn, s.batchRows(), s.partitions());
        JavaRDD<FeatureBatch> f = generated != null ? generated.features(spark, recipe, s.partitions())
                : fakeImages ? side(spark, FeatureBatch.Side.FAKE, fake, recipe, new ImageDecoding(fake.uri(), 3, size[0], size[1], false), s)
                : SparkFeaturePairs.side(spark, FeatureBatch.Side.FAKE, fakeIn, s.batchRows(), s.partitions());
        return new SparkImagePairs(r.union(f), settings);
    }

    /**
     * Loads the network named by plan key {@code key} of {@code spec} (a feature extractor, or a classifier whose
     * outputs are logits) on the driver, trained into the cache when the plan says so, puts its id, description and
     * dimension into {@code settings} as the plan module does, and ships it to the executors.
     */
    static ExtractorRecipe extractor(SparkSession spark, Plan plan, AuditSpec spec, String key, SparkSettings s, Map<String, Object> settings) throws Exception {
        String field = spec.params().prefix() + "." + key;
        String extractorId = spec.params().stringParam(key, null);
        if (extractorId == null) {
            throw new PlanException(plan.file(), field, "image tables and generators need a feature extractor: the model id of a "
                    + "torchscript-features, onnx-features or shapes-features model");
        }
        ModelSpec ms = plan.models().stream().filter(m -> m.id().equals(extractorId)).findFirst()
                .orElseThrow(() -> new PlanException(plan.file(), field, "no model '" + extractorId + "'"));
        ModelProvider provider = Registry.load().providers().get(ms.type());
        try (LoadedModel m = provider.load(ms, new ModelLoadingContext(s.cacheDir(), plan.seed()))) {
            if (!(m.handle() instanceof ImageFeatureExtractor fx)) {
                throw new PlanException(plan.file(), field, "model '" + extractorId + "' (" + ms.type() + ") is not a feature extractor");
            }
            settings.put("features", extractorId);
            settings.put("extractor", fx.describe());
            settings.put("extractor_dim", fx.dimension());
            return ExtractorRecipe.ship(spark.sparkContext(), ms, m);
        }
    }

    /** The extraction batch of {@code spec} ({@code batch}, default {@value #DEFAULT_BATCH}). */
    static int batch(Plan plan, AuditSpec spec) {
        int batch = spec.params().intParam("batch", DEFAULT_BATCH);
        if (batch < 1) throw new PlanException(plan.file(), spec.params().prefix() + ".batch", "a positive batch size expected, got " + batch);
        return batch;
    }

    /** Whether {@code in} holds images: a Parquet image table, or a local folder. */
    private static boolean holdsImages(SparkSession spark, DatasetInput in) {
        return in.parquet() ? ParquetImages.isImageTable(ParquetTables.read(spark, in.location()).schema()) : Files.isDirectory(in.path());
    }

    private static JavaRDD<FeatureBatch> side(SparkSession spark, FeatureBatch.Side side, ImageBlockSource images, ExtractorRecipe recipe,
                                              ImageDecoding decoding, SparkSettings s) {
        return images.blocks(spark, s.partitions()).mapPartitions(new ImageFeatureExtraction(side, recipe, decoding));
    }
}
