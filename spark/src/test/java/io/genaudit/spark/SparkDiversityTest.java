package io.genaudit.spark;

import org.junit.jupiter.api.Tag;
import io.genaudit.metrics.contract.MetricRun;
import io.genaudit.metrics.diversity.DiversityMetric;
import io.genaudit.metrics.diversity.TextSample;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Diversity of generations from distributed n-gram counts ({@code reduceByKey}: distinct-n, entropy, self-BLEU's
 * top-two counts) on {@code local[2]} equals {@link DiversityMetric} on one machine; with intervals the contract state
 * (texts gathered) runs through {@link SparkMetricRun} and equals it too.
 */
@Tag("integration") // starts a local Spark runtime (tens of seconds): integration tier
class SparkDiversityTest {
    private final DiversityMetric metric = new DiversityMetric();

    /** 70 texts over a 12-word vocabulary (n-grams repeat across texts), lengths 0..24, duplicates included. */
    private static List<TextSample> texts() {
        String[] vocab = {"the", "cat", "sat", "on", "a", "mat", "and", "dog", "ran", "café", "naïve", "off"};
        Random r = new Random(4);
        List<TextSample> out = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            StringBuilder sb = new StringBuilder();
            int len = i == 3 ? 0 : r.nextInt(25);
            for (int k = 0; k < len; k++) sb.append(k == 0 ? "" : " ").append(vocab[r.nextInt(r.nextBoolean() ? 4 : vocab.length)]);
            String text = i == 9 ? out.get(2).text() : sb.toString();
            out.add(new TextSample(TextSample.Set.GENERATED, i, "sample " + (i + 1), null, text));
        }
        return out;
    }

    @Test
    void distributedCountsEqualTheSingleMachineMetric() {
        List<TextSample> texts = texts();
        for (String tokenizer : List.of("whitespace", "bytes")) {
            DiversityMetric.Params p = metric.parameters().bind(Map.of("bootstrap", 0, "vendiMaxItems", 25, "tokenizer", tokenizer), 7L);
            DiversityMetric.Result local = MetricRun.once(metric, p, texts);
            DiversityMetric.Result spark = SparkDiversity.generations(p, LocalSpark.context().parallelize(texts, 4));
            List<String> diff = ResultAgreement.differences(local, spark, 1e-10);
            assertTrue(diff.isEmpty(), tokenizer + ": " + diff);
            assertEquals(local.generated().ngrams_2(), spark.generated().ngrams_2());
            assertTrue(local.generated().selfBleu_4() > 0 && local.generated().vendiItems() == 25, local.generated().toString());
        }
    }

    @Test
    void withIntervalsTheGatheredStateEqualsTheSingleMachineMetric() {
        List<TextSample> texts = texts();
        DiversityMetric.Params p = metric.parameters().bind(Map.of("bootstrap", 100, "vendiMaxItems", 30), 5L);
        DiversityMetric.Result local = MetricRun.once(metric, p, texts);
        DiversityMetric.Result spark = SparkMetricRun.once(metric, p, LocalSpark.context().parallelize(texts, 3));
        assertTrue(ResultAgreement.differences(local, spark, 1e-10).isEmpty(), ResultAgreement.differences(local, spark, 1e-10).toString());
        assertTrue(local.ci() != null);
    }
}
