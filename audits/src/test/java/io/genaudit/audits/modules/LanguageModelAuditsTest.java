package io.genaudit.audits.modules;

import io.genaudit.audits.TestAuditContext;
import io.genaudit.audits.AuditModule;
import io.genaudit.audits.AuditSpec;
import io.genaudit.audits.metric.MetricAuditModule;
import io.genaudit.metrics.diversity.DiversityMetric;
import io.genaudit.metrics.perplexity.PerplexityMetric;
import io.genaudit.reports.PerDocumentScores;
import io.genaudit.values.DocumentScore;
import io.genaudit.audits.Params;
import io.genaudit.audits.PlanException;
import io.genaudit.datasets.BuiltInDatasets;
import io.genaudit.datasets.text.MarkovSource;
import io.genaudit.reports.AuditResult;
import io.genaudit.reports.Chart;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The perplexity and diversity audit modules on the Markov fixtures with the true source as the model. */
class LanguageModelAuditsTest {
    @TempDir
    Path dir;

    private static AuditSpec spec(String metric, List<String> data, Map<String, Object> params) {
        return new AuditSpec("a1", metric, List.of("m"), data, new Params(params, "audits.a1.params", "plan.yaml"), "plan.yaml");
    }

    /** Seed 11, the true source as model {@code m} and the built-in dataset {@code name} as {@code id}. */
    private TestAuditContext sourceModelWith(String id, String name) throws IOException {
        return TestAuditContext.in(dir).seed(11).model("m", new SourceLanguageModel(false)).dataset(id, BuiltInDatasets.materialize(name, 0, dir));
    }

    @Test
    void perplexityOfTheTrueSourceIsExpEntropyRate() throws Exception {
        TestAuditContext ctx = sourceModelWith("heldout", "markov-heldout");
        AuditModule audit = MetricAuditModule.of(new PerplexityMetric());
        AuditResult r = audit.run(ctx, spec("perplexity", List.of("heldout"), Map.of("maxLength", 64, "stride", 48, "bootstrap", 200))).get(0);
        double truth = MarkovSource.standard().perplexityLowerBound();
        assertEquals(truth, r.value(), 0.03 * truth);
        assertTrue(r.ci().low() < r.value() && r.value() < r.ci().high());
        assertTrue(r.ci().estimand().startsWith("corpus perplexity over documents like these"), r.ci().estimand());
        assertTrue(r.ci().method().startsWith("expanded percentile bootstrap over 50 documents"), r.ci().method());
        assertEquals(50L * (1500 - 1), r.n());
        assertEquals(r.n(), ((Number) r.details().get("tokens")).longValue());
        for (String f : List.of("bits_per_byte", "word_perplexity", "byte_perplexity")) {
            assertTrue(audit.gateFields().contains(f), f);
            assertInstanceOf(Double.class, r.details().get(f), f);
        }
        // per-document scores travel typed, in corpus order, named by file and paragraph
        List<DocumentScore> docs = PerDocumentScores.of(r);
        assertEquals(50, docs.size());
        assertEquals(r.n(), docs.stream().mapToLong(DocumentScore::tokens).sum());
        assertEquals("doc-000.txt", docs.get(0).id(), "named by file");
        assertEquals(11L, r.settings().get("seed"), "the bootstrap seed is the run's seed");
        assertEquals(200, r.settings().get("bootstrap"));
        assertEquals(Chart.Type.HISTOGRAM, r.charts().get(0).type());
        assertEquals(50, r.charts().get(0).series().get(0).y().length);
        assertEquals(48, r.settings().get("stride"));
        assertEquals(List.of("evaluate:tokens=" + r.n()), ctx.units());
        assertThrows(PlanException.class, () -> audit.run(ctx, spec("perplexity", List.of("heldout"), Map.of("maxLength", 65))));
        assertThrows(PlanException.class, () -> audit.run(ctx, spec("perplexity", List.of("heldout"), Map.of("stride", 0))));
        PlanException rollingStride = assertThrows(PlanException.class,
                () -> audit.run(ctx, spec("perplexity", List.of("heldout"), Map.of("method", "rolling", "stride", 8))));
        assertTrue(rollingStride.getMessage().contains("audits.a1.params.stride"), rollingStride.getMessage());
        PlanException badBootstrap = assertThrows(PlanException.class,
                () -> audit.run(ctx, spec("perplexity", List.of("heldout"), Map.of("bootstrap", 5))));
        assertTrue(badBootstrap.getMessage().contains("audits.a1.params.bootstrap"), badBootstrap.getMessage());
    }

    @Tag("integration")
    @Test
    void diversityShowsCollapseAgainstTheReference() throws Exception {
        TestAuditContext ctx = sourceModelWith("train", "markov-train");
        AuditModule audit = MetricAuditModule.of(new DiversityMetric());
        Map<String, Object> params = Map.of("samples", 40, "maxNewTokens", 60, "referenceData", "train", "prompts", List.of("ab", "ca"),
                "tokenizer", "bytes");
        AuditResult healthy = audit.run(ctx, spec("diversity", List.of(), params)).get(0);
        Map<String, Object> d = healthy.details();
        assertEquals(40, d.get("n"));
        assertEquals(40, d.get("reference_n"));
        assertEquals(List.of("sample:tokens=2400"), ctx.units());
        // same source: generations look like the reference
        assertEquals((double) d.get("reference_distinct_2"), (double) d.get("distinct_2"), 0.1);
        assertEquals((double) d.get("reference_self_bleu_2"), (double) d.get("self_bleu_2"), 0.15);
        assertEquals(healthy.value(), d.get("distinct_2"));
        // bootstrap intervals over generations, for the generations and the reference alike
        assertTrue(healthy.ci().low() < healthy.value() && healthy.value() < healthy.ci().high(), healthy.ci().toString());
        assertEquals("expected distinct-2 " + io.genaudit.metrics.diversity.DiversityIntervals.estimand(40), healthy.ci().estimand());
        assertTrue(healthy.ci().method().startsWith("half-sampling"), healthy.ci().method());
        for (String f : List.of("distinct_2", "entropy_3", "self_bleu_4", "reference_distinct_2")) {
            double low = (double) d.get(f + "_ci_low"), high = (double) d.get(f + "_ci_high"), v = (double) d.get(f);
            assertTrue(low <= v && v <= high, f + " " + low + " " + v + " " + high);
        }
        assertEquals(11L, healthy.settings().get("seed"), "sampling and half-samples seeded by the run");
        assertEquals(12, healthy.tables().get(0).rows().size(), "figures with intervals");

        ctx.model("m", new SourceLanguageModel(true));
        Map<String, Object> one = new java.util.HashMap<>(params);
        one.put("prompts", List.of("ab"));
        AuditResult collapsed = audit.run(ctx, spec("diversity", List.of(), one)).get(0);
        Map<String, Object> c = collapsed.details();
        assertTrue((double) c.get("self_bleu_4") > 0.99, "identical generations: self-BLEU 1");
        assertEquals(1.0, (double) c.get("vendi"), 1e-9, "identical generations: one effective text");
        assertTrue((double) c.get("distinct_2") < 0.5 * (double) c.get("reference_distinct_2"));
        assertEquals(Chart.Type.BAR, collapsed.charts().get(0).type());
        assertEquals(2, collapsed.charts().get(0).series().size());
        assertEquals(5, collapsed.tables().get(1).rows().size());
        assertTrue(audit.gateFields().containsAll(List.of("self_bleu_4", "reference_vendi", "distinct_1")));
    }
}
