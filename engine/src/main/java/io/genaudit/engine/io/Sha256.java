package io.genaudit.engine.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
        MessageDigest md = digest();
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(path)) {
                files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
            }
            for (Path f : files) {
                md.update(path.relativize(f).toString().replace('\\', '/').getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update((byte) 0);
                update(md, f);
            }
        } else {
            update(md, path);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void update(MessageDigest md, Path f) throws IOException {
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(f)) {
            int r;
            while ((r = in.read(buf)) > 0) md.update(buf, 0, r);
        }
    }
}
