package io.genaudit.audits.evidence;

import io.genaudit.engine.InputException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The members of a bundle zip read into memory (never extracted to disk, so hostile names cannot escape), with the
 * names that occurred more than once. A file that is not a readable zip is an {@link InputException} (exit 2).
 *
 * @param members    member name to bytes, in zip order (first occurrence of a duplicated name)
 * @param duplicates names that occur more than once (a way to smuggle a second copy past a naive verifier)
 * @param corrupt    the member whose compressed data failed the zip's own checks (CRC, inflation), or null; reading
 *                   stops there
 */
public record BundleMembers(Map<String, byte[]> members, List<String> duplicates, String corrupt) {
    public BundleMembers {
        members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        duplicates = List.copyOf(duplicates);
    }

    /** Reads {@code file}. */
    public static BundleMembers read(Path file) {
        byte[] bytes = InputFile.read(file, "bundle not found", () -> {
            if (Files.isDirectory(file)) throw new InputException(file, "is a folder; a bundle zip (genaudit bundle --out FILE) expected");
            if (Files.size(file) > BundleLayout.MAX_BYTES) throw new InputException(file, "larger than " + BundleLayout.MAX_BYTES + " bytes");
            return Files.readAllBytes(file);
        });
        return parse(bytes, file.toString());
    }

    /** Parses zip bytes; {@code source} names them in errors. */
    public static BundleMembers parse(byte[] bytes, String source) {
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') throw new InputException(source, "not a zip file (no PK signature)");
        Map<String, byte[]> members = new LinkedHashMap<>();
        List<String> dups = new ArrayList<>();
        long total = 0;
        String current = null;
        String corrupt = null;
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                current = e.getName();
                if (e.isDirectory()) continue;
                byte[] data = readBounded(z, BundleLayout.MAX_BYTES - total, source);
                total += data.length;
                if (members.putIfAbsent(e.getName(), data) != null) dups.add(e.getName());
                current = null;
            }
        } catch (ZipException e) {
            if (current == null && members.isEmpty()) throw new InputException(source, "not a readable zip: " + e.getMessage());
            corrupt = current != null ? current : "(zip structure after " + members.size() + " members)";
        } catch (IOException e) {
            throw new InputException(source, "cannot be read: " + e.getMessage());
        }
        if (members.isEmpty() && corrupt == null) throw new InputException(source, "a zip without members; not a genaudit bundle");
        return new BundleMembers(members, dups, corrupt);
    }

    private static byte[] readBounded(InputStream in, long budget, String source) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        int r;
        while ((r = in.read(buf)) > 0) {
            out.write(buf, 0, r);
            if (out.size() > budget) throw new InputException(source, "expands to more than " + BundleLayout.MAX_BYTES + " bytes");
        }
        return out.toByteArray();
    }
}
