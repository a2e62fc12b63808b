package io.genaudit.audits.metric;

import io.genaudit.metrics.bias.AttributePredictions;
import io.genaudit.metrics.bias.LmProbeScores;
import io.genaudit.metrics.diversity.TextSample;
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
