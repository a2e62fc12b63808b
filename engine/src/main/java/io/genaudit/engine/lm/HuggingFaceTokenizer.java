package io.genaudit.engine.lm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genaudit.engine.InputException;
import io.genaudit.engine.io.Sha256;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * A Hugging Face {@code tokenizer.json} read from a local file (never the hub), through DJL's native tokenizers
 * binding: byte-level BPE (GPT-2, Llama 3), SentencePiece-style Metaspace BPE or Unigram (Llama 2, T5), WordPiece or
 * WordLevel. {@link #encode} adds no special tokens, so scoring sees exactly the text's tokens; {@link #bosId()} is
 * the token the tokenizer's own post-processor prepends (as {@code tokenizer(text)} does in {@code transformers}),
 * and the declared BOS/EOS come from tokenizer_config.json / special_tokens_map.json beside the file.
 */
public final class HuggingFaceTokenizer implements Tokenizer, AutoCloseable {
    private final ai.djl.huggingface.tokenizers.HuggingFaceTokenizer tokenizer;
    private final int vocabSize;
    private final String name;
    private final SpecialTokens special;
    private final int prepended;

    private HuggingFaceTokenizer(ai.djl.huggingface.tokenizers.HuggingFaceTokenizer tokenizer, int vocabSize, String name,
                                 SpecialTokens special) {
        this.tokenizer = tokenizer;
        this.vocabSize = vocabSize;
        this.name = name;
        this.special = special;
        long[] plain = tokenizer.encode("a", false, false).getIds();
        long[] withSpecial = tokenizer.encode("a", true, false).getIds();
        this.prepended = withSpecial.length > plain.length && plain.length > 0 && withSpecial[1] == plain[0] ? (int) withSpecial[0] : -1;
    }

    /** Loads {@code file} (a tokenizer.json); an InputException names the file when it is missing or malformed. */
    public static HuggingFaceTokenizer load(Path file) {
        if (!Files.isRegularFile(file)) throw new InputException(file, "tokenizer.json expected, file not found");
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            JsonNode vocab = root.path("model").path("vocab");
            if (!vocab.isObject() && !vocab.isArray()) {
                throw new InputException(file, "a Hugging Face tokenizer.json with model.vocab expected");
            }
            int max = -1;
            if (vocab.isObject()) {
                for (Iterator<JsonNode> it = vocab.elements(); it.hasNext(); ) max = Math.max(max, it.next().asInt());
            } else {
                max = vocab.size() - 1; // Unigram: list of [piece, score]
            }
            for (JsonNode t : root.path("added_tokens")) max = Math.max(max, t.path("id").asInt());
            var tk = ai.djl.huggingface.tokenizers.HuggingFaceTokenizer.builder()
                    .optTokenizerPath(file)
                    .optAddSpecialTokens(false)
                    .build();
            SpecialTokens special = SpecialTokens.read(file, root);
            for (int id : new int[]{special.bos(), special.eos()}) max = Math.max(max, id);
            return new HuggingFaceTokenizer(tk, max + 1, "tokenizer.json sha256:" + Sha256.of(file), special);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InputException ie) throw ie;
            throw new InputException(file.toString(), "cannot read tokenizer.json: " + e.getMessage(), e);
        }
    }

    @Override
    public int[] encode(String text) {
        long[] ids = tokenizer.encode(text, false, false).getIds();
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) out[i] = Math.toIntExact(ids[i]);
        return out;
    }

    @Override
    public String decode(int[] ids) {
        long[] l = new long[ids.length];
        for (int i = 0; i < ids.length; i++) l[i] = ids[i];
        return tokenizer.decode(l, false);
    }

    /** The id the tokenizer's post-processor puts before the text, or -1. */
    @Override
    public int bosId() {
        return prepended;
    }

    @Override
    public int declaredBosId() {
        return special.bos() >= 0 ? special.bos() : prepended;
    }

    @Override
    public int eosId() {
        return special.eos();
    }

    /** Where the BOS/EOS tokens were read from. */
    public SpecialTokens specialTokens() {
        return special;
    }

    @Override
    public int vocabSize() {
        return vocabSize;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
