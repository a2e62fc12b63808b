package io.genaudit.engine.io;

import io.genaudit.engine.InputException;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of a {@code .npy} file (format versions 1.0, 2.0 and 3.0): element type, byte order, memory order and
 * shape, plus the byte offset where the data starts. Parses what numpy writes and formats headers numpy reads.
 */
public record NpyHeader(NpyDtype dtype, ByteOrder byteOrder, boolean fortranOrder, long[] shape, long dataOffset) {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    public NpyHeader {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Number of elements. */
    public long elementCount() {
        return NpyArray.elementCount(shape);
    }

    /** Number of data bytes. */
    public long dataBytes() {
        return elementCount() * dtype.itemSize();
    }

    /** Reads and parses a header from the start of {@code in}; {@code source} names the file in errors. */
    public static NpyHeader read(InputStream in, String source) throws IOException {
        DataInputStream d = new DataInputStream(in);
        byte[] magic = new byte[6];
        try {
            d.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new InputException(source, "not a .npy file (expected the \\x93NUMPY magic, found other bytes)");
            }
            int major = d.readUnsignedByte();
            d.readUnsignedByte(); // minor
            long headerLen;
            int prefix;
            if (major == 1) {
                headerLen = Short.toUnsignedInt(Short.reverseBytes(d.readShort()));
                prefix = 10;
            } else if (major == 2 || major == 3) {
                headerLen = Integer.toUnsignedLong(Integer.reverseBytes(d.readInt()));
                prefix = 12;
            } else {
                throw new InputException(source, "unsupported .npy format version " + major + " (expected 1, 2 or 3)");
            }
            if (headerLen > 1 << 24) throw new InputException(source, "implausible .npy header length " + headerLen);
            byte[] h = new byte[(int) headerLen];
            d.readFully(h);
            String text = new String(h, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            return parse(text, prefix + headerLen, source);
        } catch (EOFException e) {
            throw new InputException(source, "truncated .npy header", e);
        }
    }

    static NpyHeader parse(String text, long dataOffset, String source) {
        Matcher m = DESCR.matcher(text);
        if (!m.find()) {
            throw new InputException(source, "unsupported .npy dtype (expected a simple numeric descr such as '<f4'), header: " + text.trim());
        }
        NpyDtype.Parsed p = NpyDtype.parse(m.group(1));
        if (p == null) {
            throw new InputException(source, "unsupported .npy dtype '" + m.group(1)
                    + "' (expected float32, float64, uint8, int8/16/32/64 or bool)");
        }
        Matcher f = FORTRAN.matcher(text);
        if (!f.find()) throw new InputException(source, "malformed .npy header (no fortran_order): " + text.trim());
        Matcher s = SHAPE.matcher(text);
        if (!s.find()) throw new InputException(source, "malformed .npy header (no shape): " + text.trim());
        String[] parts = s.group(1).split(",");
        long[] shape = Arrays.stream(parts).map(String::trim).filter(x -> !x.isEmpty()).map(x -> x.endsWith("L") ? x.substring(0, x.length() - 1) : x)
                .mapToLong(x -> {
                    try {
                        return Long.parseLong(x);
                    } catch (NumberFormatException e) {
                        throw new InputException(source, "malformed .npy shape (" + s.group(1) + ")");
                    }
                }).toArray();
        return new NpyHeader(p.dtype(), p.order(), f.group(1).equals("True"), shape, dataOffset);
    }

    /** The full header bytes (magic, version, length, padded dict) for a C-order little-endian array. */
    public static byte[] format(NpyDtype dtype, long[] shape) {
        StringBuilder sh = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) sh.append(", ");
            sh.append(shape[i]);
        }
        if (shape.length == 1) sh.append(',');
        sh.append(')');
        String dict = "{'descr': '" + dtype.descr() + "', 'fortran_order': False, 'shape': " + sh + ", }";
        int version = dict.length() + 11 < 65536 ? 1 : 2;
        int prefix = version == 1 ? 10 : 12;
        int total = prefix + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        byte[] hb = header.getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[prefix + hb.length];
        System.arraycopy(MAGIC, 0, out, 0, 6);
        out[6] = (byte) version;
        out[7] = 0;
        if (version == 1) {
            out[8] = (byte) (hb.length & 0xFF);
            out[9] = (byte) ((hb.length >> 8) & 0xFF);
        } else {
            for (int i = 0; i < 4; i++) out[8 + i] = (byte) ((hb.length >> (8 * i)) & 0xFF);
        }
        System.arraycopy(hb, 0, out, prefix, hb.length);
        return out;
    }
}
