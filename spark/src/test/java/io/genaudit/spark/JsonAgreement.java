package io.genaudit.spark;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Test assertions comparing a single-machine audit result with a Spark one as JSON (run.json trees): numbers within
 * {@link ResultAgreement#DEFAULT_RELATIVE_TOLERANCE} relative ({@link ResultAgreement#relativeDifference}), everything
 * else equal, recursively.
 */
final class JsonAgreement {
    private JsonAgreement() {
    }

    /** Numbers within 1e-10 relative, everything else equal, recursively; {@code path} names the component in failures. */
    static void assertJsonClose(String path, JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            assertClose(path, a, b);
        } else if (a.isNumber() || b.isNumber()) { // NaN and infinities may come back from run.json as text
            assertEquals(a.asText(), b.asText(), path);
        } else if (a.isObject()) {
            List<String> fa = new ArrayList<>(), fb = new ArrayList<>();
            a.fieldNames().forEachRemaining(fa::add);
            b.fieldNames().forEachRemaining(fb::add);
            assertEquals(fa, fb, path);
            for (String f : fa) assertJsonClose(path + "." + f, a.get(f), b.get(f));
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
}
