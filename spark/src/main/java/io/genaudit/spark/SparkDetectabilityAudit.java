package io.genaudit.spark;

import io.genaudit.audits.AuditModule;
import io.genaudit.audits.AuditSpec;
import io.genaudit.audits.PlanException;
import io.genaudit.audits.metric.MetricAuditModule;
import io.genaudit.audits.metric.MetricPresentation;
import io.genaudit.audits.modules.DetectionInputs;
import io.genaudit.audits.modules.DetectionRun;
import io.genaudit.audits.plan.Plan;
import io.genaudit.engine.Progress;
import io.genaudit.metrics.contract.MetricRun;
import io.genaudit.metrics.detect.DetectabilityMetric;
import io.genaudit.metrics.detect.DetectabilitySettings;
import io.genaudit.metrics.detect.DetectabilityState;
import io.genaudit.metrics.detect.DetectabilityStudy;
import io.genaudit.metrics.detect.DetectionEvidence;
import io.genaudit.metrics.detect.DetectionInput;
import io.genaudit.metrics.detect.DetectionInput.Label;
import io.genaudit.metrics.detect.ImageDetector;
import io.genaudit.metrics.detect.LabelledFeatures;
import io.genaudit.metrics.detect.Perturbation;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a plan's {@code detectability} audit on Spark with the real and generated images given as Parquet image tables
 * ({@code row} + {@code bytes}, optionally {@code file}): the per-image work — decoding, the common size, the
 * perturbations, the spectral features, or a fixed detector's scores (one detector per task slot) — runs on the
 * executors in the single machine's batches; the per-image results are collected on the driver in row order and the
 * single machine's steps ({@link DetectionRun}: cross-validation, the fixed detector's scores, the mark survey) and
 * statistics ({@link DetectabilityMetric}) run there unchanged, so the result equals the plan run over the same images
 * as folders. Sampling a model and the cross-generator test (which samples models) stay on one machine.
 */
record SparkDetectabilityAudit(SparkSession spark, SparkSettings settings) {
    /** How detectability combines the executors' work (run.json's {@code execution.merges} and the audit's {@code merge}). */
    static final String MERGE = "exact: per-image feature rows or detector scores computed on executors in the single-machine batches, "
            + "collected on the driver in global row-id order; cross-validation and statistics computed once on the driver";

    /** Whether {@code module} is the detectability metric (input {@link DetectionInput}). */
    static boolean supports(AuditModule module) {
        return SparkTextAudits.takes(module, DetectionInput.class);
    }

    /** Plan errors found before Spark starts: generated images from a model, cross-generator tests, datasets that are not Parquet. */
    static DetectionInputs.Request preflight(Plan plan, AuditSpec spec, String master) {
        DetectionInputs.Request r = DetectionInputs.Request.of(plan.seed(), spec);
        String at = "audits." + spec.id();
        if (r.modelId() != null) {
            throw new PlanException(plan.file(), at + ".model", "on Spark, detectability reads the generated images as a Parquet image table "
                    + "(params.fake: row + bytes); sampling a model runs on one machine (genaudit audit)");
        }
        if (!r.crossIds().isEmpty()) {
            throw new PlanException(plan.file(), at + ".params.crossGenerator", "the cross-generator test samples models, which runs on one machine (genaudit audit)");
        }
        ParquetDatasets tables = new ParquetDatasets(plan, master);
        imageTable(plan, tables, spec.params().prefix() + ".real", r.realId());
        imageTable(plan, tables, spec.params().prefix() + ".fake", r.generatedId());
        return r;
    }

    /** The Parquet image table of dataset {@code id}; other datasets are a plan error naming {@code field}. */
    private static String imageTable(Plan plan, ParquetDatasets tables, String field, String id) {
        DatasetInput in = tables.input(field, id);
        if (!in.parquet()) {
            throw new PlanException(plan.file(), field, "dataset '" + id + "' (" + in.location() + "): on Spark, detectability reads "
                    + "Parquet image tables (row + bytes); convert the folder with SparkAuditMain convert images SOURCE --out TABLE");
        }
        return in.location();
    }

    /** The audit's result, and the local check's differences when {@link SparkSettings#checkLocal()}. */
    @SuppressWarnings("unchecked")
    SparkFeatureAudit.Outcome run(Plan plan, AuditSpec spec, AuditModule module) throws Exception {
        MetricAuditModule<DetectabilityMetric.Params, DetectionInput, DetectabilityState, DetectabilityMetric.Result> m =
                (MetricAuditModule<DetectabilityMetric.Params, DetectionInput, DetectabilityState, DetectabilityMetric.Result>) module;
        DetectabilityMetric metric = (DetectabilityMetric) m.metricDefinition();
        DetectabilityMetric.Params params = m.bind(spec, plan.seed());
        String master = spark.sparkContext().master();
        DetectionInputs.Request r = preflight(plan, spec, master);
        ParquetDatasets tables = new ParquetDatasets(plan, master);
        String prefix = spec.params().prefix();
        Study study = open(r, spec, imageTable(plan, tables, prefix + ".real", r.realId()), imageTable(plan, tables, prefix + ".fake", r.generatedId()));

        Evidence spread = study.evidence(this::onExecutors);
        DetectabilityMetric.Result result = MetricRun.once(metric, params, spread.inputs());
        Map<String, Object> inputSettings = new LinkedHashMap<>(spread.run().settings());
        inputSettings.put("engine", "spark");
        inputSettings.put("partitions", settings.partitions());
        inputSettings.put("merge", MERGE);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        SparkFeed<DetectionInput> feed = new SparkFeed<>(jsc.parallelize(spread.inputs(), 1), r.subject(), r.realId(), inputSettings, spread.run().notes());
        List<String> diff = null;
        double rel = Double.NaN;
        if (settings.checkLocal()) {
            DetectabilityMetric.Result local = MetricRun.once(metric, params, study.evidence(SparkDetectabilityAudit::onDriver).inputs());
            diff = ResultAgreement.differences(local, result, ResultAgreement.DEFAULT_RELATIVE_TOLERANCE);
            rel = ResultAgreement.relativeDifference(local.value(), result.value());
        }
        return new SparkFeatureAudit.Outcome(MetricPresentation.present(spec.id(), metric, params, result, feed).build(), MERGE, diff, rel);
    }

    /** How the per-image work of one side runs: on the executors, or (the local check) in one pass through the driver. */
    private interface PerImage {
        List<BlockValues> run(JavaRDD<ImageBlock> blocks, FlatMapFunction<Iterator<ImageBlock>, BlockValues> work);
    }

    private List<BlockValues> onExecutors(JavaRDD<ImageBlock> blocks, FlatMapFunction<Iterator<ImageBlock>, BlockValues> work) {
        return SparkFailures.userErrorsUnwrapped(() -> blocks.mapPartitions(work).collect());
    }

    private static List<BlockValues> onDriver(JavaRDD<ImageBlock> blocks, FlatMapFunction<Iterator<ImageBlock>, BlockValues> work) {
        return SparkFailures.userErrorsUnwrapped(() -> {
            List<BlockValues> out = new ArrayList<>();
            try {
                work.call(blocks.toLocalIterator()).forEachRemaining(out::add);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return out;
        });
    }

    /** The tables opened and sized, the detector shipped: what both passes share. */
    private Study open(DetectionInputs.Request r, AuditSpec spec, String realUri, String fakeUri) throws Exception {
        int batch = r.settings().batchSize();
        long realTotal = new ParquetImages(realUri, batch, Long.MAX_VALUE).count(spark);
        int samples = r.samples(spec, (int) Math.min(Integer.MAX_VALUE, realTotal));
        ParquetImages real = new ParquetImages(realUri, batch, samples), fake = new ParquetImages(fakeUri, batch, samples);
        int realCount = (int) Math.min(realTotal, samples), fakeCount = (int) fake.count(spark); // the tables' checks before reading row 0
        int[] rs = ImageDecoding.size(realUri, 0, real.image(spark, 0)), fs = ImageDecoding.size(fakeUri, 0, fake.image(spark, 0));
        TableImages realImages = new TableImages(realUri, realCount, rs[0], rs[1]);
        TableImages fakeImages = new TableImages(fakeUri, fakeCount, fs[0], fs[1]);
        DetectorRecipe detector = null;
        if (r.detector() != null) {
            ImageDetector.load(r.detector()).close(); // a missing or unreadable detector is a user error before any job
            detector = DetectorRecipe.ship(spark.sparkContext(), r.detector());
        }
        ParquetImageMarks marks = SparkFailures.userErrorsUnwrapped(() -> ParquetImageMarks.surveyOrNull(spark, fakeUri));
        return new Study(spark, settings.partitions(), r, samples, real, fake, realImages, fakeImages, detector, marks);
    }

    /** One audit's inputs on Spark; {@link #evidence} runs the single machine's steps with the per-image work done by a {@link PerImage}. */
    private record Study(SparkSession spark, int parts, DetectionInputs.Request r, int samples, ParquetImages real, ParquetImages fake, TableImages realImages,
                         TableImages fakeImages, DetectorRecipe detector, ParquetImageMarks marks) {
        Evidence evidence(PerImage perImage) throws Exception {
            List<DetectionInput> inputs = new ArrayList<>();
            DetectabilitySettings s = r.settings();
            DetectionRun run = new DetectionRun(s, Progress.SILENT, inputs::add);
            r.notes().forEach(run::note);
            run.setting("samples", samples);
            run.images(realImages, realImages.height(), realImages.width(), fakeImages, fakeImages.height(), fakeImages.width());
            if (realImages.size() < samples) run.note("Only " + realImages.size() + " real images available (samples: " + samples + ").");
            int h = run.sized().height(), w = run.sized().width();
            DetectionImages realDecoding = new DetectionImages(new ImageDecoding(real.uri(), 3, realImages.height(), realImages.width(), false), h, w);
            DetectionImages fakeDecoding = new DetectionImages(new ImageDecoding(fake.uri(), 3, fakeImages.height(), fakeImages.width(), false), h, w);
            List<Perturbation> ps = r.perturbations();
            long seed = s.seed();
            int batch = s.batchSize();
            if (detector != null) {
                try (ImageDetector det = ImageDetector.load(r.detector())) {
                    double[][][] realScores = inRowOrder(perImage.run(real.blocks(spark, parts),
                            new DetectionScores(realDecoding, detector, ps, DetectionEvidence.fixedDetectorSeed(seed, Label.REAL), batch)), ps.size() + 1, realImages.size(), real.uri());
                    double[][][] fakeScores = inRowOrder(perImage.run(fake.blocks(spark, parts),
                            new DetectionScores(fakeDecoding, detector, ps, DetectionEvidence.fixedDetectorSeed(seed, Label.GENERATED), batch)), ps.size() + 1, fakeImages.size(), fake.uri());
                    run.fixedDetectorScores(det, r.detector(), r.subject(), ps, firstColumn(realScores), firstColumn(fakeScores));
                }
            } else {
                double[][][] realRows = inRowOrder(perImage.run(real.blocks(spark, parts), new DetectionFeatureRows(realDecoding, s.features(), ps,
                        DetectabilityStudy.featureSeed(seed, DetectabilityStudy.sourceName(Label.REAL)), batch)), ps.size() + 1, realImages.size(), real.uri());
                double[][][] fakeRows = inRowOrder(perImage.run(fake.blocks(spark, parts), new DetectionFeatureRows(fakeDecoding, s.features(), ps,
                        DetectabilityStudy.featureSeed(seed, DetectabilityStudy.sourceName(Label.GENERATED)), batch)), ps.size() + 1, fakeImages.size(), fake.uri());
                List<LabelledFeatures> features = new ArrayList<>();
                for (int v = 0; v <= ps.size(); v++) features.add(LabelledFeatures.of(realRows[v], fakeRows[v]));
                run.crossValidated(r.subject(), ps, features);
            }
            if (marks != null) {
                run.marks(marks.files(), marks.edits());
            } else {
                run.note("Synthetic-origin marks not checked: the generated image table " + fake.uri() + " has no '" + ParquetImageMarks.FILE
                        + "' column (each image's file name, which the survey keys its findings by).");
            }
            return new Evidence(run, inputs);
        }
    }

    /** The single machine's steps after a pass: their settings and notes, and the batches they sent the metric. */
    private record Evidence(DetectionRun run, List<DetectionInput> inputs) {
    }

    /** The blocks' values in global row order, {@code [variant][row]}; the rows must be 0..n-1, each once. */
    static double[][][] inRowOrder(List<BlockValues> blocks, int variants, int n, String uri) {
        List<BlockValues> sorted = new ArrayList<>(blocks);
        sorted.sort(Comparator.comparingLong(BlockValues::firstRow));
        double[][][] out = new double[variants][n][];
        int row = 0;
        for (BlockValues b : sorted) {
            if (b.firstRow() != row) throw new IllegalStateException(uri + ": block at row " + b.firstRow() + ", expected row " + row);
            for (int v = 0; v < variants; v++) System.arraycopy(b.values()[v], 0, out[v], row, b.values()[v].length);
            row += b.values()[0].length;
        }
        if (row != n) throw new IllegalStateException(uri + ": " + row + " images came back, expected " + n);
        return out;
    }

    private static double[][] firstColumn(double[][][] scores) {
        double[][] out = new double[scores.length][];
        for (int v = 0; v < scores.length; v++) {
            out[v] = new double[scores[v].length];
            for (int i = 0; i < out[v].length; i++) out[v][i] = scores[v][i][0];
        }
        return out;
    }
}
