package io.genaudit.metrics.bias;

import io.genaudit.metrics.contract.MetricRun;
import io.genaudit.metrics.stats.MultipleComparisons;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The {@code bias-image} metric over prediction batches computes what {@link AttributeDistributionProbe} computes on
 * the whole arrays (same seed, same calibration), per condition; the headline is the worst condition's TVD and the gap
 * summary labels groups "condition class".
 */
class BiasImageMetricTest {
    @Test
    void batchesGiveTheProbesReportPerCondition() {
        List<String> classes = List.of("red", "green", "blue");
        AttributeFacts facts = new AttributeFacts("colour", classes, List.of(1 / 3.0, 1 / 3.0, 1 / 3.0));
        SplittableRandom r = new SplittableRandom(3);
        int[] truth = r.ints(90, 0, 3).toArray();
        int[] calPred = Arrays.stream(truth).map(t -> r.nextDouble() < 0.85 ? t : r.nextInt(3)).toArray();
        int[][] cond = {r.ints(120, 0, 3).toArray(), r.ints(120, 0, 3).map(c -> r.nextDouble() < 0.6 ? 0 : c).toArray()};
        List<AttributePredictions> batches = new ArrayList<>();
        batches.add(AttributePredictions.calibration(facts, 0, Arrays.copyOfRange(truth, 0, 50), Arrays.copyOfRange(calPred, 0, 50)));
        for (int c = 0; c < 2; c++) {
            batches.add(AttributePredictions.generated(facts, c, "label " + c, 60, Arrays.copyOfRange(cond[c], 60, 120)));
            batches.add(AttributePredictions.generated(facts, c, "label " + c, 0, Arrays.copyOfRange(cond[c], 0, 60)));
        }
        batches.add(AttributePredictions.calibration(facts, 50, Arrays.copyOfRange(truth, 50, 90), Arrays.copyOfRange(calPred, 50, 90)));
        BiasImageMetric.Result res = MetricRun.once(new BiasImageMetric(), new BiasImageMetric.Params(MultipleComparisons.Method.HOLM, 0.95, 200, 9), batches);

        AttributeDistributionProbe probe = new AttributeDistributionProbe(MultipleComparisons.Method.HOLM, 0.95, 200, 9);
        var cal = new AttributeDistributionProbe.Calibration(truth, calPred);
        for (int c = 0; c < 2; c++) {
            var direct = probe.run(classes, cond[c], AttributeDistributionProbe.uniform(3), cal);
            var got = res.reports().reports().get(c);
            assertArrayEquals(direct.estimate(), got.estimate(), 0);
            assertEquals(direct.perClass(), got.perClass());
            assertEquals(direct.distances(), got.distances());
        }
        assertEquals(List.of("label 0", "label 1"), res.reports().conditions());
        double worst = Math.max(res.reports().reports().get(0).distances().tvd(), res.reports().reports().get(1).distances().tvd());
        assertEquals(worst, res.value(), 0);
        assertEquals(res.reports().reports().get(1).distances().tvd(), worst, 0, "the skewed condition is the worst");
        assertEquals(240, res.n());
        assertEquals(6, res.tests());
        assertEquals("TVD", res.unit());
    }
}
