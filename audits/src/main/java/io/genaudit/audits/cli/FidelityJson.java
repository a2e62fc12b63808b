package io.genaudit.audits.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.genaudit.engine.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Writes a fidelity command's result map as pretty JSON, atomically; does nothing when no path was given. */
final class FidelityJson {
    private FidelityJson() {
    }

    static void write(Path out, Map<String, Object> result) throws IOException {
        if (out == null) return;
        byte[] bytes = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(result);
        AtomicFiles.writeBytes(out, bytes);
    }
}
