package io.genaudit.engine.lm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genaudit.engine.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The BOS and EOS tokens a Hugging Face tokenizer declares in the files saved beside its tokenizer.json:
 * {@code tokenizer_config.json} first, then {@code special_tokens_map.json}; each entry is a string or an object with
 * {@code content}. Ids come from the tokenizer.json's added tokens, else its model vocabulary; -1 when not declared.
 */
public record SpecialTokens(int bos, int eos, String source) {
    static final SpecialTokens NONE = new SpecialTokens(-1, -1, "none");

    /** Reads them for {@code tokenizerJson} (already parsed as {@code root}). */
    static SpecialTokens read(Path tokenizerJson, JsonNode root) {
        Path dir = tokenizerJson.toAbsolutePath().getParent();
        String bos = null, eos = null, source = "none";
        for (String name : new String[]{"tokenizer_config.json", "special_tokens_map.json"}) {
            Path f = dir.resolve(name);
            if (!Files.isRegularFile(f)) continue;
            JsonNode cfg;
            try {
                cfg = new ObjectMapper().readTree(f.toFile());
            } catch (IOException e) {
                throw new InputException(f.toString(), "cannot read JSON: " + e.getMessage(), e);
            }
            String b = content(cfg.get("bos_token")), e = content(cfg.get("eos_token"));
            if (bos == null && b != null) bos = b;
            if (eos == null && e != null) eos = e;
            if (b != null || e != null) source = source.equals("none") ? name : source + ", " + name;
        }
        return new SpecialTokens(idOf(tokenizerJson, root, bos), idOf(tokenizerJson, root, eos), source);
    }

    private static String content(JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (n.isTextual()) return n.asText();
        JsonNode c = n.get("content");
        return c != null && c.isTextual() ? c.asText() : null;
    }

    private static int idOf(Path file, JsonNode root, String token) {
        if (token == null) return -1;
        for (JsonNode t : root.path("added_tokens")) {
            if (token.equals(t.path("content").asText(null))) return t.path("id").asInt();
        }
        JsonNode vocab = root.path("model").path("vocab");
        if (vocab.isObject() && vocab.has(token)) return vocab.get(token).asInt();
        if (vocab.isArray()) {
            for (int i = 0; i < vocab.size(); i++) if (token.equals(vocab.get(i).path(0).asText(null))) return i;
        }
        throw new InputException(file.toString(), "special token '" + token + "' named beside it is not in its vocabulary");
    }
}
