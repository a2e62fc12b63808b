package io.genaudit.datasets.text;

import io.genaudit.datasets.BuiltInDataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code bias-planted} and {@code bias-control} corpora of {@link PlantedAssociationCorpus}: one file
 * {@code corpus.txt}, one sentence per line.
 */
public abstract class PlantedAssociationFixture implements BuiltInDataset {
    abstract PlantedAssociationCorpus corpus();

    @Override
    public String description() {
        PlantedAssociationCorpus c = corpus();
        return c.sentenceCount() + " template sentences (corpus.txt, one per line) about " + PlantedAssociationCorpus.groupA()
                + " vs " + PlantedAssociationCorpus.groupB() + " people; P(attribute in " + PlantedAssociationCorpus.attributesX()
                + " | A) = " + c.pXGivenA() + ", | B) = " + c.pXGivenB() + " (otherwise from " + PlantedAssociationCorpus.attributesY() + ")";
    }

    @Override
    public Path materialize(Path dir, long seed) throws IOException {
        Path file = dir.resolve("corpus.txt");
        if (Files.exists(file)) return file;
        Files.createDirectories(dir);
        StringBuilder sb = new StringBuilder();
        for (String s : corpus().sentences(seed)) sb.append(s).append('\n');
        Files.writeString(file, sb.toString(), StandardCharsets.US_ASCII);
        return file;
    }

    /** {@code bias-planted}: P(X|A) = 0.8, P(X|B) = 0.2. */
    public static final class Planted extends PlantedAssociationFixture {
        @Override
        PlantedAssociationCorpus corpus() {
            return PlantedAssociationCorpus.planted();
        }

        @Override
        public String name() {
            return "bias-planted";
        }
    }

    /** {@code bias-control}: attributes independent of the group (0.5 / 0.5). */
    public static final class Control extends PlantedAssociationFixture {
        @Override
        PlantedAssociationCorpus corpus() {
            return PlantedAssociationCorpus.control();
        }

        @Override
        public String name() {
            return "bias-control";
        }
    }
}
