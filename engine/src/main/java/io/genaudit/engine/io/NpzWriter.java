package io.genaudit.engine.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes {@code .npz} archives that {@code numpy.load} opens like the output of {@code numpy.savez_compressed}:
 * one deflated {@code NAME.npy} member per array. Used for pytorch-fid-compatible statistics files
 * ({@code mu}, {@code sigma}).
 */
public final class NpzWriter {
    private NpzWriter() {
    }

    /** Writes {@code arrays} (name to array, in iteration order) to {@code file} atomically. */
    public static void write(Path file, Map<String, NpyArray> arrays) throws IOException {
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                NpyWriter.write(zip, e.getValue());
                zip.closeEntry();
            }
            zip.finish();
        });
    }

    /**
     * Writes Fréchet statistics the way pytorch-fid's {@code --save-stats} does: {@code mu} [D] and {@code sigma} [D,D]
     * as float64.
     */
    public static void writeStats(Path file, double[] mu, double[][] sigma) throws IOException {
        var m = new java.util.LinkedHashMap<String, NpyArray>();
        m.put("mu", NpyArray.vector(mu));
        m.put("sigma", NpyArray.matrix(sigma));
        write(file, m);
    }
}
