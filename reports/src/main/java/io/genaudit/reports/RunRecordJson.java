package io.genaudit.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes and reads {@code run.json}, the machine-readable run record (schema: {@code run-record.schema.json},
 * documented in docs/run-record.md). Output is stable: pretty-printed, record fields in declaration order, map keys
 * sorted, "\n" line ends, so two runs with the same numbers give byte-identical files. Non-finite numbers are written
 * as the strings "NaN", "Infinity", "-Infinity". Readers accept any 1.x record and ignore fields they do not know.
 */
public final class RunRecordJson {
    /** The major schema version this code reads. */
    public static final int SUPPORTED_MAJOR = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private RunRecordJson() {
    }

    /** A copy of the configured mapper, for callers that embed run records in their own JSON. */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }

    /** The record as pretty JSON text ending in a newline. */
    public static String toJson(RunRecord record) {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return MAPPER.writer(pp).writeValueAsString(record) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialise the run record", e);
        }
    }

    /** Writes the record to {@code file} atomically. */
    public static void write(RunRecord record, Path file) throws IOException {
        AtomicWrite.writeString(file, toJson(record));
    }

    /** Reads a run record from {@code file}; see {@link #fromJson(String, String)} for what is checked. */
    public static RunRecord read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new RunRecordFormatException(String.valueOf(file), "expected a run.json file, found none", null);
        }
        return fromJson(Files.readString(file, StandardCharsets.UTF_8), String.valueOf(file));
    }

    /**
     * Parses a run record. Throws {@link RunRecordFormatException} naming {@code source} when the text is not JSON,
     * not an object, has no {@code schemaVersion}, or has a major version other than {@value #SUPPORTED_MAJOR}.
     */
    public static RunRecord fromJson(String json, String source) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new RunRecordFormatException(source, "expected run record JSON, found invalid JSON at line "
                    + e.getLocation().getLineNr() + ": " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new RunRecordFormatException(source, "expected a JSON object (a run record), found "
                    + (tree == null ? "nothing" : tree.getNodeType().toString().toLowerCase()), null);
        }
        JsonNode version = tree.get("schemaVersion");
        if (version == null || !version.isTextual()) {
            throw new RunRecordFormatException(source, "expected a string field schemaVersion (e.g. \"1.0\"), found "
                    + (version == null ? "none" : version.toString()), null);
        }
        int major = majorOf(version.asText());
        if (major != SUPPORTED_MAJOR) {
            throw new RunRecordFormatException(source, "schemaVersion " + version.asText()
                    + " is not supported: this genaudit reads " + SUPPORTED_MAJOR + ".x run records", null);
        }
        try {
            return MAPPER.treeToValue(tree, RunRecord.class);
        } catch (JsonProcessingException e) {
            throw new RunRecordFormatException(source, "not a valid run record: " + e.getOriginalMessage()
                    + (e instanceof JsonMappingException m ? " at " + m.getPathReference() : ""), e);
        }
    }

    /** The major part of a "MAJOR.MINOR" version, or -1 when it is not of that form. */
    static int majorOf(String version) {
        int dot = version.indexOf('.');
        String major = dot < 0 ? version : version.substring(0, dot);
        try {
            return Integer.parseInt(major);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
