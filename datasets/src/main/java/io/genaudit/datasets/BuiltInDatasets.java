package io.genaudit.datasets;

import io.genaudit.datasets.shapes.ShapesFixture;
import io.genaudit.datasets.shapes.ShapesSpec;
import io.genaudit.datasets.text.PlantedAssociationCorpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one entry point production code outside this module uses (LayeringTest enforces it): the built-in data sets
 * that plans name as {@code fixture:NAME}, looked up by name and materialized into a per-seed cache directory, and
 * the vocabularies other modules must agree with (the shapes attributes the built-in classifier predicts, the planted
 * corpus's words the bias probes ask about). Everything else in the module is its implementation.
 */
public final class BuiltInDatasets {
    private BuiltInDatasets() {
    }

    /** All registered data sets, by name. */
    public static Map<String, BuiltInDataset> all() {
        Map<String, BuiltInDataset> out = new TreeMap<>();
        for (BuiltInDataset f : ServiceLoader.load(BuiltInDataset.class)) {
            out.put(f.name(), f);
        }
        return out;
    }

    /** The names plans may use after {@code fixture:}, sorted. */
    public static Set<String> names() {
        return all().keySet();
    }

    /** Whether {@code name} is a registered data set. */
    public static boolean isKnown(String name) {
        return all().containsKey(name);
    }

    /** One sentence on what data set {@code name} is; an IllegalArgumentException when unknown. */
    public static String description(String name) {
        return find(name).description();
    }

    /** Materializes data set {@code name} with {@code seed} under {@code cacheRoot/name-seed}, reusing it when already there. */
    public static Path materialize(String name, long seed, Path cacheRoot) throws IOException {
        BuiltInDataset f = find(name);
        Path dir = cacheRoot.resolve(name + "-" + seed);
        Path done = dir.resolve(".complete");
        Path tmp = cacheRoot.resolve(name + "-" + seed + ".tmp-" + ProcessHandle.current().pid());
        if (Files.exists(done)) {
            return f.materialize(dir, seed); // implementations return the existing path when files are present
        }
        Files.createDirectories(tmp);
        f.materialize(tmp, seed);
        Files.writeString(tmp.resolve(".complete"), name + " " + seed);
        try {
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.exists(done)) throw e; // another process won the race
        }
        return f.materialize(dir, seed);
    }

    private static BuiltInDataset find(String name) {
        BuiltInDataset f = all().get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown fixture '" + name + "'; known: " + names());
        }
        return f;
    }

    /**
     * The shapes data sets' attributes and their classes in class-id order (shape, colour, size): what the built-in
     * shapes classifier predicts and how labels.csv values map to class ids everywhere.
     */
    public static Map<String, List<String>> shapesAttributes() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("shape", ShapesSpec.SHAPES);
        m.put("colour", ShapesSpec.COLOURS);
        m.put("size", ShapesSpec.SIZES);
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * Writes {@code count} balanced shapes images with {@code seed} into {@code folder} (PNGs and labels.csv) unless
     * a complete set is already there; returns the folder.
     */
    public static Path balancedShapes(int count, long seed, Path folder) throws IOException {
        if (!Files.exists(folder.resolve(ShapesFixture.LABELS))) ShapesFixture.write(ShapesSpec.balanced(count), seed, folder);
        return folder;
    }

    /** The words and templates of the {@code bias-planted}/{@code bias-control} corpora. */
    public static PlantedWords plantedWords() {
        return new PlantedWords(PlantedAssociationCorpus.groupA(), PlantedAssociationCorpus.groupB(),
                PlantedAssociationCorpus.attributesX(), PlantedAssociationCorpus.attributesY(),
                PlantedAssociationCorpus.persons(), PlantedAssociationCorpus.templates());
    }

    /**
     * The vocabulary of the planted-association corpora: group words A and B, attribute sets X (planted with A) and
     * Y (planted with B), person nouns, and sentence templates with {@code {G}}, {@code {P}} and {@code {A}} slots.
     */
    public record PlantedWords(List<String> groupA, List<String> groupB, List<String> attributesX,
                               List<String> attributesY, List<String> persons, List<String> templates) {
        /** Fills a template's group, person and attribute slots. */
        public String fill(String template, String group, String person, String attribute) {
            return PlantedAssociationCorpus.fill(template, group, person, attribute);
        }
    }
}
