package io.genaudit.metrics.stats;

import io.genaudit.values.Interval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks the statistics against scipy numbers from fixtures/reference/bias/make_reference.py (stats_reference.json). */
class StatsReferenceTest {
    static JsonNode ref() throws Exception {
        try (InputStream in = StatsReferenceTest.class.getResourceAsStream("stats_reference.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    static double[] arr(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = a.get(i).asDouble();
        return out;
    }

    static void close(double expected, double actual, String what) {
        double tol = Math.max(1e-7 * Math.abs(expected), 1e-15); // relative: tiny tail p-values must match too
        assertEquals(expected, actual, tol, what);
    }

    @Test
    void binomialTestMatchesScipy() throws Exception {
        for (JsonNode r : ref().get("binomtest")) {
            long k = r.get("k").asLong(), n = r.get("n").asLong();
            double p = r.get("p").asDouble();
            String c = k + "/" + n + " p=" + p;
            close(r.get("two-sided").asDouble(), BinomialTest.test(k, n, p, Alternative.TWO_SIDED).pValue(), "two-sided " + c);
            close(r.get("greater").asDouble(), BinomialTest.test(k, n, p, Alternative.GREATER).pValue(), "greater " + c);
            close(r.get("less").asDouble(), BinomialTest.test(k, n, p, Alternative.LESS).pValue(), "less " + c);
        }
    }

    @Test
    void wilsonMatchesStatsmodelsFormula() throws Exception {
        for (JsonNode r : ref().get("wilson")) {
            Interval ci = WilsonInterval.of(r.get("k").asLong(), r.get("n").asLong(), r.get("level").asDouble());
            close(r.get("low").asDouble(), ci.low(), "low " + r);
            close(r.get("high").asDouble(), ci.high(), "high " + r);
        }
    }

    @Test
    void mannWhitneyMatchesScipy() throws Exception {
        for (JsonNode r : ref().get("mannwhitneyu")) {
            double[] x = arr(r.get("x")), y = arr(r.get("y"));
            String name = r.get("name").asText();
            for (var alt : new String[]{"two-sided", "greater", "less"}) {
                Alternative a = switch (alt) {
                    case "greater" -> Alternative.GREATER;
                    case "less" -> Alternative.LESS;
                    default -> Alternative.TWO_SIDED;
                };
                MannWhitneyU.Result res = MannWhitneyU.test(x, y, a, MannWhitneyU.Method.AUTO);
                close(r.get(alt).get("u1").asDouble(), res.u1(), name + " U1");
                close(r.get(alt).get("p").asDouble(), res.pValue(), name + " p " + alt);
            }
            close(r.get("asymptotic_two_sided").asDouble(),
                    MannWhitneyU.test(x, y, Alternative.TWO_SIDED, MannWhitneyU.Method.ASYMPTOTIC).pValue(), name + " asymptotic");
            if (r.has("exact_two_sided")) {
                close(r.get("exact_two_sided").asDouble(),
                        MannWhitneyU.test(x, y, Alternative.TWO_SIDED, MannWhitneyU.Method.EXACT).pValue(), name + " exact");
            }
            MannWhitneyU.Result res = MannWhitneyU.test(x, y);
            close(r.get("cles").asDouble(), res.commonLanguageEffect(), name + " CLES");
            close(2 * r.get("cles").asDouble() - 1, res.rankBiserial(), name + " rank-biserial");
        }
    }

    @Test
    void holmAndBenjaminiHochbergMatchStatsmodelsFormulas() throws Exception {
        for (JsonNode r : ref().get("multipletests")) {
            double[] p = arr(r.get("p"));
            assertArrayEquals(arr(r.get("holm")), MultipleComparisons.holm(p), 1e-12);
            assertArrayEquals(arr(r.get("bh")), MultipleComparisons.benjaminiHochberg(p), 1e-12);
        }
    }

    @Test
    void tTestMatchesScipy() throws Exception {
        for (JsonNode r : ref().get("ttest_1samp")) {
            OneSampleTTest.Result res = OneSampleTTest.test(arr(r.get("x")), 0, 0.95);
            close(r.get("t").asDouble(), res.t(), "t");
            close(r.get("p").asDouble(), res.pValue(), "p");
            close(r.get("se").asDouble(), res.standardError(), "se");
            close(r.get("low").asDouble(), res.ci().low(), "low");
            close(r.get("high").asDouble(), res.ci().high(), "high");
        }
    }

    @Test
    void chiSquareMatchesScipy() throws Exception {
        for (JsonNode r : ref().get("chisquare")) {
            TestResult t = ChiSquareGoodnessOfFit.test(arr(r.get("observed")), arr(r.get("proportions")));
            close(r.get("stat").asDouble(), t.statistic(), "stat");
            close(r.get("p").asDouble(), t.pValue(), "p");
        }
    }

    @Test
    void permutationTestIsDeterministicAndDetectsAShift() {
        double[] x = new double[40], y = new double[40];
        var rng = new java.util.SplittableRandom(3);
        for (int i = 0; i < 40; i++) {
            x[i] = rng.nextDouble() + 0.5;
            y[i] = rng.nextDouble();
        }
        PermutationTest pt = new PermutationTest(999, 7);
        TestResult a = pt.meanDifference(x, y), b = pt.meanDifference(x, y);
        assertEquals(a.pValue(), b.pValue());
        assertEquals(0.001, a.pValue(), 1e-12); // no permutation reaches a 0.5 shift of U(0,1) samples of 40
        // identical samples: observed difference 0, every permutation is at least as extreme
        assertEquals(1.0, pt.meanDifference(y, y).pValue(), 1e-12);
        assertTrue(pt.meanDifference(x, x).pValue() > 0.5);
    }
}
