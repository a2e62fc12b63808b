package io.genaudit.metrics.energy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * What the bundled energy tables share: reading their CSV resource as text and checking the column line and the
 * field count of each row, failing with the resource name and line number.
 */
final class BundledCsv {
    private BundledCsv() {
    }

    /** The text of the class-path resource {@code resource}; a missing resource is a packaging error. */
    /**
     * The table {@code parse} makes of {@code resource}, parsed on the first call and kept (a race may parse it twice;
     * both results are equal).
     */
    static <T> java.util.function.Supplier<T> parsedOnce(String resource, java.util.function.Function<String, T> parse) {
        return new java.util.function.Supplier<>() {
            private volatile T table;

            @Override
            public T get() {
                T t = table;
                if (t == null) {
                    t = parse.apply(read(resource));
                    table = t;
                }
                return t;
            }
        };
    }

    static String read(String resource) {
        try (InputStream in = BundledCsv.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails unless line {@code no} of {@code resource} is exactly the {@code expected} column line. */
    static void requireColumns(String resource, int no, String line, String expected) {
        if (!line.equals(expected)) throw new IllegalStateException(resource + ":" + no + ": unexpected column line '" + line + "'");
    }

    /** The comma-separated fields of line {@code no}, failing unless there are exactly {@code count}. */
    static String[] fields(String resource, int no, String line, int count) {
        String[] f = line.split(",", -1);
        if (f.length != count) throw new IllegalStateException(resource + ":" + no + ": " + count + " fields expected, found " + f.length);
        return f;
    }
}
