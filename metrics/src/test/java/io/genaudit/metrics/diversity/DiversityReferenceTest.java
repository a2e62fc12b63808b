package io.genaudit.metrics.diversity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Against NLTK's sentence_bleu and numpy (fixtures/reference/lm/self_bleu_reference.py produced the JSON). */
class DiversityReferenceTest {
    private static String resource(String name) throws Exception {
        try (InputStream in = DiversityReferenceTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void matchesNltkAndNumpy() throws Exception {
        JsonNode exp = new ObjectMapper().readTree(resource("self_bleu_expected.json"));
        List<String> lines = Arrays.stream(resource("self-bleu-input.txt").split("\n")).filter(s -> !s.isEmpty()).toList();
        List<List<String>> toks = TextTokens.WHITESPACE.tokens(lines);
        assertEquals(exp.get("texts").asInt(), toks.size());
        NgramIndex index = new NgramIndex(toks, 4);
        SelfBleu sb = new SelfBleu(index);
        for (int n = 2; n <= 4; n++) {
            double[] per = sb.perText(n);
            JsonNode e = exp.get("per_text_bleu_" + n);
            for (int i = 0; i < per.length; i++) assertEquals(e.get(i).asDouble(), per[i], 1e-12, "BLEU-" + n + " of line " + i);
        }
        DiversityResult r = new DiversityMetrics(1000, 1, 0, 0).compute(toks);
        for (int n = 2; n <= 4; n++) assertEquals(exp.get("self_bleu_" + n).asDouble(), r.selfBleu(n), 1e-12);
        for (int n = 1; n <= 4; n++) {
            assertEquals(exp.get("distinct_" + n).asDouble(), r.distinct(n), 1e-12, "distinct-" + n);
            assertEquals(exp.get("entropy_" + n).asDouble(), r.entropy(n), 1e-10, "entropy-" + n);
        }
        assertEquals(exp.get("vendi").asDouble(), r.vendi(), 1e-8);
        assertEquals(toks.size(), r.vendiItems());
    }
}
