package io.genaudit.audits.metric;

import io.genaudit.metrics.bias.AttributePredictions;
import io.genaudit.metrics.bias.LmProbeScores;
import io.genaudit.metrics.fidelity.ClassLogitsBatch;
import io.genaudit.metrics.fidelity.FeatureBatch;

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
