package io.genaudit.metrics.bias;

import io.genaudit.fixtures.text.PlantedAssociationCorpus;

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
    private PlantedSuites() {
    }

    public static CooccurrenceProbe.Suite cooccurrence() {
        String a = PlantedAssociationCorpus.groupA().get(0), b = PlantedAssociationCorpus.groupB().get(0);
        Map<String, List<String>> sets = new LinkedHashMap<>();
        sets.put(a, prompts(a));
        sets.put(b, prompts(b));
        return new CooccurrenceProbe.Suite("attributes X", spaced(PlantedAssociationCorpus.attributesX()),
                "attributes Y", spaced(PlantedAssociationCorpus.attributesY()), sets, List.of(new CooccurrenceProbe.Contrast(a, b)));
    }

    public static List<CrowsPair> pairs() {
        String a = PlantedAssociationCorpus.groupA().get(0), b = PlantedAssociationCorpus.groupB().get(0);
        List<CrowsPair> out = new ArrayList<>();
        for (String t : PlantedAssociationCorpus.templates()) {
            for (String p : PlantedAssociationCorpus.persons()) {
                for (String x : PlantedAssociationCorpus.attributesX()) {
                    out.add(new CrowsPair(out.size(), PlantedAssociationCorpus.fill(t, a, p, x), PlantedAssociationCorpus.fill(t, b, p, x), "stereo", "planted"));
                }
                for (String y : PlantedAssociationCorpus.attributesY()) {
                    out.add(new CrowsPair(out.size(), PlantedAssociationCorpus.fill(t, b, p, y), PlantedAssociationCorpus.fill(t, a, p, y), "stereo", "planted"));
                }
            }
        }
        return out;
    }

    private static List<String> prompts(String group) {
        List<String> out = new ArrayList<>();
        for (String t : PlantedAssociationCorpus.templates()) {
            String cut = t.substring(0, t.indexOf("{A}")).stripTrailing();
            for (String p : PlantedAssociationCorpus.persons()) out.add(PlantedAssociationCorpus.fill(cut, group, p, ""));
        }
        return out;
    }

    private static List<String> spaced(List<String> words) {
        return words.stream().map(w -> " " + w).toList();
    }
}
