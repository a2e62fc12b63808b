package io.genaudit.audits.cli;

import io.genaudit.engine.lm.LanguageModel;
import picocli.CommandLine.Option;

/**
 * The language model a command runs on ({@code perplexity}, {@code bias}): its SPEC and, for TorchScript/ONNX files,
 * the tokenizer and the context length. Used as a picocli mixin so every LM command names and opens models alike.
 */
public final class LanguageModelOptions {
    @Option(names = "--model", required = true, paramLabel = "SPEC",
            description = "transformer:MODEL_DIR, torchscript:FILE.pt or onnx:FILE.onnx")
    String model;

    @Option(names = "--tokenizer", paramLabel = "bytes|PATH",
            description = "Tokenizer of a torchscript/onnx model: bytes (default) or a tokenizer.json (a transformer brings its own).")
    String tokenizer;

    @Option(names = "--context-length", paramLabel = "N",
            description = "Context length of a torchscript/onnx model (default: --max-length, else what config.json beside the file declares).")
    Integer contextLength;

    /** Opens the model; {@code defaultContextLength} applies when {@code --context-length} is not given (may be null). */
    LanguageModel open(Integer defaultContextLength) {
        return CliModels.openLanguageModel(model, tokenizer, contextLength != null ? contextLength : defaultContextLength);
    }
}
