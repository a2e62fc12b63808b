package io.genaudit.audits.evidence.card;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.util.List;
import java.util.Map;

/** Renders model cards: the Hugging Face README (YAML front matter + Markdown body), and the .eval_results YAML. */
public final class ModelCards {
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS).build());

    private ModelCards() {
    }

    /** A Hugging Face model card: {@code ---} front matter {@code ---} then the Mitchell et al. sections. */
    public static String huggingFace(CardFacts facts) {
        return "---\n" + yaml(HfCardMetadata.build(facts)) + "---\n\n" + MitchellCardMarkdown.render(facts);
    }

    /** The Markdown card alone. */
    public static String markdown(CardFacts facts) {
        return MitchellCardMarkdown.render(facts);
    }

    /** The {@code .eval_results/*.yaml} text. */
    public static String evalResults(CardFacts facts) {
        return yaml(HfCardMetadata.evalResults(facts));
    }

    static String yaml(Object value) {
        try {
            return YAML.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The front matter of a card text, parsed (for tests and tools that check what was written). */
    public static Map<String, Object> frontMatter(String card) {
        if (!card.startsWith("---\n")) return Map.of();
        int end = card.indexOf("\n---\n", 4);
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = YAML.readValue(card.substring(4, end + 1), Map.class);
            return m;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("front matter is not YAML: " + e.getOriginalMessage());
        }
    }

    /** Parses .eval_results YAML text. */
    public static List<?> parseEvalResults(String text) {
        try {
            return YAML.readValue(text, List.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not YAML: " + e.getOriginalMessage());
        }
    }
}
