package io.genaudit.engine.io;

import io.genaudit.engine.InputException;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads whole {@code .npy} arrays into memory (C order, little-endian), converting big-endian and Fortran-ordered
 * files. For files too large to hold at once use {@link NpyFile}, which reads row ranges. Errors are
 * {@link InputException}s naming the file.
 */
public final class NpyReader {
    private NpyReader() {
    }

    /** Reads the array in {@code file}. */
    public static NpyArray read(Path file) {
        if (!Files.isRegularFile(file)) throw new InputException(file, "no such .npy file");
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new InputException(file, "no such .npy file");
        } catch (IOException e) {
            throw new InputException(file.toString(), "cannot read .npy file: " + e.getMessage(), e);
        }
    }

    /** Reads a whole array from a stream positioned at the magic; {@code source} names it in errors. */
    public static NpyArray read(InputStream in, String source) throws IOException {
        NpyHeader h = NpyHeader.read(in, source);
        long bytes = h.dataBytes();
        if (bytes > Integer.MAX_VALUE - 16) {
            throw new InputException(source, "array " + Arrays.toString(h.shape()) + " is " + bytes
                    + " bytes, too large to load at once (read it in row ranges with NpyFile)");
        }
        byte[] buf = new byte[(int) bytes];
        try {
            new DataInputStream(in).readFully(buf);
        } catch (EOFException e) {
            throw new InputException(source, "truncated .npy data: shape " + Arrays.toString(h.shape()) + " of " + h.dtype()
                    + " needs " + bytes + " bytes");
        }
        return toArray(h, buf);
    }

    /** Builds a C-order little-endian array from raw file bytes in the header's order. */
    static NpyArray toArray(NpyHeader h, byte[] buf) {
        int item = h.dtype().itemSize();
        if (h.byteOrder() == ByteOrder.BIG_ENDIAN && item > 1) swapBytes(buf, item);
        long[] shape = h.shape();
        if (h.fortranOrder() && shape.length > 1) buf = fortranToC(buf, shape, item);
        return new NpyArray(h.dtype(), shape, ByteBuffer.wrap(buf));
    }

    private static void swapBytes(byte[] buf, int item) {
        for (int off = 0; off < buf.length; off += item) {
            for (int a = off, b = off + item - 1; a < b; a++, b--) {
                byte t = buf[a];
                buf[a] = buf[b];
                buf[b] = t;
            }
        }
    }

    private static byte[] fortranToC(byte[] src, long[] shape, int item) {
        int rank = shape.length;
        long[] fStride = new long[rank];
        long s = 1;
        for (int k = 0; k < rank; k++) {
            fStride[k] = s;
            s *= shape[k];
        }
        byte[] dst = new byte[src.length];
        long n = s;
        long[] idx = new long[rank];
        for (long c = 0; c < n; c++) {
            long f = 0;
            for (int k = 0; k < rank; k++) f += idx[k] * fStride[k];
            System.arraycopy(src, (int) (f * item), dst, (int) (c * item), item);
            for (int k = rank - 1; k >= 0; k--) {
                if (++idx[k] < shape[k]) break;
                idx[k] = 0;
            }
        }
        return dst;
    }
}
