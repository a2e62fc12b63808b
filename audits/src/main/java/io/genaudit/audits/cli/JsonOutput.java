package io.genaudit.audits.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.genaudit.engine.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;

/** Writes a CLI command's {@code --json} result as pretty-printed JSON, atomically; does nothing when no path was given. */
final class JsonOutput {
    private JsonOutput() {
    }

    static void write(Path out, Object result) throws IOException {
        if (out == null) return;
        byte[] bytes = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(result);
        AtomicFiles.writeBytes(out, bytes);
    }
}
