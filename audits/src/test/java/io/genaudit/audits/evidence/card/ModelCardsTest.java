package io.genaudit.audits.evidence.card;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.genaudit.audits.evidence.EvidenceTestRuns;
import io.genaudit.engine.InputException;
import io.genaudit.reports.RunRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Model cards: Hugging Face metadata valid against the Hub's documented schema, and the Mitchell et al. sections. */
class ModelCardsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final RunRecord record = EvidenceTestRuns.record("/plans/plan.yaml");

    private static Schema schema(String name) throws IOException {
        try (InputStream in = ModelCardsTest.class.getResourceAsStream("/io/genaudit/audits/evidence/" + name)) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(JSON.readTree(in));
        }
    }

    @Test
    void hfFrontMatterIsValidModelCardMetadata() throws IOException {
        String card = ModelCards.huggingFace(CardFacts.of(record, null));
        Map<String, Object> front = ModelCards.frontMatter(card);
        JsonNode node = JSON.valueToTree(front);
        Schema schema = schema("hf-model-card-metadata.schema.json");
        assertTrue(schema.validate(node).isEmpty(), () -> schema.validate(node).toString());

        JsonNode ppl = node.at("/model-index/0/results/0");
        assertEquals("lm-small", node.at("/model-index/0/name").asText());
        assertEquals("text-generation", ppl.at("/task/type").asText());
        assertEquals("perplexity", ppl.at("/metrics/0/type").asText());
        assertEquals(3.41, ppl.at("/metrics/0/value").asDouble());
        assertTrue(ppl.at("/metrics/0/name").asText().contains("95% CI 3.35 to 3.48"), ppl.toString());
        assertTrue(ppl.at("/metrics/0/name").asText().contains("n = 12800"), ppl.toString());
        assertEquals(0.25, node.at("/co2_eq_emissions/emissions").asDouble(), 1e-12);
        assertTrue(node.at("/co2_eq_emissions/source").asText().contains("estimated-tdp"));
        assertEquals("Test CPU, 2 logical CPUs", node.at("/co2_eq_emissions/hardware_used").asText());
        assertTrue(node.at("/co2_eq_emissions/geographical_location").asText().startsWith("France"));

        // the schema is not vacuous: a metric without a type, emissions as text, are refused
        ObjectNode broken = node.deepCopy();
        ((ObjectNode) broken.at("/model-index/0/results/0/metrics/0")).remove("type");
        assertFalse(schema.validate(broken).isEmpty());
        ObjectNode broken2 = node.deepCopy();
        ((ObjectNode) broken2.get("co2_eq_emissions")).put("emissions", "a lot");
        assertFalse(schema.validate(broken2).isEmpty());
    }

    @Test
    void theDataRevisionIsTheDataSha256() {
        RunRecord r = EvidenceTestRuns.withDataSha(record, "lm-perplexity", "ab".repeat(32));
        JsonNode node = JSON.valueToTree(HfCardMetadata.build(CardFacts.of(r, "lm-small")));
        assertEquals("ab".repeat(32), node.at("/model-index/0/results/0/dataset/revision").asText());
        List<?> evals = ModelCards.parseEvalResults(ModelCards.evalResults(CardFacts.of(r, "lm-small")));
        assertEquals("ab".repeat(32), ((Map<?, ?>) ((Map<?, ?>) evals.get(0)).get("dataset")).get("revision"));
    }

    @Test
    void evalResultsFollowTheHubFormat() throws IOException {
        String yaml = ModelCards.evalResults(CardFacts.of(record, null));
        JsonNode node = JSON.valueToTree(ModelCards.parseEvalResults(yaml));
        Schema schema = schema("hf-eval-results.schema.json");
        assertTrue(schema.validate(node).isEmpty(), () -> schema.validate(node) + "\n" + yaml);
        assertEquals(3, node.size());
        assertEquals("lm-perplexity", node.at("/0/dataset/task_id").asText());
        assertTrue(node.at("/0/notes").asText().contains("95% CI"));
    }

    @Test
    void markdownHasMitchellSectionsGroupsCaveatsAndPlacesForAPerson() {
        String md = ModelCards.markdown(CardFacts.of(record, null));
        for (String h : List.of("## Model details", "## Intended use", "## Factors", "## Metrics", "## Evaluation data",
                "## Training data", "## Quantitative analyses", "## Ethical considerations", "## Caveats and recommendations")) {
            assertTrue(md.contains(h), h);
        }
        assertTrue(md.contains("| lm-small | lm-perplexity | perplexity (nats) | 3.41 | 95% CI 3.35 to 3.48"), md);
        assertTrue(md.contains("### lm-small: Per-group sentiment") && md.contains("| she | 0.12 | [0.08, 0.16] | 200 |"), md);
        assertTrue(md.contains("not comparable with published (Inception) FIDs"), md);
        assertTrue(md.contains("Only 200 prompts per group"), md);
        assertTrue(md.contains("estimates (estimated-tdp)"), md);
        int persons = md.split(MitchellCardMarkdown.PERSON, -1).length - 1;
        assertTrue(persons >= 5, "person markers: " + persons);
        int intended = md.indexOf("## Intended use");
        assertTrue(md.indexOf(MitchellCardMarkdown.PERSON, intended) < md.indexOf("## Factors"));
    }

    @Test
    void anUnknownModelIsAnInputError() {
        InputException e = assertThrows(InputException.class, () -> CardFacts.of(record, "nope"));
        assertTrue(e.getMessage().contains("known: [lm-small, dcgan-small]"), e.getMessage());
    }
}
