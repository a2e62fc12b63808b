package io.genaudit.engine.io;

import java.nio.ByteOrder;

/**
 * The numpy element types genaudit reads and writes in {@code .npy} files, with their {@code descr} codes. Reading
 * also accepts the integer and boolean types numpy commonly produces; writing is limited to float32, float64 and uint8.
 */
public enum NpyDtype {
    FLOAT32("f4", 4),
    FLOAT64("f8", 8),
    UINT8("u1", 1),
    INT8("i1", 1),
    INT16("i2", 2),
    INT32("i4", 4),
    INT64("i8", 8),
    BOOL("b1", 1);

    private final String code;
    private final int itemSize;

    NpyDtype(String code, int itemSize) {
        this.code = code;
        this.itemSize = itemSize;
    }

    /** Bytes per element. */
    public int itemSize() {
        return itemSize;
    }

    /** The little-endian numpy descr, e.g. {@code <f4}, or {@code |u1} for one-byte types. */
    public String descr() {
        return (itemSize == 1 ? "|" : "<") + code;
    }

    /**
     * Parses a numpy descr string such as {@code <f4}, {@code |u1}, {@code >f8}; returns null when the type is not
     * supported (the caller names the file in its error).
     */
    static Parsed parse(String descr) {
        if (descr.length() < 3) return null;
        char order = descr.charAt(0);
        String code = descr.substring(1);
        if (code.equals("?")) code = "b1";
        ByteOrder bo;
        switch (order) {
            case '<', '|' -> bo = ByteOrder.LITTLE_ENDIAN;
            case '>' -> bo = ByteOrder.BIG_ENDIAN;
            case '=' -> bo = ByteOrder.nativeOrder();
            default -> {
                return null;
            }
        }
        for (NpyDtype t : values()) {
            if (t.code.equals(code)) return new Parsed(t, bo);
        }
        return null;
    }

    /** A parsed descr: element type and byte order. */
    record Parsed(NpyDtype dtype, ByteOrder order) {
    }
}
