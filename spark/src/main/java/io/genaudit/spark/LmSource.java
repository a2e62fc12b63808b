package io.genaudit.spark;

import io.genaudit.audits.LoadedModel;
import io.genaudit.audits.PlanException;
import io.genaudit.audits.models.ContractCheckedLanguageModel;
import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.engine.lm.onnx.OnnxLanguageModel;
import io.genaudit.engine.lm.TorchScriptLanguageModel;
import io.genaudit.engine.lm.Tokenizers;
import io.genaudit.engine.lm.transformer.TransformerLanguageModel;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * Where an executor finds a plan's language model: the model type, its local path (the built-in Transformer's model
 * folder, or the exported ONNX/TorchScript file), the tokenizer.json (null: bytes) and the context length. The driver
 * loads the model first through the plan's model provider (which checks the contract, trains a {@code train:} model
 * into the cache, and resolves {@code fixture:} paths), then sends this record; each executor opens the same files,
 * which must therefore exist at the same path there (a shared file system, or files placed by the cluster's setup).
 * Also the key of {@link LanguageModelPool}.
 *
 * @param modelId       the plan's model id (names the model in contract errors)
 * @param type          {@code transformer}, {@code onnx-lm} or {@code torchscript-lm}
 * @param path          model folder (transformer) or model file (exported)
 * @param tokenizer     the tokenizer.json of an exported model, or null for byte tokens
 * @param contextLength the exported model's context length (the transformer's comes from its folder)
 */
public record LmSource(String modelId, String type, String path, String tokenizer, int contextLength) implements Serializable {

    /** The source of a model the driver loaded; a plan error when the model is not a language model Spark can ship. */
    public static LmSource of(LoadedModel m, String planFile) {
        return switch (m.type()) {
            case "transformer" -> new LmSource(m.id(), m.type(), String.valueOf(m.info().get("modelDir")), null, 0);
            case "onnx-lm", "torchscript-lm" -> new LmSource(m.id(), m.type(), String.valueOf(m.info().get("file")),
                    (String) m.info().get("tokenizerFile"), ((Number) m.info().get("contextLength")).intValue());
            default -> throw new PlanException(planFile, "models." + m.id(), "model type " + m.type()
                    + " is not a language model genaudit-spark can load on executors (transformer, onnx-lm, torchscript-lm)");
        };
    }

    /** Opens the model in this JVM, wrapped in the same contract check the single-machine run uses. */
    public LanguageModel open() {
        LanguageModel lm = switch (type) {
            case "transformer" -> TransformerLanguageModel.load(Path.of(path));
            case "onnx-lm" -> new OnnxLanguageModel(Path.of(path), Tokenizers.resolve(tokenizer, null), contextLength);
            case "torchscript-lm" -> new TorchScriptLanguageModel(Path.of(path), Tokenizers.resolve(tokenizer, null), contextLength);
            default -> throw new IllegalStateException("no language model type " + type);
        };
        return ContractCheckedLanguageModel.wrap(modelId, lm);
    }
}
