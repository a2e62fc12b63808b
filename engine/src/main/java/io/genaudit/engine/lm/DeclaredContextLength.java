package io.genaudit.engine.lm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genaudit.engine.lm.signature.ModelSignature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The context length a model declares, looked up where Hugging Face exports keep it: {@code config.json} beside the
 * file ({@code n_positions}, {@code max_position_embeddings}, {@code n_ctx}, {@code max_sequence_length}), then a fixed
 * sequence axis of the ONNX {@code input_ids}. Used when the user gives no {@code --context-length}.
 */
public record DeclaredContextLength(int length, String source) {
    private static final String[] CONFIG_KEYS = {"n_positions", "max_position_embeddings", "n_ctx", "max_sequence_length"};

    /** What {@code modelFile} (with its {@code signature}, may be null) declares, if anything. */
    public static Optional<DeclaredContextLength> find(Path modelFile, ModelSignature signature) {
        Path dir = modelFile.toAbsolutePath().getParent();
        Path config = dir == null ? null : dir.resolve("config.json");
        if (config != null && Files.isRegularFile(config)) {
            try {
                JsonNode root = new ObjectMapper().readTree(config.toFile());
                for (String k : CONFIG_KEYS) {
                    JsonNode n = root.get(k);
                    if (n != null && n.canConvertToInt() && n.asInt() >= 2) return Optional.of(new DeclaredContextLength(n.asInt(), config.getFileName() + " " + k));
                }
            } catch (IOException e) {
                // an unreadable config.json declares nothing; the caller asks for --context-length
            }
        }
        if (signature != null) {
            var ids = signature.input("input_ids").or(() -> signature.inputs().size() == 1 ? signature.inputs().stream().findFirst() : java.util.Optional.empty())
                    .filter(t -> t.dims().size() == 2 && t.dtype().startsWith("int"));
            if (ids.isPresent() && ids.get().fixedDim(1) >= 2) {
                return Optional.of(new DeclaredContextLength((int) ids.get().fixedDim(1), ids.get().name() + " axis 1"));
            }
        }
        return Optional.empty();
    }
}
