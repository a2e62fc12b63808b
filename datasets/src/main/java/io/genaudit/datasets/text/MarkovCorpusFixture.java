package io.genaudit.datasets.text;

import io.genaudit.datasets.NamedDataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Text sampled from {@link MarkovSource#standard()}, whose entropy rate is known exactly. {@code markov-train} is one
 * file {@code train.txt} with one document per line; {@code markov-heldout} is a folder {@code heldout/} of
 * {@code doc-NNN.txt} files, one document per file (no newline). Train and held-out documents use disjoint seed streams.
 */
public abstract class MarkovCorpusFixture extends NamedDataset {
    /** Documents in {@code markov-train}. */
    public static final int TRAIN_DOCUMENTS = 200;
    /** Documents in {@code markov-heldout}. */
    public static final int HELDOUT_DOCUMENTS = 50;
    /** Bytes per document (train and held-out). */
    public static final int DOCUMENT_BYTES = 1500;

    MarkovCorpusFixture(String name, String description) {
        super(name, description);
    }

    /** The seed of document {@code index} in stream {@code stream} (1 = train, 2 = held-out). */
    static long documentSeed(long seed, int stream, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 31)) * 0x9E3779B97F4A7C15L;
        return z ^ (z >>> 29);
    }

    /** {@code markov-train}: {@value #TRAIN_DOCUMENTS} documents of {@value #DOCUMENT_BYTES} bytes, one per line of train.txt. */
    public static final class Train extends MarkovCorpusFixture {
        public Train() {
            super("markov-train", "Order-1 Markov text over 20 symbols (train.txt, one document per line, " + TRAIN_DOCUMENTS + " x "
                    + DOCUMENT_BYTES + " bytes); entropy rate " + String.format("%.4f", MarkovSource.standard().entropyRateNats())
                    + " nats/byte, perplexity of the true source " + String.format("%.3f", MarkovSource.standard().perplexityLowerBound()));
        }

        @Override
        public Path materialize(Path dir, long seed) throws IOException {
            Path file = dir.resolve("train.txt");
            if (Files.exists(file)) return file;
            Files.createDirectories(dir);
            MarkovSource src = MarkovSource.standard();
            StringBuilder sb = new StringBuilder(TRAIN_DOCUMENTS * (DOCUMENT_BYTES + 1));
            for (int i = 0; i < TRAIN_DOCUMENTS; i++) {
                sb.append(src.sample(DOCUMENT_BYTES, documentSeed(seed, 1, i))).append('\n');
            }
            Files.writeString(file, sb.toString(), StandardCharsets.US_ASCII);
            return file;
        }
    }

    /** {@code markov-heldout}: {@value #HELDOUT_DOCUMENTS} documents of {@value #DOCUMENT_BYTES} bytes, one per file. */
    public static final class Heldout extends MarkovCorpusFixture {
        public Heldout() {
            super("markov-heldout", "Held-out order-1 Markov text from the same source as markov-train (folder of " + HELDOUT_DOCUMENTS
                    + " .txt files, one document of " + DOCUMENT_BYTES + " bytes each); true-source perplexity "
                    + String.format("%.3f", MarkovSource.standard().perplexityLowerBound()) + " per byte");
        }

        @Override
        public Path materialize(Path dir, long seed) throws IOException {
            Path folder = dir.resolve("heldout");
            if (Files.isDirectory(folder)) return folder;
            Files.createDirectories(folder);
            MarkovSource src = MarkovSource.standard();
            for (int i = 0; i < HELDOUT_DOCUMENTS; i++) {
                Files.writeString(folder.resolve(String.format("doc-%03d.txt", i)),
                        src.sample(DOCUMENT_BYTES, documentSeed(seed, 2, i)), StandardCharsets.US_ASCII);
            }
            return folder;
        }
    }
}
