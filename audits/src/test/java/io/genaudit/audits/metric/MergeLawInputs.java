package io.genaudit.audits.metric;

import io.genaudit.metrics.bias.AttributePredictions;
import io.genaudit.metrics.bias.LmProbeScores;
import io.genaudit.metrics.diversity.TextSample;
import io.genaudit.metrics.detect.DetectionInput;
import io.genaudit.metrics.detect.MarkRobustness;
import io.genaudit.metrics.detect.MarkedFile;
import io.genaudit.metrics.detect.Perturbation;
import io.genaudit.metrics.detect.ScoreSet;
import io.genaudit.metrics.fidelity.ClassLogitsBatch;
import io.genaudit.metrics.fidelity.FeatureBatch;
import io.genaudit.values.DocumentScore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Random input batches for each metric input type, for the merge-law check in {@link MetricContractTest}: a metric
 * over a new input type adds its generator here. Batches are small so every metric computes in well under a second.
 */
final class MergeLawInputs {
    private static final Map<Class<?>, Function<Random, List<?>>> GENERATORS = Map.of(
            FeatureBatch.class, MergeLawInputs::featureBatches,
            DocumentScore.class, MergeLawInputs::documentScores,
            TextSample.class, MergeLawInputs::textSamples,
            DetectionInput.class, MergeLawInputs::detectionInputs,
            ClassLogitsBatch.class, MergeLawInputs::classLogitsBatches,
            LmProbeScores.class, BiasMergeLawInputs::lmProbeScores,
            AttributePredictions.class, BiasMergeLawInputs::attributePredictions);

    private MergeLawInputs() {
    }

    /** Random batches of {@code type}, or null when no generator is registered. */
    @SuppressWarnings("unchecked")
    static <I> List<I> batches(Class<I> type, Random rnd) {
        Function<Random, List<?>> g = GENERATORS.get(type);
        return g == null ? null : (List<I>) g.apply(rnd);
    }

    /** 60 real and 50 generated 4-d rows (the generated side shifted), in batches of 1 to 12 rows. */
    private static List<FeatureBatch> featureBatches(Random rnd) {
        List<FeatureBatch> out = new ArrayList<>();
        for (FeatureBatch.Side side : FeatureBatch.Side.values()) {
            int n = side == FeatureBatch.Side.REAL ? 60 : 50;
            double shift = side == FeatureBatch.Side.REAL ? 0 : 0.7;
            int row = 0;
            while (row < n) {
                int b = Math.min(n - row, 1 + rnd.nextInt(12));
                double[][] rows = new double[b][4];
                for (double[] r : rows) for (int j = 0; j < 4; j++) r[j] = rnd.nextGaussian() + shift * (j + 1) / 4.0;
                out.add(FeatureBatch.rows(side, row, rows, side.name().toLowerCase()));
                row += b;
            }
        }
        return out;
    }

    /** 40 documents of 0 to 300 scored tokens (about 2-3 nats each), with byte and word counts, in corpus order. */
    private static List<DocumentScore> documentScores(Random rnd) {
        List<DocumentScore> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long tokens = rnd.nextInt(8) == 0 ? 0 : 1 + rnd.nextInt(300);
            out.add(new DocumentScore(i, "doc" + i + ".txt", tokens * (2 + rnd.nextDouble()), tokens, 4 * tokens + rnd.nextInt(9),
                    tokens / 3 + 1));
        }
        return out;
    }

    /** 30 generations and 12 reference texts of 0 to 12 words from a 15-word vocabulary (Zipf-like: repeats likely). */
    private static List<TextSample> textSamples(Random rnd) {
        List<TextSample> out = new ArrayList<>();
        for (TextSample.Set set : TextSample.Set.values()) {
            int n = set == TextSample.Set.GENERATED ? 30 : 12;
            for (int i = 0; i < n; i++) {
                StringBuilder t = new StringBuilder();
                int words = rnd.nextInt(13);
                for (int w = 0; w < words; w++) t.append(w == 0 ? "" : " ").append("w").append((int) (15 * Math.pow(rnd.nextDouble(), 2)));
                out.add(new TextSample(set, i, set + " " + i, i % 2 == 0 ? "p" : null, t.toString()));
            }
        }
        return out;
    }

    /**
     * Detector scores (40 real, 35 generated; generated shifted up) of a headline set (out-of-fold or fixed detector),
     * a perturbed set and a transfer test against two generators, in batches of 1 to 12 items; class sums of a
     * 6-bin spectrum in a few parts; and mark findings of 9 files (some marked, some with C2PA) with edit survival.
     */
    private static List<DetectionInput> detectionInputs(Random rnd) {
        List<DetectionInput> out = new ArrayList<>();
        ScoreSet.Scoring scoring = rnd.nextBoolean() ? ScoreSet.Scoring.OUT_OF_FOLD : ScoreSet.Scoring.FIXED_DETECTOR;
        scoreBatches(ScoreSet.headline(scoring, "gan"), 1.0, rnd, out);
        scoreBatches(ScoreSet.perturbed(scoring, 0, Perturbation.of("jpeg", 75)), 0.5, rnd, out);
        scoreBatches(new ScoreSet(ScoreSet.Role.TRANSFER_WITHIN, ScoreSet.Scoring.FIXED_DETECTOR, 0, "gan", 0, 20, 18), 1.0, rnd, out);
        scoreBatches(new ScoreSet(ScoreSet.Role.TRANSFER_ACROSS, ScoreSet.Scoring.FIXED_DETECTOR, 0, "vae", 0, 0, 0), 0.3, rnd, out);
        scoreBatches(new ScoreSet(ScoreSet.Role.TRANSFER_ACROSS, ScoreSet.Scoring.FIXED_DETECTOR, 1, "diffusion", 0, 0, 0), 0.0, rnd, out);
        for (DetectionInput.Label label : DetectionInput.Label.values()) {
            for (int part = 0; part < 3; part++) {
                double[] sum = new double[6];
                for (int j = 0; j < sum.length; j++) sum[j] = 10 * rnd.nextGaussian() + (label == DetectionInput.Label.GENERATED ? j : 0);
                out.add(new DetectionInput.SpectrumSums(label, sum, 5 + rnd.nextInt(10)));
            }
        }
        List<MarkedFile> files = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            boolean xmp = rnd.nextBoolean(), c2pa = rnd.nextInt(3) == 0, valid = c2pa && rnd.nextBoolean();
            List<String> where = new ArrayList<>();
            if (xmp) where.add("PNG iTXt XML:com.adobe.xmp");
            if (c2pa) where.add("C2PA manifest");
            files.add(new MarkedFile(String.format("img%02d.png", i), xmp || c2pa, where, xmp ? where.get(0) : null, null, c2pa,
                    c2pa ? "test/1.0" : null, null, valid ? "valid" : c2pa ? "invalid" : "absent", "self_signed", null, "absent", "absent", null, valid));
        }
        List<MarkRobustness> edits = List.of(new MarkRobustness("byte copy (control)", 6, 6, 2, 2), new MarkRobustness("JPEG re-encode, quality 90", 6, 0, 2, 0));
        out.add(new DetectionInput.Marks(files.subList(0, 4), List.of()));
        out.add(new DetectionInput.Marks(files.subList(4, 9), edits));
        java.util.Collections.shuffle(out, rnd);
        return out;
    }

    /** 40 real and 35 generated scores of {@code set} (generated shifted by {@code shift}), in random batches. */
    private static void scoreBatches(ScoreSet set, double shift, Random rnd, List<DetectionInput> out) {
        List<DetectionInput.LabelledScore> items = new ArrayList<>();
        for (int i = 0; i < 40; i++) items.add(new DetectionInput.LabelledScore(DetectionInput.Label.REAL, i, rnd.nextGaussian()));
        for (int i = 0; i < 35; i++) items.add(new DetectionInput.LabelledScore(DetectionInput.Label.GENERATED, i, rnd.nextGaussian() + shift));
        java.util.Collections.shuffle(items, rnd);
        int from = 0;
        while (from < items.size()) {
            int b = Math.min(items.size() - from, 1 + rnd.nextInt(12));
            out.add(new DetectionInput.Scores(set, items.subList(from, from + b)));
            from += b;
        }
    }

    /** 70 rows of 5 class logits (confident on a random class, so the Inception Score is well above 1), in batches of 1 to 12 rows. */
    private static List<ClassLogitsBatch> classLogitsBatches(Random rnd) {
        List<ClassLogitsBatch> out = new ArrayList<>();
        int row = 0;
        while (row < 70) {
            int b = Math.min(70 - row, 1 + rnd.nextInt(12));
            double[][] rows = new double[b][5];
            for (double[] r : rows) {
                for (int j = 0; j < 5; j++) r[j] = rnd.nextGaussian();
                r[rnd.nextInt(5)] += 3;
            }
            out.add(new ClassLogitsBatch(row, rows, "logits"));
            row += b;
        }
        return out;
    }
}
