package io.genaudit.audits.modules;

import io.genaudit.audits.AuditModule;
import io.genaudit.audits.registry.Registry;
import io.genaudit.audits.AuditSpec;
import io.genaudit.audits.DatasetRef;
import io.genaudit.audits.Params;
import io.genaudit.audits.TestAuditContext;
import io.genaudit.engine.image.ImageFeatureExtractor;
import io.genaudit.engine.image.ImageGenerator;
import io.genaudit.engine.image.Images;
import io.genaudit.engine.lm.ByteTokenizer;
import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.engine.lm.SamplingSettings;
import io.genaudit.engine.lm.Tokenizer;
import io.genaudit.datasets.BuiltInDatasets;
import io.genaudit.metrics.bias.BiasLmMetric;
import io.genaudit.reports.AuditResult;
import io.genaudit.reports.Chart;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bias-lm and bias-image modules end to end on small fakes: headline values, tables, charts with error bars, gate fields. */
class BiasAuditTest {
    @TempDir
    Path dir;

    /** Byte LM where every 'z' is e times likelier than other bytes: sentences naming the zorpish group score higher. */
    static final class ZLovingLm implements LanguageModel {
        public int contextLength() { return 256; }
        public int vocabSize() { return 256; }
        public Tokenizer tokenizer() { return ByteTokenizer.INSTANCE; }
        public List<float[]> nextTokenLogProbs(List<int[]> windows) {
            double norm = Math.log(255 + Math.E);
            List<float[]> out = new ArrayList<>();
            for (int[] w : windows) {
                float[] lp = new float[w.length - 1];
                for (int t = 1; t < w.length; t++) lp[t - 1] = (float) ((w[t] == 'z' ? 1 : 0) - norm);
                out.add(lp);
            }
            return out;
        }
        public int[] generate(int[] prompt, SamplingSettings s, long seed) { return ByteTokenizer.INSTANCE.encode(" fine"); }
        public String describe() { return "z-loving byte LM"; }
        public void close() { }
    }

    /** Generator drawing a colour class with probabilities (0.7, 0.2, 0.1) and painting a square of that colour on grey. */
    static final class SkewedColourGenerator extends SquareTestGenerator {
        SkewedColourGenerator() {
            super(32, "skewed colour squares");
        }

        public Images generate(int n, long seed, int[] labels) {
            SplittableRandom r = new SplittableRandom(seed);
            float[] d = new float[n * 3 * 32 * 32];
            java.util.Arrays.fill(d, 0.8f);
            for (int i = 0; i < n; i++) {
                double u = r.nextDouble();
                int c = u < 0.7 ? 0 : u < 0.9 ? 1 : 2;
                for (int ch = 0; ch < 3; ch++) for (int y = 8; y < 24; y++) for (int x = 8; x < 24; x++) {
                    d[((i * 3 + ch) * 32 + y) * 32 + x] = ch == c ? 0.9f : 0.15f;
                }
            }
            return new Images(n, 3, 32, 32, d);
        }
    }

    /** Logits = each channel's mean minus the mean over channels (a crude colour classifier). */
    static final class ChannelMeanLogits implements ImageFeatureExtractor {
        public int dimension() { return 3; }
        public double[][] extract(Images b) {
            double[][] z = new double[b.n()][3];
            int hw = b.height() * b.width();
            for (int i = 0; i < b.n(); i++) {
                for (int ch = 0; ch < 3; ch++) {
                    double s = 0;
                    for (int k = 0; k < hw; k++) s += b.data()[(i * 3 + ch) * hw + k];
                    z[i][ch] = s / hw;
                }
            }
            return z;
        }
        public String describe() { return "channel means"; }
        public void close() { }
    }

    TestAuditContext context(Map<String, Object> models, Map<String, DatasetRef> data) {
        TestAuditContext ctx = TestAuditContext.in(dir).seed(5).cacheDir(dir.resolve("cache"));
        models.forEach((id, m) -> ctx.model(id, (AutoCloseable) m));
        data.values().forEach(ctx::dataset);
        return ctx;
    }

    /** The plan module generated from the catalogued metric. */
    static AuditModule module(String metric) {
        return Registry.load().modules().get(metric);
    }

    @Test
    void biasLmOnThePlantedSuite() throws Exception {
        var spec = new AuditSpec("bias", "bias-lm", List.of("lm"), List.of(),
                new Params(Map.of("probes", "planted", "correction", "bh", "bootstrap", 50), "audits.bias.params", "plan.yaml"), "plan.yaml");
        AuditResult r = module("bias-lm").run(context(Map.of("lm", new ZLovingLm()), Map.of()), spec).get(0);
        // pairs: sent_more is "zorpish" for the 120 X-attribute pairs and "quellan" for the 120 Y pairs; this LM prefers zorpish
        assertEquals(50.0, r.value(), 1e-9);
        assertEquals("%", r.unit());
        assertEquals(240L, r.n());
        assertNotNull(r.ci());
        assertTrue(r.ci().estimand().startsWith("the model's preference") && r.ci().method().startsWith("Wilson"), r.ci().toString());
        assertTrue(r.ci().low() >= 0 && r.ci().high() <= 100, "a percentage stays in [0, 100]: " + r.ci());
        // co-occurrence: continuations do not contain the group word, so X and Y are scored identically: no gap
        assertEquals(0.0, ((Number) r.details().get("log_odds_ratio")).doubleValue(), 1e-6);
        for (String f : module("bias-lm").gateFields()) {
            if (List.of("stereotype_share", "likelihood_diff", "max_abs_gap", "significant_share", "log_odds_ratio").contains(f)) {
                assertTrue(r.details().get(f) instanceof Number, f);
            }
        }
        assertTrue(r.tables().stream().anyMatch(t -> t.title().startsWith("Counterfactual pairs by bias type")
                && t.columns().containsAll(List.of("group", "effect", "p", "p adjusted", "significant"))));
        assertTrue(r.tables().stream().anyMatch(t -> t.title().startsWith("Pairs with the largest")));
        Chart bar = r.charts().stream().filter(c -> c.type() == Chart.Type.BAR).findFirst().orElseThrow();
        assertNotNull(bar.series().get(0).low());
        assertNotNull(bar.series().get(0).high());
        // co-occurrence: raw per-set means are shown untested, the association contrast is tested with the default margin
        assertTrue(r.tables().stream().anyMatch(t -> t.title().startsWith("Co-occurrence per prompt set, raw")));
        assertTrue(r.tables().stream().anyMatch(t -> t.title().startsWith("Co-occurrence association contrasts")
                && t.rows().get(0).get(7).contains("<= " + BiasLmMetric.DEFAULT_MIN_LOG_ODDS_RATIO)));
    }

    @Test
    void negativeMinimumLogOddsRatioIsAPlanError() {
        var spec = new AuditSpec("bias", "bias-lm", List.of("lm"), List.of(),
                new Params(Map.of("probes", "planted", "minLogOddsRatio", -0.2), "audits.bias.params", "plan.yaml"), "plan.yaml");
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.genaudit.audits.PlanException.class,
                () -> module("bias-lm").run(context(Map.of("lm", new ZLovingLm()), Map.of()), spec));
        assertTrue(e.getMessage().contains("minLogOddsRatio"), e.getMessage());
    }

    @Tag("integration")
    @Test
    void biasImageMeasuresASkewedGeneratorAgainstUniform() throws Exception {
        Path shapes = BuiltInDatasets.materialize("shapes-small", 1, dir.resolve("fixtures"));
        var spec = new AuditSpec("colour", "bias-image", List.of("gen"), List.of("ref"),
                new Params(Map.of("classifier", "clf", "attribute", "colour", "samples", 600, "bootstrap", 200), "audits.colour.params", "plan.yaml"), "plan.yaml");
        var ctx = context(Map.of("gen", new SkewedColourGenerator(), "clf", new ChannelMeanLogits()),
                Map.of("ref", new DatasetRef("ref", shapes, "shapes-small", "x")));
        AuditResult r = module("bias-image").run(ctx, spec).get(0);
        double truth = 0.5 * (Math.abs(0.7 - 1 / 3.0) + Math.abs(0.2 - 1 / 3.0) + Math.abs(0.1 - 1 / 3.0));
        assertEquals(truth, r.value(), 0.06, "TVD from uniform");
        assertTrue(r.ci().low() > 0.2, "clearly skewed: " + r.ci());
        assertTrue(r.ci().estimand().startsWith("TVD of the generator's"), r.ci().estimand());
        assertTrue(((Number) r.details().get("significant_share")).doubleValue() > 0.6);
        assertTrue(r.tables().stream().anyMatch(t -> t.title().startsWith("Classifier confusion matrix on 200")));
        assertEquals(600L, r.n());
    }
}
