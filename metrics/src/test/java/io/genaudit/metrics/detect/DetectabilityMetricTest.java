package io.genaudit.metrics.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genaudit.metrics.contract.MetricRun;
import io.genaudit.metrics.contract.ParamException;
import io.genaudit.metrics.detect.DetectionInput.Label;
import io.genaudit.metrics.detect.DetectionInput.LabelledScore;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code detectability} on labelled scores: the error rates equal scikit-learn's and the numpy DeLong reference
 * (detect/roc_reference.json, fixtures/reference/detect/make_reference.py) whatever the order the scores arrive in,
 * the fixed detector's operating point and the mark shares equal hand-worked and scipy values.
 */
class DetectabilityMetricTest {
    private static final DetectabilityMetric METRIC = new DetectabilityMetric();

    @Test
    void errorRatesMatchScikitLearnAndDeLongReferenceInAnyArrivalOrder() throws Exception {
        JsonNode cases;
        try (InputStream in = getClass().getResourceAsStream("/detect/roc_reference.json")) {
            cases = new ObjectMapper().readTree(in).get("cases");
        }
        var it = cases.fields();
        while (it.hasNext()) {
            var e = it.next();
            JsonNode c = e.getValue();
            List<DetectionInput> batches = shuffledBatches(ScoreSet.headline(ScoreSet.Scoring.FIXED_DETECTOR, "g"), c.get("scores"), c.get("labels"), new Random(3));
            // the bootstrap interval is not compared here, so the fewest resamples
            DetectabilityMetric.Result r = MetricRun.once(METRIC, METRIC.parameters().bind(Map.of("bootstrap", 10), null), batches);
            String k = e.getKey();
            assertEquals(c.get("auc").asDouble(), r.value(), 1e-12, k);
            assertEquals(c.get("ap").asDouble(), r.ap(), 1e-12, k);
            assertEquals(c.get("eer").asDouble(), r.eer(), 1e-12, k);
            assertEquals(c.get("eer_threshold").asDouble(), r.eerThreshold(), 1e-12, k);
            assertEquals(c.get("accuracy_at_eer").asDouble(), r.accuracyAtEer(), 1e-12, k);
            assertEquals(c.get("tpr_at_1pct_fpr").asDouble(), r.tprAt_1pctFpr(), 1e-12, k);
            assertArrayEquals(doubles(c.get("fpr_dropped")), r.rocFpr(), 1e-12, k);
            assertArrayEquals(doubles(c.get("tpr_dropped")), r.rocTpr(), 1e-12, k);
            // DeLong's interval on the logit scale from the reference variance (numpy DeLong)
            double auc = c.get("auc").asDouble(), half = 1.959963984540054 * Math.sqrt(c.get("delong_variance").asDouble()) / (auc * (1 - auc));
            if (auc > 0 && auc < 1) {
                assertEquals(1 / (1 + Math.exp(-(Math.log(auc / (1 - auc)) - half))), r.aucDelongCi().low(), 1e-9, k);
                assertEquals(1 / (1 + Math.exp(-(Math.log(auc / (1 - auc)) + half))), r.aucDelongCi().high(), 1e-9, k);
            }
            assertEquals(c.get("scores").size(), r.n(), k);
            assertEquals("fixed detector", r.mode());
        }
    }

    @Test
    void outOfFoldScoresGetTheDoubledDeLongIntervalAndCrossValidationDetectionRate() {
        double[] s = {0.1, 0.4, 0.35, 0.8, 0.2, 0.9, 0.7, 0.3};
        int[] y = {0, 0, 1, 1, 0, 1, 1, 0};
        List<DetectionInput> b = shuffledBatches(ScoreSet.headline(ScoreSet.Scoring.OUT_OF_FOLD, "g"), s, y, new Random(1));
        DetectabilityMetric.Result r = MetricRun.once(METRIC, METRIC.parameters().defaults(), b);
        DetectabilityMetrics direct = DetectabilityMetrics.ofCrossValidated(sortedByClass(s, y), sortedLabels(y), 0.01);
        assertEquals(direct.aucCi(), r.ci());
        assertEquals(15.0 / 16, r.value(), 1e-15, "15 of 16 (generated, real) pairs ordered correctly");
        assertEquals(r.tprAtFpr(), r.detectionRate());
        assertNull(r.threshold());
        assertNull(r.markedShare(), "no files surveyed");
    }

    @Test
    void fixedDetectorThresholdIsCalibratedOnRealScores() {
        // 100 real scores 0.00 .. 0.99: at 1% FPR one may score above the threshold, so it is the second largest, 0.98;
        // 7 of the 10 generated scores exceed it
        double[] real = new double[100];
        for (int i = 0; i < 100; i++) real[i] = i / 100.0;
        double[] fake = {0.5, 0.97, 0.98, 0.985, 0.99, 0.995, 1.0, 1.1, 1.2, 1.3};
        List<DetectionInput> b = new ArrayList<>();
        List<LabelledScore> items = new ArrayList<>();
        for (int i = 0; i < real.length; i++) items.add(new LabelledScore(Label.REAL, i, real[i]));
        for (int i = 0; i < fake.length; i++) items.add(new LabelledScore(Label.GENERATED, i, fake[i]));
        b.add(new DetectionInput.Scores(ScoreSet.headline(ScoreSet.Scoring.FIXED_DETECTOR, "g"), items));
        DetectabilityMetric.Result r = MetricRun.once(METRIC, METRIC.parameters().defaults(), b);
        assertEquals(0.98, r.threshold(), 0);
        assertEquals(0.01, r.calibrationFpr(), 1e-15);
        assertEquals(0.7, r.detectionRate(), 1e-15);
    }

    @Test
    void markSharesHaveClopperPearsonIntervals() {
        List<MarkedFile> files = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            boolean marked = i < 3, c2pa = i == 0;
            files.add(new MarkedFile("f" + i + ".png", marked, marked ? List.of(c2pa ? "C2PA manifest" : "PNG iTXt") : List.of(), null, null, c2pa,
                    null, null, c2pa ? "valid" : "absent", "self_signed", null, "absent", "absent", null, c2pa));
        }
        List<DetectionInput> b = new ArrayList<>(shuffledBatches(ScoreSet.headline(ScoreSet.Scoring.OUT_OF_FOLD, "g"),
                new double[]{0, 1, 2, 3}, new int[]{0, 1, 0, 1}, new Random(2)));
        b.add(new DetectionInput.Marks(files, List.of()));
        DetectabilityMetric.Result r = MetricRun.once(METRIC, METRIC.parameters().defaults(), b);
        assertEquals(0.75, r.markedShare(), 0);
        // scipy.stats.beta.ppf(0.025, 3, 2), beta.ppf(0.975, 4, 1)
        assertEquals(0.19412044968324338, r.markedShareCi().low(), 1e-9);
        assertEquals(0.9936905367902902, r.markedShareCi().high(), 1e-9);
        // beta.ppf(0.025, 1, 4), beta.ppf(0.975, 2, 3)
        assertEquals(0.25, r.validSignatureShare(), 0);
        assertEquals(0.006309463209709866, r.validSignatureShareCi().low(), 1e-9);
        assertEquals(0.8058795503167565, r.validSignatureShareCi().high(), 1e-9);
        assertEquals(Map.of("C2PA manifest", 1, "PNG iTXt", 2), r.markLocations());
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("1 of 4 generated files carry no")), r.notes().toString());
    }

    @Test
    void badFprIsAParameterError() {
        ParamException e = assertThrows(ParamException.class, () -> METRIC.parameters().bind(Map.of("fpr", 1.5), null));
        assertEquals("fpr", e.parameter());
    }

    private static List<DetectionInput> shuffledBatches(ScoreSet set, JsonNode scores, JsonNode labels, Random rnd) {
        double[] s = doubles(scores);
        int[] y = new int[labels.size()];
        for (int i = 0; i < y.length; i++) y[i] = labels.get(i).asInt();
        return shuffledBatches(set, s, y, rnd);
    }

    /** Items numbered within their class in input order, shuffled into batches of up to 7. */
    private static List<DetectionInput> shuffledBatches(ScoreSet set, double[] s, int[] y, Random rnd) {
        List<LabelledScore> items = new ArrayList<>();
        int real = 0, fake = 0;
        for (int i = 0; i < s.length; i++) {
            items.add(y[i] == 1 ? new LabelledScore(Label.GENERATED, fake++, s[i]) : new LabelledScore(Label.REAL, real++, s[i]));
        }
        Collections.shuffle(items, rnd);
        List<DetectionInput> out = new ArrayList<>();
        for (int from = 0; from < items.size(); from += 7) out.add(new DetectionInput.Scores(set, items.subList(from, Math.min(items.size(), from + 7))));
        return out;
    }

    private static double[] sortedByClass(double[] s, int[] y) {
        double[] out = new double[s.length];
        int k = 0;
        for (int c = 0; c <= 1; c++) for (int i = 0; i < s.length; i++) if (y[i] == c) out[k++] = s[i];
        return out;
    }

    private static int[] sortedLabels(int[] y) {
        int[] out = y.clone();
        java.util.Arrays.sort(out);
        return out;
    }

    private static double[] doubles(JsonNode a) {
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) d[i] = a.get(i).isNull() ? Double.POSITIVE_INFINITY : a.get(i).asDouble();
        return d;
    }
}
