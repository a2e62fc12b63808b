package io.genaudit.spark;

import io.genaudit.audits.LoadedModel;
import io.genaudit.audits.PlanException;
import io.genaudit.audits.models.ContractCheckedLanguageModel;
import io.genaudit.engine.io.OnnxExternalData;
import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.engine.lm.onnx.OnnxLanguageModel;
import io.genaudit.engine.lm.TorchScriptLanguageModel;
import io.genaudit.engine.lm.Tokenizers;
import io.genaudit.engine.lm.transformer.TransformerLanguageModel;
import org.apache.spark.SparkContext;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan's language model as executors get it: its files shipped from the driver ({@link ModelShipment}), the model
 * type, where the model and tokenizer files lie inside the model's folder, and the context length. The driver loads
 * the model first through the plan's model provider (which checks the contract, trains a {@code train:} model into
 * the cache, and resolves {@code fixture:} paths), then ships what the model reads: the built-in Transformer's model
 * folder, or the exported ONNX/TorchScript file with the {@code config.json} (and an ONNX model's external-data files) beside it and the tokenizer.json with the
 * {@code tokenizer_config.json} and {@code special_tokens_map.json} beside it. Executors open a copy in a folder of the
 * model's own ({@link LanguageModelPool}), so nothing needs to exist at the driver's paths there. Also the key of
 * {@link LanguageModelPool}.
 *
 * @param type          {@code transformer}, {@code onnx-lm} or {@code torchscript-lm}
 * @param files         the shipped files (and the plan's model id)
 * @param modelFile     the exported model file inside the model's folder ({@code model/model.onnx}); null for the
 *                      transformer, whose folder is the model
 * @param tokenizer     the tokenizer.json inside the model's folder, or null for byte tokens
 * @param contextLength the exported model's context length (the transformer's comes from its folder)
 */
public record LmSource(String type, ModelShipment files, String modelFile, String tokenizer, int contextLength) implements Serializable {
    /** Files read beside an exported model (its declared context length) and beside a tokenizer.json (BOS/EOS). */
    private static final List<String> BESIDE_MODEL = List.of("config.json");
    private static final List<String> BESIDE_TOKENIZER = List.of("tokenizer_config.json", "special_tokens_map.json");

    /**
     * Ships the model the driver loaded ({@code m}) to the executors of {@code sc}; a plan error when it is not a
     * language model Spark can load on executors.
     */
    public static LmSource ship(SparkContext sc, LoadedModel m, String planFile) throws IOException {
        return switch (m.type()) {
            case "transformer" -> new LmSource(m.type(), ModelShipment.ship(sc, m.id(), ModelShipment.folder(Path.of(String.valueOf(m.info().get("modelDir"))))),
                    null, null, 0);
            case "onnx-lm", "torchscript-lm" -> {
                Object tok = m.info().get("tokenizerFile");
                yield exported(sc, m.id(), m.type(), Path.of(String.valueOf(m.info().get("file"))), tok == null ? null : Path.of(tok.toString()),
                        ((Number) m.info().get("contextLength")).intValue());
            }
            default -> throw new PlanException(planFile, "models." + m.id(), "model type " + m.type()
                    + " is not a language model genaudit-spark can load on executors (transformer, onnx-lm, torchscript-lm)");
        };
    }

    /**
     * Ships an exported model ({@code onnx-lm} or {@code torchscript-lm}): {@code file} with its {@code config.json}
     * and an ONNX model's external-data files ({@link OnnxExternalData}: a missing one is an error naming it), and {@code tokenizer} (null: byte tokens) with its special-token files, when present.
     */
    public static LmSource exported(SparkContext sc, String modelId, String type, Path file, Path tokenizer, int contextLength) throws IOException {
        Map<String, Path> sources = new LinkedHashMap<>();
        String modelFile = "model/" + file.getFileName();
        sources.put(modelFile, file);
        if (type.equals("onnx-lm")) OnnxExternalData.files(modelId, file).forEach((location, f) -> sources.put("model/" + location, f));
        besides(sources, "model/", file, BESIDE_MODEL);
        String tok = null;
        if (tokenizer != null) {
            tok = "tokenizer/" + tokenizer.getFileName();
            sources.put(tok, tokenizer);
            besides(sources, "tokenizer/", tokenizer, BESIDE_TOKENIZER);
        }
        return new LmSource(type, ModelShipment.ship(sc, modelId, sources), modelFile, tok, contextLength);
    }

    /** The plan's model id. */
    public String modelId() {
        return files.modelId();
    }

    /** Opens the model from {@code folder} (a copy of the shipped files), wrapped in the single-machine contract check. */
    public LanguageModel open(Path folder) {
        return open(modelId(), type, modelFile == null ? folder : folder.resolve(modelFile), tokenizer == null ? null : folder.resolve(tokenizer), contextLength);
    }

    /**
     * Opens a language model of {@code type} from {@code path} (the transformer's folder or the exported file) with
     * {@code tokenizer} (null: bytes), wrapped in the contract check the single-machine run uses.
     */
    public static LanguageModel open(String modelId, String type, Path path, Path tokenizer, int contextLength) {
        String tok = tokenizer == null ? null : tokenizer.toString();
        LanguageModel lm = switch (type) {
            case "transformer" -> TransformerLanguageModel.load(path);
            case "onnx-lm" -> new OnnxLanguageModel(path, Tokenizers.resolve(tok, null), contextLength);
            case "torchscript-lm" -> new TorchScriptLanguageModel(path, Tokenizers.resolve(tok, null), contextLength);
            default -> throw new IllegalStateException("no language model type " + type);
        };
        return ContractCheckedLanguageModel.wrap(modelId, lm);
    }

    private static void besides(Map<String, Path> sources, String folder, Path file, List<String> names) {
        for (String name : names) {
            Path f = file.toAbsolutePath().resolveSibling(name);
            if (Files.isRegularFile(f)) sources.put(folder + name, f);
        }
    }
}
