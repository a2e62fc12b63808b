package io.genaudit.audits.modules;

import io.genaudit.audits.AuditContext;
import io.genaudit.audits.AuditSpec;
import io.genaudit.audits.DatasetRef;
import io.genaudit.audits.LoadedModel;
import io.genaudit.audits.Params;
import io.genaudit.audits.plan.PlanException;
import io.genaudit.engine.Progress;
import io.genaudit.engine.image.ImageFeatureExtractor;
import io.genaudit.engine.image.ImageGenerator;
import io.genaudit.engine.image.Images;
import io.genaudit.engine.io.NpyArray;
import io.genaudit.engine.io.NpyWriter;
import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.reports.AuditResult;
import io.genaudit.reports.Chart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/** The fid, kid, inception-score and prdc audit modules on a toy generator and extractor. */
class FidelityAuditsTest {
    private static final io.genaudit.audits.AuditModule FID_MODULE = io.genaudit.audits.metric.MetricAuditModule.of(new io.genaudit.metrics.fidelity.FidMetric());

    @TempDir
    Path dir;

    /** Grey 4x4 images whose brightness is uniform in [0, top]. */
    static final class BrightnessGenerator implements ImageGenerator {
        final double top;

        BrightnessGenerator(double top) {
            this.top = top;
        }

        public int latentDim() { return 1; }
        public int channels() { return 3; }
        public int height() { return 4; }
        public int width() { return 4; }

        public Images generate(int n, long seed, int[] labels) {
            SplittableRandom r = new SplittableRandom(seed);
            float[] d = new float[n * 48];
            for (int i = 0; i < n; i++) {
                float v = (float) (r.nextDouble() * top);
                for (int k = 0; k < 48; k++) d[i * 48 + k] = Math.min(1f, v + (float) (0.05 * r.nextDouble()));
            }
            return new Images(n, 3, 4, 4, d);
        }

        public String describe() { return "brightness generator"; }
        public void close() { }
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

    AuditContext context(ImageGenerator gen, Map<String, DatasetRef> data) {
        ImageFeatureExtractor ex = new MomentExtractor();
        return new AuditContext() {
            public long seed() { return 3; }
            public Path outputDir() { return dir; }
            public Path cacheDir() { return dir; }
            public LoadedModel model(String id) {
                return new LoadedModel(id, id.equals("ext") ? "fixture-extractor" : "dcgan", id.equals("ext") ? ex : gen, "0", id, Map.of(), List.of(), List.of());
            }
            public LanguageModel languageModel(String id) { throw new AssertionError("fidelity audits never ask for a language model (" + id + ")"); }
            public ImageGenerator imageGenerator(String id) { return gen; }
            public ImageFeatureExtractor featureExtractor(String id) { return ex; }
            public DatasetRef dataset(String id) { return data.get(id); }
            public Phase phase(String name, String kind, String model) {
                return new Phase() {
                    public void units(String unit, long count) { }
                    public void close() { }
                };
            }
            public Progress.Factory progress() { return Progress.SILENT; }
            public String recordFile(String role, Path file) { return "0"; }
        };
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

    @Test
    void kidPrdcAndInceptionScore() throws Exception {
        Map<String, DatasetRef> data = realFeatures();
        AuditContext ctx = context(new BrightnessGenerator(0.7), data);
        AuditResult kid = new FidelityKidAudit().run(ctx, spec("kid", Map.of("real", "real", "features", "ext", "samples", 120,
                "subsets", 10, "subsetSize", 50, "bootstrap", 10))).get(0);
        assertTrue(kid.value() > 0);
        assertEquals(50, kid.details().get("subset_size"));
        assertNotNull(kid.ci());
        assertTrue(kid.ci().estimand().contains("KID is unbiased"), kid.ci().estimand());
        AuditResult prdc = new FidelityPrdcAudit().run(ctx, spec("prdc", Map.of("real", "real", "features", "ext", "samples", 100, "k", 5, "bootstrap", 0))).get(0);
        AuditResult prdcCi = new FidelityPrdcAudit().run(ctx, spec("prdc", Map.of("real", "real", "features", "ext", "samples", 100, "k", 5, "bootstrap", 10))).get(0);
        for (String f : List.of("precision", "recall", "coverage")) {
            double lo = (Double) prdcCi.details().get(f + "_ci_low"), hi = (Double) prdcCi.details().get(f + "_ci_high");
            assertTrue(lo >= 0 && hi <= 1 && lo <= (Double) prdcCi.details().get(f) && (Double) prdcCi.details().get(f) <= hi, f + " " + lo + " .. " + hi);
        }
        assertTrue(prdcCi.ci().estimand().startsWith("expected precision (k=5) at"), prdcCi.ci().estimand());
        for (String f : List.of("precision", "recall", "density", "coverage")) assertTrue(prdc.details().get(f) instanceof Double, f);
        assertEquals(Chart.Type.BAR, prdc.charts().get(0).type());
        assertEquals(List.of("precision", "recall", "density", "coverage"), prdc.charts().get(0).categories());
        assertTrue(new FidelityPrdcAudit().gateFields().contains("coverage"));
        AuditResult is = new FidelityInceptionScoreAudit().run(ctx, spec("inception-score", Map.of("features", "ext", "samples", 100, "splits", 5, "bootstrap", 10))).get(0);
        assertTrue(is.value() >= 1.0);
        assertNotNull(is.ci());
        assertTrue(is.ci().estimand().startsWith("expected Inception Score of 100 generated samples"), is.ci().estimand());
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
        List<double[]> rows = new java.util.ArrayList<>();
        for (var it = gen.samples(200, 3).batches(64); it.hasNext(); ) rows.addAll(List.of(new MomentExtractor().extract(it.next())));
        Path npy = dir.resolve("fake.npy");
        NpyWriter.write(npy, NpyArray.matrix(rows.toArray(new double[0][])));
        data.put("samples", new DatasetRef("samples", npy, "saved sample features", "0"));
        Map<String, Object> dp = Map.of("real", "real", "fake", "samples", "features", "ext", "bootstrap", 0);
        AuditResult fromData = FID_MODULE.run(context(null, data), dataSpec("fid", dp)).get(0);
        assertEquals(fromModel.value(), fromData.value(), 1e-12);
        assertEquals("samples", fromData.model());
        assertEquals(200L, fromData.n());
        assertEquals("samples", fromData.settings().get("fake"));
        assertEquals(0, fromData.settings().get("bootstrap")); // the metric's parameters are settings too
    }

    @Test
    void samplesAsAnImageFolderMatchTheirOwnFeatures() throws Exception {
        // 150 samples saved as 8-bit PNGs; FID from the folder equals FID from the features of the decoded PNGs
        Images imgs = new BrightnessGenerator(0.6).generate(150, 5, null);
        Path folder = dir.resolve("samples");
        java.nio.file.Files.createDirectories(folder);
        io.genaudit.engine.image.PngWriter.writeAll(folder, imgs, "s", 0, "test");
        Map<String, DatasetRef> data = new java.util.HashMap<>(realFeatures());
        data.put("samples", new DatasetRef("samples", folder, "sample folder", "0"));
        AuditContext ctx = context(null, data);
        AuditResult fid = FID_MODULE.run(ctx, dataSpec("fid", Map.of("real", "real", "fake", "samples", "features", "ext", "bootstrap", 10))).get(0);
        assertEquals(150L, fid.n());
        assertNotNull(fid.ci());
        var folderSrc = io.genaudit.engine.image.ImageFolderSource.open(folder);
        double[][] f = new MomentExtractor().extract(folderSrc.batches(150).next());
        Path npy = dir.resolve("decoded.npy");
        NpyWriter.write(npy, NpyArray.matrix(f));
        data.put("decoded", new DatasetRef("decoded", npy, "decoded", "0"));
        AuditResult ref = FID_MODULE.run(ctx, dataSpec("fid", Map.of("real", "real", "fake", "decoded", "features", "ext", "bootstrap", 0))).get(0);
        assertEquals(ref.value(), fid.value(), 1e-9);
        // a cap on samples takes the first files in name order
        AuditResult capped = new FidelityKidAudit().run(ctx, dataSpec("kid", Map.of("real", "real", "fake", "samples", "features", "ext",
                "samples", 100, "subsets", 5, "subsetSize", 50, "bootstrap", 0))).get(0);
        assertEquals(100L, capped.n());
        AuditResult prdc = new FidelityPrdcAudit().run(ctx, dataSpec("prdc", Map.of("real", "real", "fake", "samples", "features", "ext", "k", 5, "bootstrap", 0))).get(0);
        assertEquals(150L, prdc.n());
        AuditResult is = new FidelityInceptionScoreAudit().run(ctx, dataSpec("inception-score", Map.of("fake", "samples", "features", "ext", "splits", 5, "bootstrap", 0))).get(0);
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
        AuditContext ctx = context(new BrightnessGenerator(1), Map.of());
        PlanException e = assertThrows(PlanException.class, () -> FID_MODULE.run(ctx, spec("fid", Map.of("real", "x"))));
        assertTrue(e.getMessage().contains("features"), e.getMessage());
    }
}
