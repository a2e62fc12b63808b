package io.genaudit.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;

/** Reads a test's reference numbers: a JSON resource next to the test class (written by a script in fixtures/reference/). */
public final class ReferenceJson {
    private ReferenceJson() {
    }

    public static JsonNode read(Class<?> test, String resource) throws IOException {
        try (InputStream in = test.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("test resource " + resource + " next to " + test.getName() + " is missing");
            return new ObjectMapper().readTree(in);
        }
    }
}
