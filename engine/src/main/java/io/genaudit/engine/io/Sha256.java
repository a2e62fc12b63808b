package io.genaudit.engine.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** SHA-256 of files, folders (sorted relative paths and contents) and byte arrays, for provenance. */
public final class Sha256 {
    private Sha256() {
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** Hash of a file, or of a folder: every regular file below it in sorted order, path and content. */
    public static String of(Path path) throws IOException {
        if (!Files.isDirectory(path)) return ofContent(() -> Files.newInputStream(path));
        List<Path> files;
        try (Stream<Path> s = Files.walk(path)) {
            files = s.filter(Files::isRegularFile).filter(p -> counts(p.getFileName().toString())).sorted().toList();
        }
        List<Member> members = new ArrayList<>();
        for (Path f : files) members.add(new Member(path.relativize(f).toString().replace('\\', '/'), () -> Files.newInputStream(f)));
        return ofFolder(members);
    }

    /** Opens a file's content for hashing. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    /**
     * A file of a folder being hashed, on any file system (local, or a Hadoop file system on Spark).
     *
     * @param relative its path below the folder, {@code /}-separated
     * @param content  how to read it
     */
    public record Member(String relative, Content content) {
    }

    /** Whether a file of this name counts in a folder's hash: hidden files ({@code .crc}, markers) do not. */
    public static boolean counts(String fileName) {
        return !fileName.startsWith(".");
    }

    /** The hash {@link #of(Path)} gives a folder, over its counted files in sorted order: path, a zero byte, content. */
    public static String ofFolder(List<Member> members) throws IOException {
        MessageDigest md = digest();
        for (Member m : members) {
            md.update(m.relative().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            md.update((byte) 0);
            update(md, m.content());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** The hash {@link #of(Path)} gives a file, of {@code content}. */
    public static String ofContent(Content content) throws IOException {
        MessageDigest md = digest();
        update(md, content);
        return HexFormat.of().formatHex(md.digest());
    }

    private static void update(MessageDigest md, Content content) throws IOException {
        byte[] buf = new byte[1 << 16];
        try (InputStream in = content.open()) {
            int r;
            while ((r = in.read(buf)) > 0) md.update(buf, 0, r);
        }
    }
}
