package io.genaudit.engine.lm;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.genaudit.engine.ComputeDevice;
import io.genaudit.engine.InputException;
import io.genaudit.engine.ModelContractException;
import io.genaudit.engine.TorchThreads;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A causal LM exported from another framework and run through a DJL engine: it takes int64 token ids [B, T] and
 * returns float32 logits [B, T, V] as its first output. At load a probe batch checks rank, shape, vocabulary and
 * dtype, so a wrong file fails with a {@link ModelContractException} before any audit runs.
 */
public abstract class ExportedLanguageModel extends AbstractLanguageModel {
    private final Model model;
    private final Path file;
    private final Tokenizer tokenizer;
    private final int contextLength;
    private final int vocabSize;
    private final String format;

    protected ExportedLanguageModel(Path file, String engine, String format, Tokenizer tokenizer, int contextLength) {
        if (!Files.isRegularFile(file)) throw new InputException(file, format + " model file expected, not found");
        if (contextLength < 2) throw new InputException(file, "a context length >= 2 expected, got " + contextLength);
        this.file = file;
        this.tokenizer = tokenizer;
        this.contextLength = contextLength;
        this.format = format;
        if (engine.equals("PyTorch")) TorchThreads.pin();
        Model m = Model.newInstance(file.getFileName().toString(), engine.equals("PyTorch") ? ComputeDevice.current().djl() : Device.cpu(), engine);
        try {
            m.load(file);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            m.close();
            throw new InputException(file.toString(), "cannot load " + format + " model: " + e.getMessage(), e);
        }
        this.model = m;
        try {
            this.vocabSize = checkContract();
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
    }

    /** Runs probe batches of two lengths and returns the vocabulary size V the logits declare. */
    private int checkContract() {
        int tv = tokenizer.vocabSize();
        int longLen = Math.min(contextLength, 8);
        int shortLen = Math.min(3, longLen - 1);
        long v = -1;
        for (int len : new int[]{longLen, shortLen}) {
            long[] ids = new long[2 * len];
            for (int i = 0; i < ids.length; i++) ids[i] = (i * 7 + 1) % Math.min(tv, 128);
            try (NDManager sm = model.getNDManager().newSubManager()) {
                NDList out;
                try {
                    out = forward(sm, ids, 2, len);
                } catch (RuntimeException e) {
                    throw new ModelContractException(file.toString(), "int64 input [2, " + len + "] accepted",
                            "an error: " + e.getMessage());
                }
                if (out.isEmpty()) throw new ModelContractException(file.toString(), "logits [B, T, V] as first output", "no output");
                NDArray logits = out.get(0);
                Shape s = logits.getShape();
                if (s.dimension() != 3) {
                    throw new ModelContractException(file.toString(), "logits of rank 3 [B, T, V] for input [2, " + len + "]",
                            "rank " + s.dimension() + " " + s);
                }
                if (s.get(0) != 2 || s.get(1) != len) {
                    throw new ModelContractException(file.toString(), "logits [2, " + len + ", V] for input [2, " + len + "]", "shape " + s);
                }
                if (s.get(2) < tv) {
                    throw new ModelContractException(file.toString(), "V >= " + tv + " (the vocabulary of tokenizer " + tokenizer.name() + ")",
                            "V = " + s.get(2) + " in shape " + s);
                }
                if (logits.getDataType() != DataType.FLOAT32) {
                    throw new ModelContractException(file.toString(), "float32 logits", logits.getDataType().toString().toLowerCase() + " logits");
                }
                if (v >= 0 && v != s.get(2)) {
                    throw new ModelContractException(file.toString(), "the same V for every input length", "V = " + v + " and " + s.get(2));
                }
                v = s.get(2);
            }
        }
        return Math.toIntExact(v);
    }

    private NDList forward(NDManager sm, long[] ids, int batch, int length) {
        return forward(sm, sm.create(ids, new Shape(batch, length)));
    }

    /** Runs the model on int64 ids [B, T] created on {@code sm}; its outputs are attached to {@code sm}. */
    protected final NDList forward(NDManager sm, NDArray ids) {
        NDList out = model.getBlock().forward(new ParameterStore(sm, false), new NDList(ids), false);
        for (NDArray a : out) a.attach(sm);
        return out;
    }

    /** A manager for one forward pass's arrays; close it to free them. */
    protected final NDManager newBatchManager() {
        return model.getNDManager().newSubManager();
    }

    @Override
    protected synchronized float[] logits(long[] ids, int batch, int length) {
        try (NDManager sm = newBatchManager()) {
            return forward(sm, ids, batch, length).get(0).toFloatArray();
        }
    }

    @Override
    public int contextLength() {
        return contextLength;
    }

    @Override
    public int vocabSize() {
        return vocabSize;
    }

    @Override
    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /** The model file. */
    public Path file() {
        return file;
    }

    @Override
    public String describe() {
        return format + " language model " + file + " (tokenizer " + tokenizer.name() + ", context " + contextLength + ", vocabulary " + vocabSize + ")";
    }

    @Override
    public void close() {
        model.close();
        if (tokenizer instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing a tokenizer only frees native memory
            }
        }
    }
}
