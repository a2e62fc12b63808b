package io.genaudit.engine.lm.transformer;

import io.genaudit.engine.InputException;
import io.genaudit.engine.io.Sha256;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Training text as one byte stream: a file as is, or a folder's {@code .txt} files in sorted order joined by newlines.
 * Carries the SHA-256 of the source (file or folder) for provenance and caching.
 */
public record TextCorpus(String source, byte[] bytes, String sha256, int files) {

    public static TextCorpus read(Path path) {
        try {
            if (Files.isRegularFile(path)) {
                return new TextCorpus(path.toString(), Files.readAllBytes(path), Sha256.of(path), 1);
            }
            if (Files.isDirectory(path)) {
                List<Path> txt;
                try (Stream<Path> s = Files.walk(path)) {
                    txt = s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
                }
                if (txt.isEmpty()) throw new InputException(path, "a text file or a folder of .txt files expected, the folder has no .txt file");
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                for (int i = 0; i < txt.size(); i++) {
                    if (i > 0) out.write('\n');
                    out.write(Files.readAllBytes(txt.get(i)));
                }
                return new TextCorpus(path.toString(), out.toByteArray(), Sha256.of(path), txt.size());
            }
            throw new InputException(path, "a text file or a folder of .txt files expected, nothing found there");
        } catch (IOException e) {
            throw new InputException(path.toString(), "cannot read training text: " + e.getMessage(), e);
        }
    }
}
