package io.genaudit.audits.cli;

import io.genaudit.engine.InputException;
import io.genaudit.engine.image.ExtractorPreprocessing;
import io.genaudit.engine.image.ImageFeatureExtractor;
import io.genaudit.engine.image.ModelSidecar;
import io.genaudit.engine.image.FileFeatureExtractor;
import io.genaudit.engine.image.ModelFileFormat;
import io.genaudit.engine.image.PreprocessedExtractor;
import io.genaudit.engine.lm.DeclaredContextLength;
import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.engine.lm.onnx.OnnxLanguageModel;
import io.genaudit.engine.lm.Tokenizers;
import io.genaudit.engine.lm.TorchScriptLanguageModel;
import io.genaudit.engine.lm.transformer.TransformerLanguageModel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Opens the models CLI commands name with a {@code KIND:PATH} spec: language models for {@code --model}
 * ({@code transformer:DIR}, {@code torchscript:FILE}, {@code onnx:FILE}, with {@code --tokenizer} and
 * {@code --context-length}) and image feature extractors for {@code --features} ({@code torchscript:PATH},
 * {@code onnx:PATH}), so every command parses specs and reports bad ones the same way.
 */
final class CliModels {
    private CliModels() {
    }

    /** Opens a language model spec: {@code transformer:DIR}, {@code torchscript:FILE} or {@code onnx:FILE}. */
    static LanguageModel openLanguageModel(String spec, String tokenizer, Integer contextLength) {
        String kind = kind(spec);
        Path path = path(spec);
        switch (kind) {
            case "transformer" -> {
                if (tokenizer != null) throw new InputException("--tokenizer", "a transformer model brings its own tokenizer; leave --tokenizer out");
                return io.genaudit.audits.models.ContractCheckedLanguageModel.wrap(spec, TransformerLanguageModel.load(path));
            }
            case "torchscript", "onnx" -> {
                if (!Files.isRegularFile(path)) throw new InputException(path, "no such " + kind + " model file");
                int context = contextLength != null ? contextLength : declaredContextLength(kind, path);
                var tok = Tokenizers.resolve(tokenizer, null);
                return io.genaudit.audits.models.ContractCheckedLanguageModel.wrap(spec, kind.equals("onnx")
                        ? new OnnxLanguageModel(path, tok, context) : new TorchScriptLanguageModel(path, tok, context));
            }
            default -> throw new InputException("--model", "transformer:MODEL_DIR, torchscript:FILE or onnx:FILE expected, got '" + spec + "'");
        }
    }

    /** The context length config.json beside the file (or a fixed ONNX sequence axis) declares; exit 2 when none does. */
    static int declaredContextLength(String kind, Path path) {
        var sig = kind.equals("onnx") ? OnnxLanguageModel.signature(path) : null;
        return DeclaredContextLength.find(path, sig).map(DeclaredContextLength::length).orElseThrow(() -> new InputException("--context-length",
                "the context length of " + path + " is declared nowhere (no config.json beside it with n_positions or "
                        + "max_position_embeddings, no fixed sequence axis): give --context-length (or --max-length)"));
    }

    /**
     * Opens the feature extractor a fidelity command names with {@code --features SPEC} ({@code torchscript:PATH} or
     * {@code onnx:PATH}: images [B,3,H,W] in [0,1] to features [B,D]) for the image folder {@code input}.
     */
    static ImageFeatureExtractor openFeatureExtractor(String spec, Path input) {
        return openImageNetwork(spec, input, "--features", "a feature extractor", "precomputed .npy features / .npz statistics");
    }

    /**
     * Opens the image network named by {@code option SPEC} ({@code torchscript:PATH} or {@code onnx:PATH}: images
     * [B,3,H,W] in [0,1] to rows [B,D]) for the image folder {@code input}; {@code what} and {@code instead} word the
     * error when none is named.
     */
    static ImageFeatureExtractor openImageNetwork(String spec, Path input, String option, String what, String instead) {
        if (spec == null) {
            throw new InputException(input, "is an image folder: name " + what + " with " + option + " torchscript:PATH or onnx:PATH "
                    + "(or pass " + instead + ")");
        }
        String kind = kind(spec);
        if (!kind.equals("torchscript") && !kind.equals("onnx")) {
            throw new InputException(option, "expected torchscript:PATH or onnx:PATH, got '" + spec + "'");
        }
        Path file = path(spec);
        if (!Files.isRegularFile(file)) throw new InputException(file, "no such " + kind + " model file");
        Map<String, Object> side = ModelSidecar.read(file, ExtractorPreprocessing.OPTIONS);
        ExtractorPreprocessing pre;
        try {
            pre = ExtractorPreprocessing.fromOptions(side);
        } catch (IllegalArgumentException e) {
            throw new InputException(file.toAbsolutePath().resolveSibling(ModelSidecar.FILE_NAME), e.getMessage());
        }
        ModelFileFormat format = kind.equals("torchscript") ? ModelFileFormat.TORCHSCRIPT : ModelFileFormat.ONNX;
        ImageFeatureExtractor net = pre.height() > 0
                ? FileFeatureExtractor.load(file, format, pre.height(), pre.width()) : FileFeatureExtractor.load(file, format);
        return pre.isIdentity() ? net : new PreprocessedExtractor(net, pre);
    }

    /** The part of {@code KIND:PATH} before the first colon; empty when there is none. */
    private static String kind(String spec) {
        int colon = spec.indexOf(':');
        return colon < 0 ? "" : spec.substring(0, colon);
    }

    /** The part of {@code KIND:PATH} after the first colon; the whole spec when there is none. */
    private static Path path(String spec) {
        int colon = spec.indexOf(':');
        return Path.of(colon < 0 ? spec : spec.substring(colon + 1));
    }
}
