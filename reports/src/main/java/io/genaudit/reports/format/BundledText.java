package io.genaudit.reports.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Text files bundled with the reports module (style sheets, scripts, fonts' licences), read from the class path. */
public final class BundledText {
    private BundledText() {
    }

    /** The UTF-8 text of class-path resource {@code name}; a missing one is a packaging bug (IllegalStateException). */
    public static String read(String name) {
        try (InputStream in = BundledText.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
