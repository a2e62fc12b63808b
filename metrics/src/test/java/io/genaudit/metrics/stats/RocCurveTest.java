package io.genaudit.metrics.stats;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Iterator;
import java.util.Map;

import static io.genaudit.metrics.stats.RocReference.doubles;
import static io.genaudit.metrics.stats.RocReference.ints;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RocCurveTest {
    private static final JsonNode REF = RocReference.load();

    @Test
    void matchesScikitLearnOnEveryReferenceCase() {
        Iterator<Map.Entry<String, JsonNode>> it = REF.get("cases").fields();
        int cases = 0;
        while (it.hasNext()) {
            var e = it.next();
            JsonNode c = e.getValue();
            String name = e.getKey();
            double[] s = doubles(c.get("scores"));
            int[] y = ints(c.get("labels"));
            assertEquals(c.get("auc").asDouble(), RocCurve.auc(s, y), 1e-12, name + " auc");
            RocCurve roc = RocCurve.of(s, y);
            assertEquals(c.get("auc").asDouble(), roc.area(), 1e-12, name + " trapezoid area");
            assertArrayEquals(doubles(c.get("fpr")), roc.fpr(), 1e-12, name + " fpr");
            assertArrayEquals(doubles(c.get("tpr")), roc.tpr(), 1e-12, name + " tpr");
            // thresholds[0] is +inf (scikit-learn >= 1.3); older versions, like the one that made the file, write max + 1
            double[] th = roc.thresholds(), refTh = doubles(c.get("thresholds"));
            assertEquals(Double.POSITIVE_INFINITY, th[0]);
            assertArrayEquals(java.util.Arrays.copyOfRange(refTh, 1, refTh.length), java.util.Arrays.copyOfRange(th, 1, th.length), 1e-12, name + " thresholds");
            RocCurve dropped = roc.dropIntermediate();
            assertArrayEquals(doubles(c.get("fpr_dropped")), dropped.fpr(), 1e-12, name + " fpr (drop_intermediate)");
            assertArrayEquals(doubles(c.get("tpr_dropped")), dropped.tpr(), 1e-12, name + " tpr (drop_intermediate)");
            RocCurve.EqualErrorRate eer = roc.equalErrorRate();
            assertEquals(c.get("eer").asDouble(), eer.eer(), 1e-12, name + " eer");
            assertEquals(c.get("eer_fpr").asDouble(), eer.fpr(), 1e-12, name + " eer (DeepfakeBench fpr)");
            assertEquals(c.get("eer_threshold").asDouble(), eer.threshold(), 1e-12, name + " eer threshold");
            assertEquals(c.get("accuracy_at_eer").asDouble(), RocCurve.accuracy(s, y, eer.threshold()), 1e-12, name + " accuracy");
            assertEquals(c.get("tpr_at_1pct_fpr").asDouble(), roc.tprAtFpr(0.01), 1e-12, name + " tpr@1%");
            cases++;
        }
        assertEquals(4, cases);
    }

    @Test
    void perfectAndInvertedAndTiedScorers() {
        int[] y = {0, 0, 1, 1};
        assertEquals(1.0, RocCurve.auc(new double[]{0.1, 0.2, 0.8, 0.9}, y));
        assertEquals(0.0, RocCurve.auc(new double[]{0.9, 0.8, 0.2, 0.1}, y));
        assertEquals(0.5, RocCurve.auc(new double[]{0.5, 0.5, 0.5, 0.5}, y));
        assertEquals(0.5, RocCurve.of(new double[]{0.5, 0.5, 0.5, 0.5}, y).equalErrorRate().eer(), "all tied: EER 0.5");
        assertEquals(0.0, RocCurve.of(new double[]{0.1, 0.2, 0.8, 0.9}, y).equalErrorRate().eer());
    }

    @Test
    void rejectsOneClassAndBadLabels() {
        assertThrows(IllegalArgumentException.class, () -> RocCurve.auc(new double[]{0.1, 0.2}, new int[]{1, 1}));
        assertThrows(IllegalArgumentException.class, () -> RocCurve.auc(new double[]{0.1, 0.2}, new int[]{0, 2}));
        assertThrows(IllegalArgumentException.class, () -> RocCurve.auc(new double[]{0.1, Double.NaN}, new int[]{0, 1}));
    }
}
