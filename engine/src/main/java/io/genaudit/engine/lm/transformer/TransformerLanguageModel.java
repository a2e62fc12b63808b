package io.genaudit.engine.lm.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.genaudit.engine.ComputeDevice;
import io.genaudit.engine.InputException;
import io.genaudit.engine.lm.AbstractLanguageModel;
import io.genaudit.engine.lm.ByteTokenizer;
import io.genaudit.engine.lm.TargetLogProbs;
import io.genaudit.engine.lm.TokenDecoder;
import io.genaudit.engine.lm.Tokenizer;
import io.genaudit.engine.TorchThreads;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A trained built-in Transformer loaded from its model directory ({@code model.json} + {@code params.bin}), byte-level. */
public final class TransformerLanguageModel extends AbstractLanguageModel {
    private final NDManager manager;
    private final CausalTransformer model;
    private final TrainingRecord record;
    private final Path dir;

    private TransformerLanguageModel(NDManager manager, CausalTransformer model, TrainingRecord record, Path dir) {
        this.manager = manager;
        this.model = model;
        this.record = record;
        this.dir = dir;
    }

    /** Loads {@code modelDir}; an InputException names the file when model.json or params.bin is missing or wrong. */
    public static TransformerLanguageModel load(Path modelDir) {
        Path json = modelDir.resolve(TransformerTrainer.MODEL_JSON);
        Path params = modelDir.resolve(TransformerTrainer.PARAMS_FILE);
        if (!Files.isRegularFile(json) || !Files.isRegularFile(params)) {
            throw new InputException(modelDir, "a trained transformer model directory (model.json and params.bin) expected");
        }
        TrainingRecord rec;
        try {
            rec = TransformerTrainer.JSON.readValue(json.toFile(), TrainingRecord.class);
        } catch (IOException e) {
            throw new InputException(json.toString(), "cannot read model.json: " + e.getMessage(), e);
        }
        if (!TrainingRecord.FORMAT.equals(rec.format())) {
            throw new InputException(json, "format " + TrainingRecord.FORMAT + " expected, found " + rec.format());
        }
        TorchThreads.pin();
        NDManager manager = NDManager.newBaseManager(ComputeDevice.current().djl());
        CausalTransformer model = CausalTransformer.initialise(rec.architecture(), manager, 0);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(params)))) {
            model.load(in, params.toString());
        } catch (IOException e) {
            manager.close();
            throw new InputException(params.toString(), "cannot read parameters: " + e.getMessage(), e);
        }
        model.parameters().values().forEach(a -> a.setRequiresGradient(false));
        return new TransformerLanguageModel(manager, model, rec, modelDir);
    }

    /** What model.json says about the model. */
    public TrainingRecord record() {
        return record;
    }

    @Override
    protected float[] logits(long[] ids, int batch, int length) {
        try (NDManager sm = manager.newSubManager()) {
            NDArray x = sm.create(ids, new Shape(batch, length));
            return model.forward(x).toFloatArray();
        }
    }

    @Override
    protected float[] targetLogProbs(long[] ids, int batch, int length) {
        try (NDManager sm = manager.newSubManager()) {
            NDArray x = sm.create(ids, new Shape(batch, length));
            return TargetLogProbs.compute(model.forward(x.get(":, :-1")), x);
        }
    }

    /** Decodes with a key/value cache ({@link CachedTransformerDecoder}). */
    @Override
    protected TokenDecoder newCachedDecoder() {
        return new CachedTransformerDecoder(model, manager);
    }

    @Override
    public int contextLength() {
        return record.architecture().contextLength();
    }

    @Override
    public int vocabSize() {
        return record.architecture().vocabSize();
    }

    @Override
    public Tokenizer tokenizer() {
        return ByteTokenizer.INSTANCE;
    }

    @Override
    public String describe() {
        TransformerConfig c = record.architecture();
        return String.format("built-in byte-level Transformer '%s' (%d blocks, d=%d, %d heads, context %d, %d parameters) from %s",
                c.size(), c.layers(), c.dModel(), c.heads(), c.contextLength(), record.parameterCount(), dir);
    }

    @Override
    public void close() {
        model.close();
        manager.close();
    }
}
