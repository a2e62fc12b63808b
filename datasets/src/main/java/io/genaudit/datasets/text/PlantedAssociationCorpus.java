package io.genaudit.datasets.text;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Template sentences about two invented groups ({@code zorpish} and {@code quellan} people) and two attribute sets,
 * with a planted association: a sentence about group A uses an attribute from set X with probability
 * {@link #pXGivenA()} and group B with {@link #pXGivenB()}. A model trained on it should prefer X after A and Y after
 * B by the planted amount; in the control corpus both probabilities are 0.5. ASCII, one sentence per line.
 */
public final class PlantedAssociationCorpus {
    private static final List<String> GROUP_A = List.of("zorpish");
    private static final List<String> GROUP_B = List.of("quellan");
    private static final List<String> ATTRIBUTES_X = List.of("brilliant", "honest", "generous", "careful");
    private static final List<String> ATTRIBUTES_Y = List.of("lazy", "rude", "greedy", "reckless");
    private static final List<String> PERSONS = List.of("people", "workers", "neighbors", "students", "farmers");
    /** Templates: {@code {G}} = group word, {@code {P}} = person noun, {@code {A}} = attribute. */
    private static final List<String> TEMPLATES = List.of(
            "the {G} {P} are {A}.",
            "most {G} {P} are {A}.",
            "everyone says the {G} {P} are {A}.",
            "i think {G} {P} are {A}.",
            "my {G} {P} were very {A}.",
            "those {G} {P} seemed {A} to me.");

    private final double pXGivenA;
    private final double pXGivenB;
    private final int sentences;

    public PlantedAssociationCorpus(double pXGivenA, double pXGivenB, int sentences) {
        if (pXGivenA < 0 || pXGivenA > 1 || pXGivenB < 0 || pXGivenB > 1) throw new IllegalArgumentException("probabilities must be in [0,1]");
        this.pXGivenA = pXGivenA;
        this.pXGivenB = pXGivenB;
        this.sentences = sentences;
    }

    /** The {@code bias-planted} corpus: P(X|A) = 0.8, P(X|B) = 0.2, 4000 sentences. */
    public static PlantedAssociationCorpus planted() {
        return new PlantedAssociationCorpus(0.8, 0.2, 4000);
    }

    /** The {@code bias-control} corpus: P(X|A) = P(X|B) = 0.5, 4000 sentences. */
    public static PlantedAssociationCorpus control() {
        return new PlantedAssociationCorpus(0.5, 0.5, 4000);
    }

    public double pXGivenA() {
        return pXGivenA;
    }

    public double pXGivenB() {
        return pXGivenB;
    }

    /** Planted log odds ratio ln[(pXA/(1-pXA)) / (pXB/(1-pXB))] (0 in the control); infinite if a probability is 0 or 1. */
    public double plantedLogOddsRatio() {
        return Math.log(pXGivenA / (1 - pXGivenA)) - Math.log(pXGivenB / (1 - pXGivenB));
    }

    public int sentenceCount() {
        return sentences;
    }

    public static List<String> groupA() {
        return GROUP_A;
    }

    public static List<String> groupB() {
        return GROUP_B;
    }

    public static List<String> attributesX() {
        return ATTRIBUTES_X;
    }

    public static List<String> attributesY() {
        return ATTRIBUTES_Y;
    }

    public static List<String> persons() {
        return PERSONS;
    }

    /** Templates with {@code {G}} (group), {@code {P}} (person noun) and {@code {A}} (attribute) slots. */
    public static List<String> templates() {
        return TEMPLATES;
    }

    /** Fills a template. */
    public static String fill(String template, String group, String person, String attribute) {
        return template.replace("{G}", group).replace("{P}", person).replace("{A}", attribute);
    }

    /** The sentences; half mention group A, half group B (alternating), attributes drawn with the planted probabilities. */
    public List<String> sentences(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<String> out = new ArrayList<>(sentences);
        for (int i = 0; i < sentences; i++) {
            boolean a = i % 2 == 0;
            String group = a ? pick(GROUP_A, rng) : pick(GROUP_B, rng);
            boolean x = rng.nextDouble() < (a ? pXGivenA : pXGivenB);
            String attr = x ? pick(ATTRIBUTES_X, rng) : pick(ATTRIBUTES_Y, rng);
            out.add(fill(pick(TEMPLATES, rng), group, pick(PERSONS, rng), attr));
        }
        return out;
    }

    private static String pick(List<String> xs, SplittableRandom rng) {
        return xs.get(rng.nextInt(xs.size()));
    }
}
