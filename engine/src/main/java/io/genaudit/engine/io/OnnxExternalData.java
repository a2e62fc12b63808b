package io.genaudit.engine.io;

import io.genaudit.engine.InputException;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The external-data files an ONNX model file names: models over 2 GB (Hugging Face Optimum exports) keep their
 * weights in files next to {@code model.onnx} ({@code model.onnx_data}, or one file per tensor), named by the
 * {@code location} entry of each tensor's {@code external_data}, relative to the model's folder. Read with a minimal
 * streaming protobuf reader (the graph's initializers and sparse initializers, node attribute tensors, sub-graphs and
 * functions; tensor bytes are skipped, never loaded), so whoever copies a model elsewhere can copy these files too.
 */
public final class OnnxExternalData {
    private OnnxExternalData() {
    }

    /** The distinct {@code location}s of {@code model}'s external tensors, in the order the file names them. */
    public static Set<String> locations(Path model) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(model), 1 << 16)) {
            Reader r = new Reader(in);
            r.message(Long.MAX_VALUE, Kind.MODEL, out);
        }
        return out;
    }

    /**
     * Each external-data file of {@code model} (model {@code modelId}) keyed by its location, after checking that it
     * exists next to the model: a location that leaves the model's folder or a missing file is an
     * {@link InputException} naming the model and the file.
     */
    public static Map<String, Path> files(String modelId, Path model) {
        Map<String, Path> out = new LinkedHashMap<>();
        Set<String> locations;
        try {
            locations = locations(model);
        } catch (IOException | RuntimeException e) {
            throw new InputException("model " + modelId, "cannot read the external-data entries of " + model + " (" + e.getMessage() + ")");
        }
        Path folder = model.toAbsolutePath().getParent();
        for (String location : locations) {
            Path f = folder.resolve(location).normalize();
            if (!f.startsWith(folder) || Path.of(location).isAbsolute()) {
                throw new InputException("model " + modelId, model + " names external data file '" + location + "' outside its folder");
            }
            if (!Files.isRegularFile(f)) {
                throw new InputException("model " + modelId, "external data file " + f + " named by " + model.getFileName() + " is missing");
            }
            out.put(location, f);
        }
        return out;
    }

    /** The protobuf messages on the way to a tensor's external_data entries. */
    private enum Kind { MODEL, FUNCTION, GRAPH, NODE, ATTRIBUTE, SPARSE, TENSOR, ENTRY }

    /** Which kind a length-delimited field of a message of {@code kind} holds, or null to skip it. */
    private static Kind child(Kind kind, int field) {
        return switch (kind) {
            case MODEL -> field == 7 ? Kind.GRAPH : field == 25 ? Kind.FUNCTION : null;
            case FUNCTION -> field == 7 ? Kind.NODE : null;
            case GRAPH -> field == 1 ? Kind.NODE : field == 5 ? Kind.TENSOR : field == 15 ? Kind.SPARSE : null;
            case NODE -> field == 5 ? Kind.ATTRIBUTE : null;
            case ATTRIBUTE -> field == 5 || field == 10 ? Kind.TENSOR : field == 6 || field == 11 ? Kind.GRAPH
                    : field == 22 || field == 23 ? Kind.SPARSE : null;
            case SPARSE -> field == 1 || field == 2 ? Kind.TENSOR : null;
            case TENSOR -> field == 13 ? Kind.ENTRY : null;
            case ENTRY -> null;
        };
    }

    /** A protobuf wire-format reader over a stream, counting the bytes it consumed. */
    private static final class Reader {
        private final InputStream in;
        private long pos;

        Reader(InputStream in) {
            this.in = in;
        }

        /** Reads one message of {@code kind} up to byte {@code end} (MAX_VALUE: the end of the stream). */
        void message(long end, Kind kind, Set<String> out) throws IOException {
            String key = null, value = null;
            while (pos < end) {
                long tag = varint(end == Long.MAX_VALUE);
                if (tag < 0) return;
                int field = (int) (tag >>> 3), wire = (int) (tag & 7);
                switch (wire) {
                    case 0 -> varint(false);
                    case 1 -> skip(8);
                    case 5 -> skip(4);
                    case 2 -> {
                        long len = varint(false);
                        if (kind == Kind.ENTRY && (field == 1 || field == 2)) {
                            String s = new String(bytes(len), StandardCharsets.UTF_8);
                            if (field == 1) key = s; else value = s;
                        } else {
                            Kind c = child(kind, field);
                            if (c == null) skip(len); else message(pos + len, c, out);
                        }
                    }
                    default -> throw new IOException("not an ONNX protobuf file (wire type " + wire + " at byte " + pos + ")");
                }
            }
            if (pos != end && end != Long.MAX_VALUE) throw new IOException("a message runs past its length at byte " + pos);
            if (kind == Kind.ENTRY && "location".equals(key) && value != null) out.add(value);
        }

        /** A varint; -1 at the end of the stream when {@code endOk}. */
        private long varint(boolean endOk) throws IOException {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = in.read();
                if (b < 0) {
                    if (endOk && shift == 0) return -1;
                    throw new EOFException("the file ends inside a varint");
                }
                pos++;
                v |= (long) (b & 0x7F) << shift;
                if (b < 0x80) return v;
            }
            throw new IOException("a varint longer than 10 bytes at byte " + pos);
        }

        private byte[] bytes(long len) throws IOException {
            if (len > 1 << 20) throw new IOException("an external_data string of " + len + " bytes");
            byte[] b = in.readNBytes((int) len);
            if (b.length != len) throw new EOFException("the file ends inside a string");
            pos += len;
            return b;
        }

        private void skip(long len) throws IOException {
            in.skipNBytes(len);
            pos += len;
        }
    }
}
