package io.genaudit.engine.lm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A SentencePiece Unigram tokenizer (Llama 2 style: Metaspace, a post-processor that prepends {@code <s>}) read from
 * tokenizer.json through DJL gives the ids SentencePiece itself gave (fixtures/lm-models/sentencepiece), and its BOS
 * is both declared (tokenizer_config.json) and prepended, so the sliding recipe scores the first token.
 */
class SentencePieceTokenizerTest {
    static final Path SP = TokenizerTest.MODELS.resolve("sentencepiece");

    @Test
    void unigramIdsEqualSentencePieces() throws Exception {
        JsonNode ref = new ObjectMapper().readTree(SP.resolve("reference.json").toFile());
        try (HuggingFaceTokenizer tok = HuggingFaceTokenizer.load(SP.resolve("tokenizer.json"))) {
            assertEquals(ref.get("vocab_size").asInt(), tok.vocabSize());
            for (int k = 0; k < ref.get("texts").size(); k++) {
                String text = ref.get("texts").get(k).asText();
                JsonNode ids = ref.get("ids").get(k);
                int[] expected = new int[ids.size()];
                for (int i = 0; i < expected.length; i++) expected[i] = ids.get(i).asInt();
                assertArrayEquals(expected, tok.encode(text), text);
                assertEquals(text, tok.decode(tok.encode(text)));
            }
            assertEquals(1, tok.bosId(), "the post-processor prepends <s>");
            assertEquals(1, tok.declaredBosId());
            assertEquals(2, tok.eosId());
        }
    }
}
