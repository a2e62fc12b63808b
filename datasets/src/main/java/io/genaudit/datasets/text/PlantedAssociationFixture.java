package io.genaudit.datasets.text;

import io.genaudit.datasets.NamedDataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code bias-planted} and {@code bias-control} corpora of {@link PlantedAssociationCorpus}: one file
 * {@code corpus.txt}, one sentence per line.
 */
public abstract class PlantedAssociationFixture extends NamedDataset {
    private final PlantedAssociationCorpus corpus;

    PlantedAssociationFixture(String name, PlantedAssociationCorpus corpus) {
        super(name, corpus.sentenceCount() + " template sentences (corpus.txt, one per line) about " + PlantedAssociationCorpus.groupA()
                + " vs " + PlantedAssociationCorpus.groupB() + " people; P(attribute in " + PlantedAssociationCorpus.attributesX()
                + " | A) = " + corpus.pXGivenA() + ", | B) = " + corpus.pXGivenB() + " (otherwise from " + PlantedAssociationCorpus.attributesY() + ")");
        this.corpus = corpus;
    }

    @Override
    public Path materialize(Path dir, long seed) throws IOException {
        Path file = dir.resolve("corpus.txt");
        if (Files.exists(file)) return file;
        Files.createDirectories(dir);
        StringBuilder sb = new StringBuilder();
        for (String s : corpus.sentences(seed)) sb.append(s).append('\n');
        Files.writeString(file, sb.toString(), StandardCharsets.US_ASCII);
        return file;
    }

    /** {@code bias-planted}: P(X|A) = 0.8, P(X|B) = 0.2. */
    public static final class Planted extends PlantedAssociationFixture {
        public Planted() {
            super("bias-planted", PlantedAssociationCorpus.planted());
        }
    }

    /** {@code bias-control}: attributes independent of the group (0.5 / 0.5). */
    public static final class Control extends PlantedAssociationFixture {
        public Control() {
            super("bias-control", PlantedAssociationCorpus.control());
        }
    }
}
