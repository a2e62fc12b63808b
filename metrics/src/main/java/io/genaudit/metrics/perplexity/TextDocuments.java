package io.genaudit.metrics.perplexity;

import io.genaudit.engine.InputException;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the documents a perplexity is computed over: a folder gives one document per {@code .txt} file (sorted by
 * path, searched recursively); a single file gives one document per paragraph (separated by blank lines) or, when it
 * has no blank line, one document per non-empty line. Text must be UTF-8.
 */
public final class TextDocuments {
    private static final Pattern BLANK_LINE = Pattern.compile("\n[ \t]*\n");

    private TextDocuments() {
    }

    /** The documents' texts, in order. */
    public static List<String> read(Path path) {
        return readNamed(path).stream().map(TextDocument::text).toList();
    }

    /** The documents with their names: a file's path relative to the folder, or FILE#k for the k-th paragraph or line. */
    public static List<TextDocument> readNamed(Path path) {
        if (Files.isDirectory(path)) {
            List<TextDocument> out = new ArrayList<>();
            for (Path f : files(path)) out.add(document(path, f));
            return out;
        }
        List<String> docs = split(readUtf8(path));
        if (docs.isEmpty()) throw new InputException(path, "expected text, found an empty file");
        List<TextDocument> out = new ArrayList<>(docs.size());
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        for (int k = 0; k < docs.size(); k++) out.add(new TextDocument(name + "#" + (k + 1), docs.get(k)));
        return out;
    }

    /** The {@code .txt} files of {@code folder} (searched recursively), sorted by path: its documents, in order. */
    public static List<Path> files(Path folder) {
        List<Path> files;
        try (Stream<Path> s = Files.walk(folder)) {
            files = s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new InputException(folder, "cannot list folder: " + e.getMessage());
        }
        if (files.isEmpty()) throw new InputException(folder, "expected .txt files in this folder, found none");
        return files;
    }

    /** The document of {@code file} in {@code folder}: named by its path relative to the folder, its whole UTF-8 text. */
    public static TextDocument document(Path folder, Path file) {
        return new TextDocument(folder.relativize(file).toString().replace('\\', '/'), readUtf8(file));
    }

    /** Paragraphs (blank-line separated) when there is a blank line, else non-empty lines; trailing newlines dropped. */
    public static List<String> split(String text) {
        String t = text.replace("\r\n", "\n");
        String[] parts = BLANK_LINE.matcher(t).find() ? BLANK_LINE.split(t) : t.split("\n");
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            String s = p.strip();
            if (!s.isEmpty()) out.add(s);
        }
        return out;
    }

    /** One string per non-empty line (generations for diversity). */
    public static List<String> lines(Path file) {
        List<String> out = new ArrayList<>();
        for (String l : readUtf8(file).replace("\r\n", "\n").split("\n")) {
            if (!l.isBlank()) out.add(l);
        }
        if (out.isEmpty()) throw new InputException(file, "expected one text per line, found no non-empty line");
        return out;
    }

    static String readUtf8(Path f) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(f))).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(f, "expected UTF-8 text, found invalid bytes");
        } catch (IOException e) {
            throw new InputException(f, "cannot be read: " + e.getMessage());
        }
    }
}
