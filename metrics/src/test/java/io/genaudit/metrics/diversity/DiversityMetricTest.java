package io.genaudit.metrics.diversity;

import io.genaudit.metrics.contract.MetricRun;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/** The contract metric equals the direct computation on each set, whichever shard saw which text. */
class DiversityMetricTest {
    private static List<String> texts(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder b = new StringBuilder();
            for (int w = 0, len = 3 + r.nextInt(8); w < len; w++) b.append(w == 0 ? "" : " ").append("w").append(r.nextInt(12));
            out.add(b.toString());
        }
        return out;
    }

    @Test
    void figuresOfEachSetEqualTheDirectComputation() {
        List<String> gen = texts(25, 1), ref = texts(20, 2);
        List<TextSample> in = new ArrayList<>();
        for (int i = gen.size() - 1; i >= 0; i--) in.add(new TextSample(TextSample.Set.GENERATED, i, "g" + i, "p" + (i % 3), gen.get(i)));
        for (int i = 0; i < ref.size(); i++) in.add(new TextSample(TextSample.Set.REFERENCE, i, "r" + i, null, ref.get(i)));
        DiversityMetric.Params p = new DiversityMetric.Params(TextTokens.WHITESPACE, 1000, 1000, 9);
        DiversityMetric.Result r = MetricRun.once(new DiversityMetric(), p, in);

        DiversityMetrics direct = new DiversityMetrics(1000, 9, 1000, DiversityMetrics.SELF_BLEU_CI_MAX_TEXTS);
        DiversityResult g = direct.compute(TextTokens.WHITESPACE.tokens(gen));
        DiversityResult f = direct.compute(TextTokens.WHITESPACE.tokens(ref));
        for (int n = 1; n <= 4; n++) {
            assertEquals(g.distinct(n), r.generated().figure("distinct_" + n), 0, "distinct-" + n);
            assertEquals(g.entropy(n), r.generated().figure("entropy_" + n), 1e-12, "entropy-" + n);
            assertEquals(f.distinct(n), r.reference().figure("distinct_" + n), 0, "reference distinct-" + n);
        }
        for (int n = 2; n <= 4; n++) assertEquals(g.selfBleu(n), r.generated().figure("self_bleu_" + n), 0, "self-BLEU-" + n);
        assertEquals(g.vendi(), r.generated().vendi(), 0);
        assertEquals(g.interval("distinct_2"), r.ci(), "headline interval: distinct-2's");
        assertEquals(g.distinct(2), r.value());
        assertEquals(25, r.n());
        assertEquals(List.of("g0", "g1", "g2", "g3", "g4"), r.examples().stream().map(TextSample::id).toList(), "examples in index order");
    }

    @Test
    void oneGenerationIsRefusedAndOneReferenceTextGivesNoReferenceFigures() {
        DiversityMetric m = new DiversityMetric();
        DiversityMetric.Params p = new DiversityMetric.Params(TextTokens.BYTES, 10, 0, 0);
        assertThrows(IllegalArgumentException.class,
                () -> MetricRun.once(m, p, List.of(new TextSample(TextSample.Set.GENERATED, 0, "a", null, "abc"))));
        DiversityMetric.Result r = MetricRun.once(m, p, List.of(new TextSample(TextSample.Set.GENERATED, 0, "a", null, "abc"),
                new TextSample(TextSample.Set.GENERATED, 1, "b", null, "abd"), new TextSample(TextSample.Set.REFERENCE, 0, "r", null, "xyz")));
        assertNull(r.reference());
        assertNull(r.ci(), "bootstrap 0: no interval");
        assertTrue(r.notes().contains("Only one reference text: no reference figures."), r.notes().toString());
        assertThrows(IllegalArgumentException.class, () -> m.newState(p).add(new TextSample(TextSample.Set.GENERATED, 0, "a", null, "x"))
                .add(new TextSample(TextSample.Set.GENERATED, 0, "a again", null, "y")), "overlapping shards");
    }
}
