package io.genaudit.engine.io;

import io.genaudit.engine.InputException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads {@code .npz} archives ({@code numpy.savez} and {@code savez_compressed}: a zip of {@code .npy} members) into
 * arrays by name, the name being the member without its {@code .npy} suffix (e.g. {@code mu}, {@code sigma}).
 */
public final class NpzReader {
    private NpzReader() {
    }

    /** Every array in {@code file}, in archive order. */
    public static Map<String, NpyArray> read(Path file) {
        if (!Files.isRegularFile(file)) throw new InputException(file, "no such .npz file");
        Map<String, NpyArray> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory()) continue;
                String name = e.getName();
                String key = name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name;
                try (InputStream in = new BufferedInputStream(zip.getInputStream(e), 1 << 16)) {
                    out.put(key, NpyReader.read(in, file + "[" + name + "]"));
                }
            }
        } catch (ZipException e) {
            throw new InputException(file.toString(), "not a .npz (zip) archive: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InputException(file.toString(), "cannot read .npz file: " + e.getMessage(), e);
        }
        return out;
    }

    /** The array {@code key} of {@code file}; an InputException naming the file and the keys present when missing. */
    public static NpyArray read(Path file, String key) {
        Map<String, NpyArray> all = read(file);
        NpyArray a = all.get(key);
        if (a == null) throw new InputException(file, "no array '" + key + "' in .npz (found " + all.keySet() + ")");
        return a;
    }
}
