package io.genaudit.metrics.stats;

import io.genaudit.values.Interval;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static io.genaudit.metrics.stats.RocReference.doubles;
import static io.genaudit.metrics.stats.RocReference.ints;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeLongTest {
    private static final JsonNode REF = RocReference.load();

    @Test
    void varianceAndIntervalMatchNumpyFastDeLong() {
        var it = REF.get("cases").fields();
        while (it.hasNext()) {
            var e = it.next();
            JsonNode c = e.getValue();
            double[] s = doubles(c.get("scores"));
            int[] y = ints(c.get("labels"));
            DeLong.Estimate est = DeLong.estimate(s, y);
            assertEquals(c.get("delong_auc").asDouble(), est.auc()[0], 1e-12, e.getKey());
            assertEquals(c.get("delong_variance").asDouble(), est.variance(0), 1e-12, e.getKey());
            Interval ci = DeLong.waldInterval(s, y, 0.95);
            assertEquals(c.get("delong_ci95").get(0).asDouble(), ci.low(), 1e-9, e.getKey());
            assertEquals(c.get("delong_ci95").get(1).asDouble(), ci.high(), 1e-9, e.getKey());
            // the logit-scale interval from the same (reference-checked) variance: inside (0, 1), around the AUC
            double auc = est.auc()[0], half = 1.959963984540054 * Math.sqrt(est.variance(0)) / (auc * (1 - auc));
            Interval logit = DeLong.interval(s, y, 0.95);
            if (auc > 0 && auc < 1) {
                assertEquals(1 / (1 + Math.exp(-(Math.log(auc / (1 - auc)) - half))), logit.low(), 1e-12, e.getKey());
                assertEquals(1 / (1 + Math.exp(-(Math.log(auc / (1 - auc)) + half))), logit.high(), 1e-12, e.getKey());
                assertTrue(logit.low() > 0 && logit.high() < 1 && logit.contains(auc), e.getKey() + " " + logit);
            }
        }
    }

    @Test
    void pairedComparisonMatchesNumpy() {
        JsonNode p = REF.get("paired");
        double[] s1 = doubles(p.get("scores1")), s2 = doubles(p.get("scores2"));
        int[] y = ints(p.get("labels"));
        DeLong.Estimate est = DeLong.estimate(new double[][]{s1, s2}, y);
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) assertEquals(p.get("cov").get(a).get(b).asDouble(), est.covariance()[a][b], 1e-12);
        }
        DeLong.Comparison c = DeLong.paired(s1, s2, y);
        assertEquals(p.get("auc1").asDouble(), c.auc1(), 1e-12);
        assertEquals(p.get("auc2").asDouble(), c.auc2(), 1e-12);
        assertEquals(p.get("z").asDouble(), c.z(), 1e-9);
        assertEquals(p.get("p").asDouble(), c.pValue(), 1e-9);
    }

    @Test
    void unpairedComparisonMatchesNumpy() {
        JsonNode p = REF.get("unpaired");
        DeLong.Comparison c = DeLong.unpaired(doubles(p.get("scores1")), ints(p.get("labels1")),
                doubles(p.get("scores2")), ints(p.get("labels2")));
        assertEquals(p.get("auc1").asDouble(), c.auc1(), 1e-12);
        assertEquals(p.get("auc2").asDouble(), c.auc2(), 1e-12);
        assertEquals(p.get("z").asDouble(), c.z(), 1e-9);
        assertEquals(p.get("p").asDouble(), c.pValue(), 1e-9);
    }
}
