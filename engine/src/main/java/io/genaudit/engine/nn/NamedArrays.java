package io.genaudit.engine.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * genaudit's binary format for named float32 arrays (Transformer weights, optimiser moments): magic "GATF", count,
 * then name, rank, dimensions and values of each array. Reading checks every name and shape against the arrays the
 * model expects, so a file of another architecture is refused with the offending array named.
 */
public final class NamedArrays {
    private static final int MAGIC = 0x47415446; // "GATF"

    private NamedArrays() {
    }

    public static void write(DataOutputStream out, Map<String, NDArray> arrays) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(arrays.size());
        for (var e : arrays.entrySet()) {
            out.writeUTF(e.getKey());
            long[] shape = e.getValue().getShape().getShape();
            out.writeInt(shape.length);
            for (long s : shape) out.writeLong(s);
            float[] v = e.getValue().toType(DataType.FLOAT32, false).toFloatArray();
            for (float f : v) out.writeFloat(f);
        }
    }

    /**
     * Reads arrays written by {@link #write}; each must match the name and shape of one in {@code like}. The new arrays
     * are created in engine memory owned by {@code manager}, in the order of {@code like}; {@code what} names the
     * source in errors.
     */
    public static Map<String, NDArray> read(DataInputStream in, Map<String, NDArray> like, NDManager manager, String what) throws IOException {
        try {
            return readChecked(in, like, manager, what);
        } catch (java.io.EOFException e) {
            throw new io.genaudit.engine.InputException(what, "ends early: a truncated or corrupt parameter file (delete it, or train again without --resume)", e);
        } catch (IOException e) {
            String m = String.valueOf(e.getMessage());
            throw new io.genaudit.engine.InputException(what, m.startsWith(what + ": ") ? m.substring(what.length() + 2) : m, e);
        }
    }

    private static Map<String, NDArray> readChecked(DataInputStream in, Map<String, NDArray> like, NDManager manager, String what) throws IOException {
        if (in.readInt() != MAGIC) throw new IOException(what + ": not a genaudit array file");
        int n = in.readInt();
        if (n != like.size()) throw new IOException(what + ": expected " + like.size() + " arrays, found " + n);
        Map<String, NDArray> read = new HashMap<>();
        try {
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                NDArray a = like.get(name);
                if (a == null) throw new IOException(what + ": unexpected array " + name);
                int rank = in.readInt();
                long[] shape = new long[rank];
                for (int r = 0; r < rank; r++) shape[r] = in.readLong();
                if (!new Shape(shape).equals(a.getShape())) {
                    throw new IOException(what + ": array " + name + " has shape " + new Shape(shape) + ", expected " + a.getShape());
                }
                float[] v = new float[Math.toIntExact(a.size())];
                for (int k = 0; k < v.length; k++) v[k] = in.readFloat();
                NDArray old = read.put(name, EngineArrays.copyOf(manager, v, a.getShape()));
                if (old != null) throw new IOException(what + ": array " + name + " appears twice");
            }
        } catch (IOException | RuntimeException e) {
            read.values().forEach(NDArray::close);
            throw e;
        }
        Map<String, NDArray> ordered = new LinkedHashMap<>();
        for (String name : like.keySet()) ordered.put(name, read.get(name));
        return ordered;
    }
}
