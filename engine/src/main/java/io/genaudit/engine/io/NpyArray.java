package io.genaudit.engine.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * An n-dimensional array as stored in a numpy {@code .npy} file: element type, shape and the elements in C (row-major)
 * order. Values are kept in their file type (a float32 feature matrix stays 4 bytes per value) and converted on
 * access, so large feature matrices and uint8 image arrays cost no more memory than on disk.
 */
public final class NpyArray {
    private final NpyDtype dtype;
    private final long[] shape;
    private final ByteBuffer data; // little-endian, C order, position 0, limit = size * itemSize

    NpyArray(NpyDtype dtype, long[] shape, ByteBuffer data) {
        this.dtype = dtype;
        this.shape = shape.clone();
        long n = elementCount(shape);
        if (n * dtype.itemSize() != data.limit()) {
            throw new IllegalArgumentException("data holds " + data.limit() + " bytes, shape " + Arrays.toString(shape)
                    + " of " + dtype + " needs " + n * dtype.itemSize());
        }
        this.data = data.order(ByteOrder.LITTLE_ENDIAN);
    }

    static long elementCount(long[] shape) {
        long n = 1;
        for (long s : shape) {
            if (s < 0) throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            n = Math.multiplyExact(n, s);
        }
        return n;
    }

    /** A float64 array of the given shape (values copied). */
    public static NpyArray ofFloat64(long[] shape, double[] values) {
        ByteBuffer b = allocate(values.length, 8);
        b.asDoubleBuffer().put(values);
        return new NpyArray(NpyDtype.FLOAT64, shape, b);
    }

    /** A float32 array of the given shape (values copied). */
    public static NpyArray ofFloat32(long[] shape, float[] values) {
        ByteBuffer b = allocate(values.length, 4);
        b.asFloatBuffer().put(values);
        return new NpyArray(NpyDtype.FLOAT32, shape, b);
    }

    /** A uint8 array of the given shape; {@code values} hold the unsigned bytes (0..255 as Java bytes). */
    public static NpyArray ofUint8(long[] shape, byte[] values) {
        ByteBuffer b = allocate(values.length, 1);
        b.put(values).flip();
        return new NpyArray(NpyDtype.UINT8, shape, b);
    }

    /** A float64 vector [n]. */
    public static NpyArray vector(double[] values) {
        return ofFloat64(new long[]{values.length}, values);
    }

    /** A float64 matrix [rows, cols] from rows of equal length. */
    public static NpyArray matrix(double[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        double[] flat = new double[Math.multiplyExact(rows.length, cols)];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values, expected " + cols);
            System.arraycopy(rows[i], 0, flat, i * cols, cols);
        }
        return ofFloat64(new long[]{rows.length, cols}, flat);
    }

    /** A float32 matrix [rows, cols] from rows of equal length. */
    public static NpyArray matrixFloat32(double[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        float[] flat = new float[Math.multiplyExact(rows.length, cols)];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values, expected " + cols);
            for (int j = 0; j < cols; j++) flat[i * cols + j] = (float) rows[i][j];
        }
        return ofFloat32(new long[]{rows.length, cols}, flat);
    }

    private static ByteBuffer allocate(long count, int itemSize) {
        long bytes = count * itemSize;
        if (bytes > Integer.MAX_VALUE) throw new IllegalArgumentException("array too large for memory: " + bytes + " bytes");
        return ByteBuffer.allocate((int) bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    public NpyDtype dtype() {
        return dtype;
    }

    public long[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    /** Size of dimension {@code axis}. */
    public long dim(int axis) {
        return shape[axis];
    }

    /** Total number of elements. */
    public long size() {
        return elementCount(shape);
    }

    /** The raw little-endian element bytes in C order (a read-only view). */
    public ByteBuffer rawData() {
        return data.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Element {@code i} in C order, converted to double (uint8 as 0..255, bool as 0/1). */
    public double getDouble(int i) {
        return switch (dtype) {
            case FLOAT32 -> data.getFloat(i * 4);
            case FLOAT64 -> data.getDouble(i * 8);
            case UINT8 -> data.get(i) & 0xFF;
            case INT8 -> data.get(i);
            case BOOL -> data.get(i) != 0 ? 1 : 0;
            case INT16 -> data.getShort(i * 2);
            case INT32 -> data.getInt(i * 4);
            case INT64 -> data.getLong(i * 8);
        };
    }

    /** All elements in C order as doubles. */
    public double[] toDoubleArray() {
        int n = Math.toIntExact(size());
        double[] out = new double[n];
        switch (dtype) {
            case FLOAT64 -> data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out);
            case FLOAT32 -> {
                var fb = data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
                for (int i = 0; i < n; i++) out[i] = fb.get(i);
            }
            default -> {
                for (int i = 0; i < n; i++) out[i] = getDouble(i);
            }
        }
        return out;
    }

    /** All elements in C order as floats (float64 values are rounded). */
    public float[] toFloatArray() {
        int n = Math.toIntExact(size());
        float[] out = new float[n];
        if (dtype == NpyDtype.FLOAT32) {
            data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        } else {
            for (int i = 0; i < n; i++) out[i] = (float) getDouble(i);
        }
        return out;
    }

    /** A rank-1 array as a double vector; throws IllegalStateException for any other rank. */
    public double[] toVector() {
        if (shape.length != 1) throw new IllegalStateException("expected a vector [n], found shape " + Arrays.toString(shape));
        return toDoubleArray();
    }

    /** A rank-2 array [rows, cols] as rows of doubles; throws IllegalStateException for any other rank. */
    public double[][] toMatrix() {
        if (shape.length != 2) throw new IllegalStateException("expected a matrix [rows, cols], found shape " + Arrays.toString(shape));
        int rows = Math.toIntExact(shape[0]);
        int cols = Math.toIntExact(shape[1]);
        double[][] out = new double[rows][cols];
        if (dtype == NpyDtype.FLOAT64) {
            var db = data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
            for (int i = 0; i < rows; i++) db.get(i * cols, out[i]);
        } else if (dtype == NpyDtype.FLOAT32) {
            var fb = data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            for (int i = 0; i < rows; i++) {
                double[] r = out[i];
                int base = i * cols;
                for (int j = 0; j < cols; j++) r[j] = fb.get(base + j);
            }
        } else {
            for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) out[i][j] = getDouble(i * cols + j);
        }
        return out;
    }

    @Override
    public String toString() {
        return "NpyArray[" + dtype + " " + Arrays.toString(shape) + "]";
    }
}
