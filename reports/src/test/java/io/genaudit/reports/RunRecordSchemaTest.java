package io.genaudit.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Validates written run records against run-record.schema.json (JSON Schema 2020-12) with networknt's validator. */
class RunRecordSchemaTest {
    private static Schema schema;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = RunRecordSchemaTest.class.getResourceAsStream("/io/genaudit/reports/run-record.schema.json")) {
            JsonNode node = MAPPER.readTree(in);
            assertEquals("https://json-schema.org/draft/2020-12/schema", node.get("$schema").asText());
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(node);
        }
    }

    @Test
    void sampleRecordIsValid() throws Exception {
        List<Error> errors = schema.validate(MAPPER.readTree(RunRecordJson.toJson(SampleRunRecords.rich())));
        assertTrue(errors.isEmpty(), () -> errors.toString());
    }

    @Test
    void sparkRecordWithExecutionIsValidAndAnUnlabelledMergeIsNot() throws Exception {
        RunRecord spark = ExecutionProvenanceTest.onSpark(Map.of("gan-fid", "exact: summary states merged by treeReduce"));
        List<Error> errors = schema.validate(MAPPER.readTree(RunRecordJson.toJson(spark)));
        assertTrue(errors.isEmpty(), () -> errors.toString());
        RunRecord unlabelled = ExecutionProvenanceTest.onSpark(Map.of("gan-fid", "merged somehow"));
        assertFalse(schema.validate(MAPPER.readTree(RunRecordJson.toJson(unlabelled))).isEmpty());
    }

    @Test
    void minimalRecordIsValid() throws Exception {
        RunRecord r = new RunRecord(RunRecord.SCHEMA_VERSION, null, "p", "PASS", List.of(), List.of(),
                new Provenance("0.1.0", null, null, 0, List.of(), null, null, null, null, 0, null, null, null, 0, List.of(), null));
        List<Error> errors = schema.validate(MAPPER.readTree(RunRecordJson.toJson(r)));
        assertTrue(errors.isEmpty(), () -> errors.toString());
    }

    @Test
    void brokenRecordsAreRejected() throws Exception {
        ObjectNode noVerdict = (ObjectNode) MAPPER.readTree(RunRecordJson.toJson(SampleRunRecords.rich()));
        noVerdict.remove("verdict");
        assertFalse(schema.validate(noVerdict).isEmpty(), "missing verdict");

        ObjectNode badVerdict = (ObjectNode) MAPPER.readTree(RunRecordJson.toJson(SampleRunRecords.rich()));
        badVerdict.put("verdict", "MAYBE");
        assertFalse(schema.validate(badVerdict).isEmpty(), "verdict not PASS/FAIL");

        ObjectNode badValue = (ObjectNode) MAPPER.readTree(RunRecordJson.toJson(SampleRunRecords.rich()));
        ((ObjectNode) badValue.get("audits").get(0)).put("value", "three");
        List<Error> errors = schema.validate(badValue);
        assertFalse(errors.isEmpty(), "value must be a number");
        assertTrue(errors.toString().contains("/audits/0/value"), errors.toString());

        ObjectNode badChart = (ObjectNode) MAPPER.readTree(RunRecordJson.toJson(SampleRunRecords.rich()));
        ((ObjectNode) badChart.get("audits").get(0).get("charts").get(0)).put("type", "PIE");
        assertFalse(schema.validate(badChart).isEmpty(), "unknown chart type");

        ObjectNode badEstimand = (ObjectNode) MAPPER.readTree(RunRecordJson.toJson(SampleRunRecords.rich()));
        ((ObjectNode) badEstimand.get("audits").get(0).get("ci")).put("estimand", 3);
        assertFalse(schema.validate(badEstimand).isEmpty(), "estimand must be a sentence");

        ObjectNode major2 = (ObjectNode) MAPPER.readTree(RunRecordJson.toJson(SampleRunRecords.rich()));
        major2.put("schemaVersion", "2.0");
        assertFalse(schema.validate(major2).isEmpty(), "schema covers 1.x only");
    }

    @Test
    void intervalsCarryTheirEstimandAndOldRecordsWithoutOneStayValid() throws Exception {
        ObjectNode rec = (ObjectNode) MAPPER.readTree(RunRecordJson.toJson(SampleRunRecords.rich()));
        assertEquals("corpus perplexity over documents like these", rec.get("audits").get(0).get("ci").get("estimand").asText());
        ((ObjectNode) rec.get("audits").get(0).get("ci")).remove("estimand");
        assertTrue(schema.validate(rec).isEmpty(), "records written before estimands were stored");
        RunRecord back = RunRecordJson.fromJson(MAPPER.writeValueAsString(rec), "old.json");
        assertEquals(null, back.audits().get(0).ci().estimand());
    }

    @Test
    void additiveMinorVersionStaysValid() throws Exception {
        ObjectNode future = (ObjectNode) MAPPER.readTree(RunRecordJson.toJson(SampleRunRecords.rich()));
        future.put("schemaVersion", "1.3");
        ((ObjectNode) future.get("audits").get(0)).put("addedLater", 1);
        assertTrue(schema.validate(future).isEmpty());
    }
}
