package io.genaudit.metrics.numerics;

import org.bytedeco.javacpp.DoublePointer;

/**
 * A dense column-major matrix in native memory, handed to OpenBLAS/LAPACK by address. JavaCPP copies a Java array in
 * and out on every native call (about 50 ms for one 2048x2048 matrix, measured), so a chain of LAPACK calls on large
 * operands keeps them here and works in place; data crosses the JNI boundary once each way.
 */
public final class OffHeapMatrix implements AutoCloseable {
    private final int rows;
    private final int cols;
    private final DoublePointer data;

    /** An uninitialised {@code rows x cols} matrix. */
    public OffHeapMatrix(int rows, int cols) {
        if (rows < 0 || cols < 0) throw new IllegalArgumentException("negative matrix size " + rows + "x" + cols);
        this.rows = rows;
        this.cols = cols;
        this.data = new DoublePointer(Math.max(1L, (long) rows * cols));
    }

    /** A copy of the column-major {@code values} (length {@code rows * cols}). */
    public static OffHeapMatrix of(double[] values, int rows, int cols) {
        OffHeapMatrix m = new OffHeapMatrix(rows, cols);
        m.set(values);
        return m;
    }

    /** Overwrites the whole matrix with the column-major {@code values}. */
    public void set(double[] values) {
        if (values.length != (long) rows * cols) {
            throw new IllegalArgumentException("expected " + rows + "x" + cols + " values, got " + values.length);
        }
        data.position(0).put(values, 0, values.length);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** The storage, from its first element (leading dimension {@link #rows()}). */
    DoublePointer pointer() {
        return data.position(0);
    }

    /** A view of the storage from the first element of column {@code j}; it does not own the memory. */
    DoublePointer column(int j) {
        return new DoublePointer(data.position(0)).position((long) j * rows);
    }

    /** The column-major contents as a Java array. */
    public double[] toArray() {
        double[] out = new double[rows * cols];
        data.position(0).get(out, 0, out.length);
        return out;
    }

    @Override
    public void close() {
        data.close();
    }
}
