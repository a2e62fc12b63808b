package io.genaudit.spark;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions that two run.json fragments agree: numbers within 1e-10 relative ({@link ResultAgreement}), everything else equal. */
final class JsonAgreement {
    private JsonAgreement() {
    }

    /** Numbers within 1e-10 relative, everything else equal, recursively. */
    static void assertJsonClose(String path, JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            assertClose(path, a, b);
        } else if (a.isObject()) {
            assertEquals(names(a.fieldNames()), names(b.fieldNames()), path);
            a.fieldNames().forEachRemaining(f -> assertJsonClose(path + "." + f, a.get(f), b.get(f)));
        } else if (a.isArray()) {
            assertEquals(a.size(), b.size(), path);
            for (int i = 0; i < a.size(); i++) assertJsonClose(path + "[" + i + "]", a.get(i), b.get(i));
        } else {
            assertEquals(a, b, path);
        }
    }

    /** Two numbers within 1e-10 relative. */
    static void assertClose(String what, JsonNode a, JsonNode b) {
        double x = a.asDouble(), y = b.asDouble();
        double rel = ResultAgreement.relativeDifference(x, y);
        assertTrue(rel <= ResultAgreement.DEFAULT_RELATIVE_TOLERANCE, what + ": " + x + " vs " + y + " (relative " + rel + ")");
    }

    private static List<String> names(Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
