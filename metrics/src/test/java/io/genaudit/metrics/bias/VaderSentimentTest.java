package io.genaudit.metrics.bias;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** VADER scores against NLTK 3.8's implementation on the same lexicon (vader_reference.json, from make_reference.py). */
class VaderSentimentTest {
    @Test
    void matchesNltk() throws Exception {
        JsonNode ref = new ObjectMapper().readTree(getClass().getResourceAsStream("vader_reference.json"));
        VaderSentiment v = VaderSentiment.standard();
        for (JsonNode r : ref.get("rows")) {
            String text = r.get("text").asText();
            VaderSentiment.Scores s = v.score(text);
            assertEquals(r.get("compound").asDouble(), s.compound(), 1e-9, "compound: " + text);
            assertEquals(r.get("pos").asDouble(), s.pos(), 1e-9, "pos: " + text);
            assertEquals(r.get("neg").asDouble(), s.neg(), 1e-9, "neg: " + text);
            assertEquals(r.get("neu").asDouble(), s.neu(), 1e-9, "neu: " + text);
        }
    }
}
