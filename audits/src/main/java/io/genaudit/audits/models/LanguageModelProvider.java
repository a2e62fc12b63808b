package io.genaudit.audits.models;

import io.genaudit.audits.AuditContext;
import io.genaudit.audits.LoadedModel;
import io.genaudit.audits.ModelProvider;
import io.genaudit.audits.ModelSpec;
import io.genaudit.audits.Params;
import io.genaudit.audits.PlanException;
import io.genaudit.engine.io.Sha256;
import io.genaudit.engine.lm.DeclaredContextLength;
import io.genaudit.engine.lm.ExportedLanguageModel;
import io.genaudit.engine.io.OnnxExternalData;
import io.genaudit.engine.lm.onnx.OnnxLanguageModel;
import io.genaudit.engine.lm.TorchScriptLanguageModel;
import io.genaudit.engine.lm.Tokenizer;
import io.genaudit.engine.lm.Tokenizers;
import io.genaudit.engine.lm.transformer.TextCorpus;
import io.genaudit.engine.lm.transformer.TrainingRecord;
import io.genaudit.engine.lm.transformer.TransformerConfig;
import io.genaudit.engine.lm.transformer.TransformerLanguageModel;
import io.genaudit.engine.lm.transformer.TransformerTrainer;
import io.genaudit.engine.train.TrainingRun;
import io.genaudit.engine.train.TrainingSettings;
import io.genaudit.reports.Chart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Language models for plans. {@code transformer}: the built-in byte-level Transformer, either trained from
 * {@code train: {data, size, epochs, seed, batchSize, lr, maxSteps}} (cached under the run cache by data SHA-256,
 * hyper-parameters and seed) or loaded from {@code path: MODEL_DIR}. {@code torchscript-lm} and {@code onnx-lm}:
 * exported files with {@code path}, {@code tokenizer} ({@code bytes} or a tokenizer.json) and {@code contextLength}
 * (optional when config.json beside the file declares it), checked against the LM contract at load.
 */
public final class LanguageModelProvider implements ModelProvider {
    static final Set<String> TRAIN_KEYS = Set.of("data", "size", "epochs", "seed", "batchSize", "lr", "maxSteps");

    @Override
    public Set<String> types() {
        return Set.of("transformer", "torchscript-lm", "onnx-lm");
    }

    @Override
    public Set<String> options(String type) {
        return type.equals("transformer") ? Set.of("train", "path") : Set.of("path", "tokenizer", "contextLength");
    }

    @Override
    public LoadedModel load(ModelSpec spec, AuditContext ctx) throws Exception {
        return spec.type().equals("transformer") ? transformer(spec, ctx) : exported(spec, ctx);
    }

    /**
     * A model or tokenizer file: {@code fixture:NAME/FILE} (a file of a bundled fixture, such as
     * {@code fixture:gpt2-export/model.onnx}) or a path relative to the plan.
     */
    private static Path modelFile(ModelSpec spec, String field, String text, AuditContext ctx) throws IOException {
        if (!text.startsWith("fixture:")) return ModelSpecs.planRelative(spec, text);
        int slash = text.indexOf('/');
        if (slash < 0) throw new PlanException(spec.planFile(), field, "fixture:NAME/FILE expected, got '" + text + "'");
        return ModelSpecs.data(spec, field, text.substring(0, slash), ctx).resolve(text.substring(slash + 1)).normalize();
    }

    private LoadedModel exported(ModelSpec spec, AuditContext ctx) throws IOException {
        Params p = spec.params();
        String pathText = p.stringParam("path", null);
        if (pathText == null) throw new PlanException(spec.planFile(), ModelSpecs.field(spec, "path"), "the model file is required for type " + spec.type());
        Path file = modelFile(spec, ModelSpecs.field(spec, "path"), pathText, ctx);
        if (!Files.isRegularFile(file)) throw new PlanException(spec.planFile(), ModelSpecs.field(spec, "path"), "no such model file: " + file);
        if (spec.type().equals("onnx-lm")) OnnxExternalData.files(spec.id(), file); // its weights may lie in files beside it: all present
        int context = p.intParam("contextLength", 0);
        if (!p.has("contextLength")) {
            var sig = spec.type().equals("onnx-lm") ? OnnxLanguageModel.signature(file) : null;
            context = DeclaredContextLength.find(file, sig).map(DeclaredContextLength::length).orElseThrow(() -> new PlanException(spec.planFile(),
                    ModelSpecs.field(spec, "contextLength"), "required: " + file + " declares no context length (no config.json beside it with n_positions "
                            + "or max_position_embeddings, no fixed sequence axis)"));
        }
        if (context < 2) throw new PlanException(spec.planFile(), ModelSpecs.field(spec, "contextLength"), "an integer >= 2 (the model's context length) is required");
        String tokSpec = p.stringParam("tokenizer", "bytes");
        Tokenizer tok;
        Path tokenizerFile = null;
        if (tokSpec.equals("bytes")) {
            tok = Tokenizers.resolve("bytes", null);
        } else {
            Path tp = modelFile(spec, ModelSpecs.field(spec, "tokenizer"), tokSpec, ctx);
            ctx.recordFile("model", tp);
            tokenizerFile = tp;
            tok = Tokenizers.resolve(tp.toString(), null);
        }
        String sha = ctx.recordFile("model", file);
        ExportedLanguageModel lm = spec.type().equals("onnx-lm")
                ? new OnnxLanguageModel(file, tok, context)
                : new TorchScriptLanguageModel(file, tok, context);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("file", file.toString());
        info.put("tokenizer", tok.name());
        if (tokenizerFile != null) info.put("tokenizerFile", tokenizerFile.toString()); // what executors load (genaudit-spark)
        info.put("contextLength", context);
        info.put("vocabSize", lm.vocabSize());
        return new LoadedModel(spec.id(), spec.type(), lm, sha, lm.describe(), info, List.of(), List.of());
    }

    private LoadedModel transformer(ModelSpec spec, AuditContext ctx) throws IOException {
        Params p = spec.params();
        boolean hasTrain = p.has("train"), hasPath = p.has("path");
        if (hasTrain == hasPath) {
            throw new PlanException(spec.planFile(), spec.params().prefix(), "exactly one of 'train' or 'path' expected for a transformer");
        }
        Path modelDir;
        boolean trainedNow = false;
        if (hasPath) {
            modelDir = ModelSpecs.planRelative(spec, p.stringParam("path", null));
            if (!Files.isDirectory(modelDir)) throw new PlanException(spec.planFile(), ModelSpecs.field(spec, "path"), "no such model directory: " + modelDir);
        } else {
            Object raw = p.values().get("train");
            if (!(raw instanceof Map<?, ?> m)) throw new PlanException(spec.planFile(), ModelSpecs.field(spec, "train"), "a map of training settings expected");
            @SuppressWarnings("unchecked") Params t = new Params((Map<String, Object>) m, ModelSpecs.field(spec, "train"), spec.planFile());
            for (String k : t.values().keySet()) {
                if (!TRAIN_KEYS.contains(k)) {
                    throw new PlanException(spec.planFile(), t.prefix() + "." + k, "unknown key; expected one of " + TRAIN_KEYS);
                }
            }
            String size = t.choiceParam("size", "small", "tiny", "small");
            TrainingSettings d = TransformerTrainer.defaultSettings(size, 0);
            TrainingSettings settings;
            try {
                settings = new TrainingSettings(t.longParam("seed", ctx.seed()), t.intParam("epochs", d.epochs()),
                        t.intParam("batchSize", d.batchSize()), t.doubleParam("lr", d.learningRate()), t.intParam("maxSteps", 0));
            } catch (IllegalArgumentException e) {
                throw new PlanException(spec.planFile(), t.prefix(), e.getMessage());
            }
            String dataText = t.stringParam("data", null);
            if (dataText == null) throw new PlanException(spec.planFile(), t.prefix() + ".data", "the training text (a path or fixture:NAME) is required");
            Path data = ModelSpecs.data(spec, t.prefix() + ".data", dataText, ctx);
            ctx.recordFile("data", data);
            TextCorpus corpus = TextCorpus.read(data);
            TransformerConfig config = TransformerConfig.forSize(size);
            String key = Sha256.of((corpus.sha256() + "|" + config + "|" + settings + "|" + TrainingRecord.FORMAT).getBytes(StandardCharsets.UTF_8));
            modelDir = ctx.cacheDir().resolve("models").resolve("transformer-" + key.substring(0, 24));
            if (!Files.isRegularFile(modelDir.resolve(TransformerTrainer.MODEL_JSON))) {
                try (AuditContext.Phase ph = ctx.phase("train:" + spec.id(), "train", spec.id())) {
                    TrainingRecord rec = new TransformerTrainer(config, settings).train(corpus, new TrainingRun(modelDir, true, ctx.progress()));
                    ph.units("tokens", rec.steps() * settings.batchSize() * config.contextLength());
                }
                trainedNow = true;
            }
        }
        TransformerLanguageModel lm = TransformerLanguageModel.load(modelDir);
        TrainingRecord rec = lm.record();
        String sha = ctx.recordFile("model", modelDir.resolve(TransformerTrainer.PARAMS_FILE));
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("size", rec.architecture().size());
        info.put("layers", rec.architecture().layers());
        info.put("dModel", rec.architecture().dModel());
        info.put("heads", rec.architecture().heads());
        info.put("contextLength", rec.architecture().contextLength());
        info.put("parameters", rec.parameterCount());
        info.put("seed", rec.training().seed());
        info.put("epochs", rec.training().epochs());
        info.put("batchSize", rec.training().batchSize());
        info.put("lr", rec.training().learningRate());
        info.put("maxSteps", rec.training().maxSteps());
        info.put("steps", rec.steps());
        info.put("finalTrainLossNats", rec.finalLoss());
        info.put("trainingSeconds", rec.trainingSeconds());
        info.put("trainingData", rec.dataSource());
        info.put("trainingDataSha256", rec.dataSha256());
        info.put("modelDir", modelDir.toString());
        info.put("trainedThisRun", trainedNow);
        return new LoadedModel(spec.id(), spec.type(), lm, sha, lm.describe(), info, List.of(lossChart(rec)), List.of());
    }

    /** Training loss per optimizer step (and per epoch at the last step of each epoch). */
    static Chart lossChart(TrainingRecord rec) {
        List<Double> steps = rec.stepLosses();
        double[] x = new double[steps.size()], y = new double[steps.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
            y[i] = steps.get(i);
        }
        int e = rec.epochLosses().size();
        double[] ex = new double[e], ey = new double[e];
        long perEpoch = e == 0 ? 0 : (long) Math.ceil(steps.size() / (double) e);
        for (int i = 0; i < e; i++) {
            ex[i] = Math.min(steps.size(), (i + 1) * perEpoch);
            ey[i] = rec.epochLosses().get(i);
        }
        return new Chart(Chart.Type.LINE, "Training loss (" + rec.architecture().size() + " transformer, seed " + rec.training().seed() + ")",
                "optimizer step", "cross-entropy (nats/byte)", List.of(),
                List.of(Chart.Series.of("per step", x, y), Chart.Series.of("epoch mean", ex, ey)));
    }
}
