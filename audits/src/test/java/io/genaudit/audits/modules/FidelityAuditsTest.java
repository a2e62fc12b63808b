package io.genaudit.audits.modules;

import io.genaudit.audits.TestAuditContext;
import io.genaudit.audits.AuditContext;
import io.genaudit.audits.AuditModule;
import io.genaudit.audits.metric.MetricAuditModule;
import io.genaudit.metrics.fidelity.FidMetric;
import io.genaudit.metrics.fidelity.InceptionScore;
import io.genaudit.metrics.fidelity.InceptionScoreMetric;
import io.genaudit.metrics.fidelity.KernelInceptionDistance;
import io.genaudit.metrics.fidelity.KidMetric;
import io.genaudit.metrics.fidelity.PrdcMetric;
import io.genaudit.metrics.fidelity.PrecisionRecallDensityCoverage;
import io.genaudit.audits.AuditSpec;
import io.genaudit.audits.DatasetRef;
import io.genaudit.audits.LoadedModel;
import io.genaudit.audits.Params;
import io.genaudit.audits.PlanException;
import io.genaudit.engine.InputException;
import io.genaudit.engine.Progress;
import io.genaudit.engine.image.ImageFeatureExtractor;
import io.genaudit.engine.image.ImageGenerator;
import io.genaudit.engine.image.Images;
import io.genaudit.engine.io.NpyArray;
import io.genaudit.engine.io.NpyWriter;
import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.reports.AuditResult;
import io.genaudit.reports.Chart;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/** The fid, kid, inception-score and prdc plan modules (generated from their metrics) on a toy generator and extractor. */
class FidelityAuditsTest {
    private static final AuditModule FID_MODULE = MetricAuditModule.of(new FidMetric());
    private static final AuditModule KID_MODULE = MetricAuditModule.of(new KidMetric());
    private static final AuditModule PRDC_MODULE = MetricAuditModule.of(new PrdcMetric());
    private static final AuditModule IS_MODULE = MetricAuditModule.of(new InceptionScoreMetric());

    @TempDir
    Path dir;

    /** Grey 4x4 images whose brightness is uniform in [0, top]. */
    static final class BrightnessGenerator extends SquareTestGenerator {
        final double top;

        BrightnessGenerator(double top) {
            super(4, "brightness generator");
            this.top = top;
        }

        public Images generate(int n, long seed, int[] labels) {
            SplittableRandom r = new SplittableRandom(seed);
            float[] d = new float[n * 48];
            for (int i = 0; i < n; i++) {
                float v = (float) (r.nextDouble() * top);
                for (int k = 0; k < 48; k++) d[i * 48 + k] = Math.min(1f, v + (float) (0.05 * r.nextDouble()));
            }
            return new Images(n, 3, 4, 4, d);
        }
    }

    /** Features: per-channel means and the mean of squares (4-d). */
    static final class MomentExtractor implements ImageFeatureExtractor {
        public int dimension() { return 4; }

        public double[][] extract(Images b) {
            double[][] out = new double[b.n()][4];
            for (int i = 0; i < b.n(); i++) {
                for (int c = 0; c < 3; c++) {
                    for (int y = 0; y < 4; y++) for (int x = 0; x < 4; x++) {
                        double v = b.get(i, c, y, x);
                        out[i][c] += v / 16;
                        out[i][3] += v * v / 48;
                    }
                }
            }
            return out;
        }

        public String describe() { return "moment extractor"; }
        public void close() { }
    }

    /** Generator {@code gen} (a dcgan, absent when null), the moment extractor as {@code ext}, and {@code data}. */
    TestAuditContext context(ImageGenerator gen, Map<String, DatasetRef> data) {
        TestAuditContext ctx = TestAuditContext.in(dir).seed(3).model("ext", "fixture-extractor", new MomentExtractor());
        if (gen != null) ctx.model("gen", "dcgan", gen);
        data.values().forEach(ctx::dataset);
        return ctx;
    }

    private AuditSpec spec(String metric, Map<String, Object> params) {
        return new AuditSpec("a1", metric, List.of("gen"), List.of(), new Params(params, "audits.a1.params", "plan.yaml"), "plan.yaml");
    }

    private Map<String, DatasetRef> realFeatures() throws Exception {
        // the real set: 300 samples of the same generator family (top 1.0), seed 99, through the same extractor
        double[][] f = new MomentExtractor().extract(new BrightnessGenerator(1.0).generate(300, 99, null));
        Path p = dir.resolve("real.npy");
        NpyWriter.write(p, NpyArray.matrix(f));
        return Map.of("real", new DatasetRef("real", p, "real features", "0"));
    }

    @Test
    void fidIsSmallForTheSameGeneratorAndLargerForADarkerOne() throws Exception {
        Map<String, DatasetRef> data = realFeatures();
        Map<String, Object> params = Map.of("real", "real", "features", "ext", "samples", 200, "bootstrap", 20, "fidInfinity", true, "points", 5);
        AuditResult same = FID_MODULE.run(context(new BrightnessGenerator(1.0), data), spec("fid", params)).get(0);
        AuditResult dark = FID_MODULE.run(context(new BrightnessGenerator(0.5), data), spec("fid", params)).get(0);
        assertTrue(same.value() < dark.value(), same.value() + " vs " + dark.value());
        assertNotNull(same.ci());
        assertTrue(same.ci().low() <= same.value() && same.value() <= same.ci().high(), same.ci().toString());
        assertEquals(200L, same.n());
        assertEquals("moment extractor", same.settings().get("extractor"));
        assertTrue(same.details().containsKey("fid_infinity"));
        // every interval says what it covers: FID at these sizes, FID∞ the distributions' FID
        assertTrue(same.ci().estimand().startsWith("expected FID at 300 real and 200 generated samples"), same.ci().estimand());
        assertTrue(same.details().get("fid_infinity_estimand").toString().startsWith("FID extrapolated to infinite samples"));
        double infLow = (Double) same.details().get("fid_infinity_ci_low"), infHigh = (Double) same.details().get("fid_infinity_ci_high");
        assertTrue(infLow >= 0 && infLow <= infHigh, infLow + " .. " + infHigh);
        assertTrue(same.notes().stream().anyMatch(n -> n.contains("not comparable with published")), same.notes().toString());
    }

    /** The extractor's features of {@code n} samples of {@code gen} with the run seed, batch by batch as the audit draws them. */
    private static double[][] sampleFeatures(ImageGenerator gen, int n, int batch) {
        List<double[]> rows = new java.util.ArrayList<>();
        for (var it = gen.samples(n, 3).batches(batch); it.hasNext(); ) rows.addAll(List.of(new MomentExtractor().extract(it.next())));
        return rows.toArray(new double[0][]);
    }

    @Test
    void kidPrdcAndInceptionScoreEqualTheirCoresOnTheSameFeatures() throws Exception {
        Map<String, DatasetRef> data = realFeatures();
        BrightnessGenerator gen = new BrightnessGenerator(0.7);
        TestAuditContext ctx = context(gen, data);
        double[][] real = io.genaudit.engine.io.NpyReader.read(data.get("real").path()).toMatrix();
        AuditResult kid = KID_MODULE.run(ctx, spec("kid", Map.of("real", "real", "features", "ext", "samples", 120,
                "subsets", 10, "subsetSize", 50, "bootstrap", 10))).get(0);
        // plan default seed = the run's seed (3): the same numpy subsets as torch-fidelity with seed 3
        KernelInceptionDistance.Result k = new KernelInceptionDistance(10, 50, 3).compute(real, sampleFeatures(gen, 120, 64));
        assertEquals(k.mean(), kid.value(), 1e-15);
        assertEquals(k.std(), (Double) kid.details().get("std"), 1e-15);
        assertEquals(50, kid.details().get("subset_size"));
        assertEquals(120L, kid.n());
        assertNotNull(kid.ci());
        assertTrue(kid.ci().estimand().contains("KID is unbiased"), kid.ci().estimand());
        assertTrue(kid.ci().low() <= kid.value() && kid.value() <= kid.ci().high(), kid.ci().toString());

        AuditResult prdc = PRDC_MODULE.run(ctx, spec("prdc", Map.of("real", "real", "features", "ext", "samples", 100, "k", 5, "bootstrap", 0))).get(0);
        PrecisionRecallDensityCoverage.Result pr = new PrecisionRecallDensityCoverage(5).compute(real, sampleFeatures(gen, 100, 64));
        assertEquals(pr.precision(), prdc.value(), 0.0);
        assertEquals(pr.recall(), (Double) prdc.details().get("recall"), 0.0);
        assertEquals(pr.density(), (Double) prdc.details().get("density"), 0.0);
        assertEquals(pr.coverage(), (Double) prdc.details().get("coverage"), 0.0);
        assertNull(prdc.ci());
        assertEquals(Chart.Type.BAR, prdc.charts().get(0).type());
        assertEquals(List.of("precision", "recall", "density", "coverage"), prdc.charts().get(0).categories());
        assertTrue(PRDC_MODULE.gateFields().containsAll(List.of("precision", "recall", "density", "coverage")), PRDC_MODULE.gateFields().toString());
        AuditResult prdcCi = PRDC_MODULE.run(ctx, spec("prdc", Map.of("real", "real", "features", "ext", "samples", 100, "k", 5, "bootstrap", 10))).get(0);
        for (String f : List.of("precision", "recall", "coverage")) {
            double lo = (Double) prdcCi.details().get(f + "_ci_low"), hi = (Double) prdcCi.details().get(f + "_ci_high");
            assertTrue(lo >= 0 && hi <= 1 && lo <= (Double) prdcCi.details().get(f) && (Double) prdcCi.details().get(f) <= hi, f + " " + lo + " .. " + hi);
        }
        assertTrue(prdcCi.ci().estimand().startsWith("expected precision (k=5) at 300 real and 100 generated"), prdcCi.ci().estimand());

        AuditResult is = IS_MODULE.run(ctx, spec("inception-score", Map.of("features", "ext", "samples", 100, "splits", 5, "bootstrap", 10))).get(0);
        InceptionScore.Result ir = new InceptionScore(5, true, 3).compute(sampleFeatures(gen, 100, 64));
        assertEquals(ir.mean(), is.value(), 1e-12);
        assertEquals(ir.std(), (Double) is.details().get("std"), 1e-12);
        assertEquals(4, is.details().get("classes"));
        assertNotNull(is.ci());
        assertTrue(is.ci().estimand().startsWith("expected Inception Score of 100 generated samples"), is.ci().estimand());
        assertEquals("IS", is.charts().get(0).series().get(0).name());
        AuditResult byClassifier = IS_MODULE.run(ctx, spec("inception-score", Map.of("classifier", "ext", "samples", 100, "splits", 5, "bootstrap", 0))).get(0);
        assertEquals(is.value(), byClassifier.value(), 0.0);
    }

    @Test
    void badMetricParametersAndTooFewSamplesAreNamed() throws Exception {
        TestAuditContext ctx = context(new BrightnessGenerator(0.7), realFeatures());
        PlanException e = assertThrows(PlanException.class, () -> KID_MODULE.run(ctx, spec("kid", Map.of("real", "real", "features", "ext", "subsetSize", 1))));
        assertTrue(e.getMessage().contains("audits.a1.params.subsetSize"), e.getMessage());
        e = assertThrows(PlanException.class, () -> PRDC_MODULE.run(ctx, spec("prdc", Map.of("real", "real", "features", "ext", "bootstrap", 5))));
        assertTrue(e.getMessage().contains("audits.a1.params.bootstrap"), e.getMessage());
        InputException few = assertThrows(InputException.class, () -> PRDC_MODULE.run(ctx, spec("prdc", Map.of("real", "real", "features", "ext", "samples", 5, "k", 5))));
        assertTrue(few.getMessage().contains("k=5") && few.getMessage().contains("found 5"), few.getMessage());
        few = assertThrows(InputException.class, () -> IS_MODULE.run(ctx, spec("inception-score", Map.of("features", "ext", "samples", 4, "splits", 5))));
        assertTrue(few.getMessage().contains("5 splits") && few.getMessage().contains("found 4"), few.getMessage());
        e = assertThrows(PlanException.class, () -> IS_MODULE.run(ctx, spec("inception-score", Map.of("samples", 40))));
        assertTrue(e.getMessage().contains("audits.a1.params.classifier"), e.getMessage());
    }

    private AuditSpec dataSpec(String metric, Map<String, Object> params) {
        return new AuditSpec("a1", metric, List.of(), List.of(), new Params(params, "audits.a1.params", "plan.yaml"), "plan.yaml");
    }

    @Test
    void samplesAsFeaturesGiveTheGeneratorsFidExactly() throws Exception {
        // the generator's samples, batch by batch as the audit draws them, saved as .npy features: same FID, same n
        BrightnessGenerator gen = new BrightnessGenerator(0.8);
        Map<String, Object> params = Map.of("real", "real", "features", "ext", "samples", 200, "batch", 64, "bootstrap", 0);
        Map<String, DatasetRef> data = new java.util.HashMap<>(realFeatures());
        AuditResult fromModel = FID_MODULE.run(context(gen, data), spec("fid", params)).get(0);
        Path npy = dir.resolve("fake.npy");
        NpyWriter.write(npy, NpyArray.matrix(sampleFeatures(gen, 200, 64)));
        data.put("samples", new DatasetRef("samples", npy, "saved sample features", "0"));
        Map<String, Object> dp = Map.of("real", "real", "fake", "samples", "features", "ext", "bootstrap", 0);
        AuditResult fromData = FID_MODULE.run(context(null, data), dataSpec("fid", dp)).get(0);
        assertEquals(fromModel.value(), fromData.value(), 1e-12);
        assertEquals("samples", fromData.model());
        assertEquals(200L, fromData.n());
        assertEquals("samples", fromData.settings().get("fake"));
        assertEquals(0, fromData.settings().get("bootstrap")); // the metric's parameters are settings too
    }

    @Tag("integration")
    @Test
    void samplesAsAnImageFolderMatchTheirOwnFeatures() throws Exception {
        // 150 samples saved as 8-bit PNGs; FID from the folder equals FID from the features of the decoded PNGs
        Images imgs = new BrightnessGenerator(0.6).generate(150, 5, null);
        Path folder = dir.resolve("samples");
        java.nio.file.Files.createDirectories(folder);
        io.genaudit.engine.image.PngWriter.writeAll(folder, imgs, "s", 0, "test");
        Map<String, DatasetRef> data = new java.util.HashMap<>(realFeatures());
        data.put("samples", new DatasetRef("samples", folder, "sample folder", "0"));
        TestAuditContext ctx = context(null, data);
        AuditResult fid = FID_MODULE.run(ctx, dataSpec("fid", Map.of("real", "real", "fake", "samples", "features", "ext", "bootstrap", 10))).get(0);
        assertEquals(150L, fid.n());
        assertNotNull(fid.ci());
        var folderSrc = io.genaudit.engine.image.ImageFolderSource.open(folder);
        double[][] f = new MomentExtractor().extract(folderSrc.batches(150).next());
        Path npy = dir.resolve("decoded.npy");
        NpyWriter.write(npy, NpyArray.matrix(f));
        ctx.dataset(new DatasetRef("decoded", npy, "decoded", "0"));
        AuditResult ref = FID_MODULE.run(ctx, dataSpec("fid", Map.of("real", "real", "fake", "decoded", "features", "ext", "bootstrap", 0))).get(0);
        assertEquals(ref.value(), fid.value(), 1e-9);
        // a cap on samples takes the first files in name order
        AuditResult capped = KID_MODULE.run(ctx, dataSpec("kid", Map.of("real", "real", "fake", "samples", "features", "ext",
                "samples", 100, "subsets", 5, "subsetSize", 50, "bootstrap", 0))).get(0);
        assertEquals(100L, capped.n());
        AuditResult prdc = PRDC_MODULE.run(ctx, dataSpec("prdc", Map.of("real", "real", "fake", "samples", "features", "ext", "k", 5, "bootstrap", 0))).get(0);
        assertEquals(150L, prdc.n());
        AuditResult is = IS_MODULE.run(ctx, dataSpec("inception-score", Map.of("fake", "samples", "features", "ext", "splits", 5, "bootstrap", 0))).get(0);
        assertTrue(is.value() >= 1.0);
    }

    @Test
    void samplesWithTheWrongFeatureDimensionNameTheField() throws Exception {
        Map<String, DatasetRef> data = new java.util.HashMap<>(realFeatures());
        Path npy = dir.resolve("bad.npy");
        NpyWriter.write(npy, NpyArray.matrix(new double[][]{{1, 2}, {3, 4}, {5, 7}}));
        data.put("samples", new DatasetRef("samples", npy, "wrong dim", "0"));
        PlanException e = assertThrows(PlanException.class, () -> FID_MODULE.run(context(null, data),
                dataSpec("fid", Map.of("real", "real", "fake", "samples", "features", "ext"))));
        assertTrue(e.getMessage().contains("audits.a1.params.fake"), e.getMessage());
        assertTrue(e.getMessage().contains("2-d features"), e.getMessage());
    }

    @Test
    void missingExtractorIsAPlanError() {
        TestAuditContext ctx = context(new BrightnessGenerator(1), Map.of());
        PlanException e = assertThrows(PlanException.class, () -> FID_MODULE.run(ctx, spec("fid", Map.of("real", "x"))));
        assertTrue(e.getMessage().contains("features"), e.getMessage());
    }
}
