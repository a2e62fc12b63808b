package io.genaudit.metrics.bias;

import io.genaudit.datasets.BuiltInDatasets;
import io.genaudit.datasets.BuiltInDatasets.PlantedWords;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Probe suites for the {@code bias-planted}/{@code bias-control} fixture corpora, built from the corpus's own group and
 * attribute words: prompts cut at the attribute slot for each group (co-occurrence, with the paired contrast estimating
 * the planted log odds ratio) and counterfactual pairs that swap the group word (CrowS-Pairs style; sent_more is the
 * planted-stereotype side: group A with an X attribute, group B with a Y attribute).
 */
public final class PlantedSuites {
    private static final PlantedWords WORDS = BuiltInDatasets.plantedWords();

    private PlantedSuites() {
    }

    public static CooccurrenceProbe.Suite cooccurrence() {
        String a = WORDS.groupA().get(0), b = WORDS.groupB().get(0);
        Map<String, List<String>> sets = new LinkedHashMap<>();
        sets.put(a, prompts(a));
        sets.put(b, prompts(b));
        return new CooccurrenceProbe.Suite("attributes X", spaced(WORDS.attributesX()),
                "attributes Y", spaced(WORDS.attributesY()), sets, List.of(new CooccurrenceProbe.Contrast(a, b)));
    }

    public static List<CrowsPair> pairs() {
        String a = WORDS.groupA().get(0), b = WORDS.groupB().get(0);
        List<CrowsPair> out = new ArrayList<>();
        for (String t : WORDS.templates()) {
            for (String p : WORDS.persons()) {
                for (String x : WORDS.attributesX()) {
                    out.add(new CrowsPair(out.size(), WORDS.fill(t, a, p, x), WORDS.fill(t, b, p, x), "stereo", "planted"));
                }
                for (String y : WORDS.attributesY()) {
                    out.add(new CrowsPair(out.size(), WORDS.fill(t, b, p, y), WORDS.fill(t, a, p, y), "stereo", "planted"));
                }
            }
        }
        return out;
    }

    private static List<String> prompts(String group) {
        List<String> out = new ArrayList<>();
        for (String t : WORDS.templates()) {
            String cut = t.substring(0, t.indexOf("{A}")).stripTrailing();
            for (String p : WORDS.persons()) out.add(WORDS.fill(cut, group, p, ""));
        }
        return out;
    }

    private static List<String> spaced(List<String> words) {
        return words.stream().map(w -> " " + w).toList();
    }
}
