package io.genaudit.engine.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Writes arrays as {@code .npy} (format 1.0, or 2.0 for huge headers; C order, little-endian) that
 * {@code numpy.load} reads back exactly. Files are written atomically.
 */
public final class NpyWriter {
    private NpyWriter() {
    }

    /** Writes {@code array} to {@code file} atomically. */
    public static void write(Path file, NpyArray array) throws IOException {
        AtomicFiles.write(file, out -> write(out, array));
    }

    /** Writes header and data of {@code array} to {@code out} (not closed). */
    public static void write(OutputStream out, NpyArray array) throws IOException {
        out.write(NpyHeader.format(array.dtype(), array.shape()));
        ByteBuffer raw = array.rawData();
        byte[] chunk = new byte[1 << 16];
        while (raw.hasRemaining()) {
            int n = Math.min(chunk.length, raw.remaining());
            raw.get(chunk, 0, n);
            out.write(chunk, 0, n);
        }
    }
}
