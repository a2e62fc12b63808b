package io.genaudit.engine.lm;

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
import io.genaudit.engine.lm.signature.ModelSignature;
import io.genaudit.engine.lm.signature.TensorDecl;
import io.genaudit.engine.lm.signature.TorchScriptSignatures;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A TorchScript causal LM file ({@code torch.jit.trace}/{@code script}) run by DJL's PyTorch engine. Its
 * {@code forward} parameters are read from the archive ({@link TorchScriptSignatures}) and fed positionally by name:
 * {@code forward(input_ids, attention_mask)} as traced {@code transformers} models declare it, or a single ids
 * argument. Tuple outputs (transformers' {@code torchscript=True}) give the first tensor as logits, dict outputs the
 * entry {@code logits}. Scoring keeps the logits in libtorch ({@link TargetLogProbs}) and copies back only the
 * next-token log-probabilities.
 */
public final class TorchScriptLanguageModel extends ExportedLanguageModel {
    private final Model model;

    public TorchScriptLanguageModel(Path file, Tokenizer tokenizer, int contextLength) {
        super(file, "TorchScript", tokenizer, contextLength);
        TorchThreads.pin();
        Model m = Model.newInstance(file.getFileName().toString(), ComputeDevice.current().djl(), "PyTorch");
        try {
            m.load(file);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            m.close();
            throw new InputException(file.toString(), "cannot load TorchScript model: " + e.getMessage(), e);
        }
        this.model = m;
        try {
            ready(signature(file));
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
    }

    /** The declared {@code forward} parameters, or a single ids input when the archive's schema cannot be read. */
    public static ModelSignature signature(Path file) {
        return TorchScriptSignatures.read(file).orElse(new ModelSignature("TorchScript",
                List.of(new TensorDecl("ids", "Tensor", List.of())), List.of(new TensorDecl("return", "?", List.of()))));
    }

    /** Runs forward on {@code batch} (arrays attached to {@code sm}) and returns the logits array. */
    private NDArray run(NDManager sm, TokenBatch batch) {
        Shape shape = new Shape(batch.batch(), batch.length());
        NDList in = new NDList();
        for (LmInputs.Role role : inputs().roles()) {
            in.add(switch (role) {
                case INPUT_IDS -> sm.create(batch.ids(), shape);
                case ATTENTION_MASK -> sm.create(batch.attentionMask(), shape);
                case POSITION_IDS -> sm.create(batch.positionIds(), shape);
                case TOKEN_TYPE_IDS -> sm.zeros(shape, DataType.INT64);
                default -> throw new IllegalStateException("no TorchScript feed for " + role);
            });
        }
        NDList out;
        try {
            out = model.getBlock().forward(new ParameterStore(sm, false), in, false);
        } catch (RuntimeException e) {
            throw new ModelContractException(file().toString(), "a successful forward on int64 input [" + batch.batch() + ", "
                    + batch.length() + "] (" + inputs().signature().describe() + ")", "an error: " + e.getMessage());
        }
        for (NDArray a : out) a.attach(sm);
        if (out.isEmpty()) throw new ModelContractException(file().toString(), "logits [B, T, V] as first output", "no output");
        NDArray named = out.get("logits");
        return named != null ? named : out.get(0);
    }

    @Override
    protected Logits forward(TokenBatch batch) {
        try (NDManager sm = model.getNDManager().newSubManager()) {
            NDArray logits = run(sm, batch);
            long[] shape = logits.getShape().getShape();
            if (logits.getDataType() != DataType.FLOAT32) {
                return new Logits(null, shape, logits.getDataType().toString().toLowerCase(Locale.ROOT));
            }
            return new Logits(logits.toFloatArray(), shape, "float32");
        }
    }

    @Override
    protected synchronized float[] targetLogProbs(long[] ids, int[] lengths, int batch, int length) {
        TokenBatch b = scoringBatch(ids, lengths, batch, length);
        try (NDManager sm = model.getNDManager().newSubManager()) {
            NDArray x = sm.create(ids, new Shape(batch, length));
            return TargetLogProbs.compute(run(sm, b), x); // b has length - 1 positions: the longest window fills it
        }
    }

    @Override
    protected void closeRuntime() {
        model.close();
    }
}
