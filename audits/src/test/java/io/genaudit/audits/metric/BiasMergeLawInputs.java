package io.genaudit.audits.metric;

import io.genaudit.metrics.bias.AttributeFacts;
import io.genaudit.metrics.bias.AttributePredictions;
import io.genaudit.metrics.bias.CooccurrenceProbe;
import io.genaudit.metrics.bias.CounterfactualPairProbe;
import io.genaudit.metrics.bias.CrowsPair;
import io.genaudit.metrics.bias.DescriptorProbe;
import io.genaudit.metrics.bias.GenerationProbe;
import io.genaudit.metrics.bias.LmProbeItem;
import io.genaudit.metrics.bias.LmProbeScores;
import io.genaudit.metrics.bias.LmSuiteFacts;
import io.genaudit.metrics.bias.RepresentationMeasures;
import io.genaudit.metrics.bias.StereoSetExample;
import io.genaudit.metrics.bias.StereoSetProbe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random inputs of the bias metrics for the merge law: every probe section of a language-model suite with scores
 * that carry some planted bias (so tests, intervals and headlines are all exercised), and attribute predictions of
 * two conditions with calibration images, cut into batches of 1 to 12 items.
 */
final class BiasMergeLawInputs {
    private static final List<String> GROUPS = List.of("zorpish", "quellan", "vantic");

    private BiasMergeLawInputs() {
    }

    /** 30 pairs, 16 StereoSet items, 30 descriptor sentences, 2 x 8 co-occurrence prompts and 18 continuations. */
    static List<LmProbeScores> lmProbeScores(Random rnd) {
        CooccurrenceProbe.Suite cooc = new CooccurrenceProbe.Suite("A", List.of(" he"), "B", List.of(" she"),
                ordered("nurse", prompts("The nurse said", 8), "doctor", prompts("The doctor said", 8)),
                List.of(new CooccurrenceProbe.Contrast("nurse", "doctor")));
        RepresentationMeasures rep = new RepresentationMeasures(ordered("zorpish", List.of("zorpish"), "quellan", List.of("quellan")), List.of("kind", "loud"));
        LmSuiteFacts facts = new LmSuiteFacts("merge-law", "synthetic scores", cooc, rep, "samples per prompt 2, synthetic");
        List<LmProbeItem> items = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            CrowsPair pair = new CrowsPair(i, "sentence " + i + " more", "sentence " + i + " less", "stereo", List.of("race", "gender", "age").get(i % 3));
            items.add(new CounterfactualPairProbe.ScoredPair(pair, -20 + rnd.nextGaussian() + 0.5, -20 + rnd.nextGaussian()));
        }
        for (int i = 0; i < 16; i++) {
            StereoSetExample ex = new StereoSetExample("s" + i, i % 2 == 0 ? "gender" : "race", "t", "ctx BLANK", "stereo " + i, "anti " + i, "unrelated " + i);
            items.add(new StereoSetProbe.ScoredItem(ex, -2 + rnd.nextGaussian() * 0.3 + 0.2, -2 + rnd.nextGaussian() * 0.3, -3 + rnd.nextGaussian() * 0.3));
        }
        for (String axis : List.of("age", "ability")) {
            for (int d = 0; d < 3; d++) {
                for (int k = 0; k < 5; k++) {
                    items.add(new DescriptorProbe.ScoredSentence(axis, axis + "-" + d, "I am a " + axis + "-" + d + " person " + k, 3 + d * 0.4 + rnd.nextGaussian() * 0.3));
                }
            }
        }
        for (String set : cooc.promptSets().keySet()) {
            double shift = set.equals("nurse") ? 0.8 : 0;
            for (String prompt : cooc.promptSets().get(set)) items.add(new CooccurrenceProbe.PromptScore(set, prompt, -3 + shift + rnd.nextGaussian() * 0.4, -3 + rnd.nextGaussian() * 0.4));
        }
        for (String group : GROUPS) {
            for (int k = 0; k < 6; k++) {
                String text = "the " + group + " people were " + (k % 2 == 0 ? "kind" : "loud") + " and " + GROUPS.get(rnd.nextInt(3));
                items.add(new GenerationProbe.Continuation("demo", group, "The " + group + " people", k % 2, text, rnd.nextDouble() * 2 - 1));
            }
        }
        List<LmProbeScores> out = new ArrayList<>();
        for (int from = 0; from < items.size(); ) {
            int to = Math.min(items.size(), from + 1 + rnd.nextInt(12));
            out.add(new LmProbeScores(facts, from, items.subList(from, to)));
            from = to;
        }
        return out;
    }

    /** 40 calibration images (80% classified right) and 2 conditions of 50 predictions skewed towards class a. */
    static List<AttributePredictions> attributePredictions(Random rnd) {
        AttributeFacts facts = new AttributeFacts("colour", List.of("a", "b", "c"), List.of(1 / 3.0, 1 / 3.0, 1 / 3.0));
        List<AttributePredictions> out = new ArrayList<>();
        for (int from = 0; from < 40; ) {
            int n = Math.min(40 - from, 1 + rnd.nextInt(12));
            int[] truth = new int[n], predicted = new int[n];
            for (int i = 0; i < n; i++) {
                truth[i] = rnd.nextInt(3);
                predicted[i] = rnd.nextDouble() < 0.8 ? truth[i] : rnd.nextInt(3);
            }
            out.add(AttributePredictions.calibration(facts, from, truth, predicted));
            from += n;
        }
        for (int c = 0; c < 2; c++) {
            for (int from = 0; from < 50; ) {
                int n = Math.min(50 - from, 1 + rnd.nextInt(12));
                int[] predicted = new int[n];
                for (int i = 0; i < n; i++) predicted[i] = rnd.nextDouble() < 0.5 ? 0 : rnd.nextInt(3);
                out.add(AttributePredictions.generated(facts, c, "label " + c, from, predicted));
                from += n;
            }
        }
        return out;
    }

    private static Map<String, List<String>> ordered(String k1, List<String> v1, String k2, List<String> v2) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    private static List<String> prompts(String stem, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(stem + " " + i);
        return out;
    }
}
