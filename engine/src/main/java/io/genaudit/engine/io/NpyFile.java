package io.genaudit.engine.io;

import io.genaudit.engine.InputException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * An open {@code .npy} file read in row ranges along the first axis, so a feature matrix or an image array larger
 * than memory can be streamed batch by batch (e.g. into an ImageSource or running statistics). Only C-order files
 * can be read by rows; Fortran-ordered files must be loaded whole with {@link NpyReader}.
 */
public final class NpyFile implements AutoCloseable {
    private final Path file;
    private final NpyHeader header;
    private final FileChannel channel;

    private NpyFile(Path file, NpyHeader header, FileChannel channel) {
        this.file = file;
        this.header = header;
        this.channel = channel;
    }

    /** Opens {@code file} and parses its header; the data is read lazily. */
    public static NpyFile open(Path file) {
        if (!Files.isRegularFile(file)) throw new InputException(file, "no such .npy file");
        NpyHeader h;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            h = NpyHeader.read(in, file.toString());
        } catch (IOException e) {
            throw new InputException(file.toString(), "cannot read .npy file: " + e.getMessage(), e);
        }
        try {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
            long expected = h.dataOffset() + h.dataBytes();
            if (ch.size() < expected) {
                ch.close();
                throw new InputException(file, "truncated .npy data: shape " + Arrays.toString(h.shape()) + " of " + h.dtype()
                        + " needs " + expected + " bytes, file has " + ch.size());
            }
            return new NpyFile(file, h, ch);
        } catch (IOException e) {
            throw new InputException(file.toString(), "cannot read .npy file: " + e.getMessage(), e);
        }
    }

    public NpyHeader header() {
        return header;
    }

    public Path path() {
        return file;
    }

    /** Number of rows (size of the first axis). */
    public long rows() {
        if (header.shape().length == 0) throw new InputException(file, "a scalar .npy has no rows");
        return header.shape()[0];
    }

    /** Rows {@code [from, from+count)} as an array of shape [count, ...rest]. */
    public NpyArray readRows(long from, int count) {
        long[] shape = header.shape();
        if (shape.length == 0) throw new InputException(file, "a scalar .npy has no rows");
        if (header.fortranOrder() && shape.length > 1) {
            throw new InputException(file, "Fortran-ordered array cannot be streamed by rows; save it with np.ascontiguousarray");
        }
        if (from < 0 || count < 0 || from + count > shape[0]) {
            throw new IndexOutOfBoundsException("rows [" + from + ", " + (from + count) + ") of " + shape[0]);
        }
        long rowElems = 1;
        for (int k = 1; k < shape.length; k++) rowElems *= shape[k];
        long rowBytes = rowElems * header.dtype().itemSize();
        long bytes = rowBytes * count;
        if (bytes > Integer.MAX_VALUE - 16) throw new IllegalArgumentException("row range too large: " + bytes + " bytes");
        byte[] buf = new byte[(int) bytes];
        ByteBuffer bb = ByteBuffer.wrap(buf);
        long pos = header.dataOffset() + from * rowBytes;
        try {
            while (bb.hasRemaining()) {
                int r = channel.read(bb, pos + bb.position());
                if (r < 0) throw new InputException(file, "truncated .npy data at row " + from);
            }
        } catch (IOException e) {
            throw new InputException(file.toString(), "cannot read .npy file: " + e.getMessage(), e);
        }
        shape[0] = count;
        NpyHeader sub = new NpyHeader(header.dtype(), header.byteOrder(), false, shape, 0);
        return NpyReader.toArray(sub, buf);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a read-only channel: nothing to recover
        }
    }
}
