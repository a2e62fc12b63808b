package io.genaudit.engine.lm;

import io.genaudit.engine.InputException;
import io.genaudit.engine.ModelContractException;
import io.genaudit.engine.lm.signature.ModelSignature;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A causal LM exported from another framework (Hugging Face {@code transformers}/Optimum or plain PyTorch) and run
 * from its file. The inputs are fed by their declared names ({@link LmInputs}): token ids, attention mask, position
 * ids, token type ids, an empty past; the logits are the output named {@code logits}, else the first, and must be
 * float32 [B, T, V]. At load a probe batch checks rank, shape, vocabulary and dtype, so a wrong file fails with a
 * {@link ModelContractException} before any audit runs. Scoring batches are right-padded, which leaves a causal
 * model's logits unchanged whatever it takes; {@link #logits(TokenBatch)} also takes left-padded batches for models
 * that declare {@code position_ids}.
 */
public abstract class ExportedLanguageModel extends AbstractLanguageModel {
    private final Path file;
    private final Tokenizer tokenizer;
    private final int contextLength;
    private final String format;
    private LmInputs inputs;
    private int vocabSize;

    /** Logits as a model returned them: values (null unless float32), shape and element type. */
    protected record Logits(float[] values, long[] shape, String dtype) {
        /** Public so that subclasses in other packages (the ONNX model in lm.onnx) can create them. */
        public Logits {
        }
    }

    protected ExportedLanguageModel(Path file, String format, Tokenizer tokenizer, int contextLength) {
        if (!Files.isRegularFile(file)) throw new InputException(file, format + " model file expected, not found");
        if (contextLength < 2) throw new InputException(file, "a context length >= 2 expected, got " + contextLength);
        this.file = file;
        this.tokenizer = tokenizer;
        this.contextLength = contextLength;
        this.format = format;
    }

    /** Called by subclasses once the runtime is open: plans the inputs and checks the logits contract. */
    protected final void ready(ModelSignature signature) {
        this.inputs = LmInputs.plan(file.toString(), signature);
        this.vocabSize = checkContract();
    }

    /** How the declared inputs are fed. */
    public LmInputs inputs() {
        return inputs;
    }

    /** Runs the model on {@code batch}; a failure of the runtime is a {@link ModelContractException} with its text. */
    protected abstract Logits forward(TokenBatch batch);

    /** Runs probe batches of two lengths and returns the vocabulary size V the logits declare. */
    private int checkContract() {
        int tv = tokenizer.vocabSize();
        int longLen = Math.min(contextLength, 8);
        int shortLen = Math.min(3, longLen - 1);
        long v = -1;
        for (int len : new int[]{longLen, shortLen}) {
            long[] ids = new long[2 * len];
            for (int i = 0; i < ids.length; i++) ids[i] = (i * 7 + 1) % Math.min(tv, 128);
            Logits out = forward(TokenBatch.full(ids, 2, len));
            long[] s = out.shape();
            String shape = Arrays.toString(s).replace('[', '(').replace(']', ')');
            if (s.length != 3) {
                throw new ModelContractException(file.toString(), "logits of rank 3 [B, T, V] for input [2, " + len + "]", "rank " + s.length + " " + shape);
            }
            if (s[0] != 2 || s[1] != len) {
                throw new ModelContractException(file.toString(), "logits [2, " + len + ", V] for input [2, " + len + "]", "shape " + shape);
            }
            if (s[2] < tv) {
                throw new ModelContractException(file.toString(), "V >= " + tv + " (the vocabulary of tokenizer " + tokenizer.name() + ")",
                        "V = " + s[2] + " in shape " + shape);
            }
            if (out.values() == null) throw new ModelContractException(file.toString(), "float32 logits", out.dtype() + " logits");
            if (v >= 0 && v != s[2]) {
                throw new ModelContractException(file.toString(), "the same V for every input length", "V = " + v + " and " + s[2]);
            }
            v = s[2];
        }
        return Math.toIntExact(v);
    }

    /** Logits [batch][length][V] of a padded batch (left padding needs a model that declares position_ids). */
    public synchronized float[] logits(TokenBatch batch) {
        boolean leftPadded = Arrays.stream(batch.offsets()).anyMatch(o -> o > 0);
        if (leftPadded && !inputs.takesPositionIds()) {
            throw new IllegalArgumentException(file + " takes no position_ids: left padding would shift its positions; pad on the right");
        }
        return forward(batch).values();
    }

    @Override
    protected synchronized float[] logits(long[] ids, int batch, int length) {
        return forward(TokenBatch.full(ids, batch, length)).values();
    }

    /** Scoring batch: the windows without their last token (it is only a target), right-padded with a mask. */
    protected final TokenBatch scoringBatch(long[] ids, int[] lengths, int batch, int length) {
        java.util.List<int[]> rows = new java.util.ArrayList<>(batch);
        for (int r = 0; r < batch; r++) {
            int n = Math.max(1, lengths[r] - 1);
            int[] row = new int[n];
            for (int t = 0; t < n; t++) row[t] = (int) ids[r * length + t];
            rows.add(row);
        }
        return TokenBatch.of(rows, TokenBatch.Padding.RIGHT, 0);
    }

    @Override
    protected synchronized float[] targetLogProbs(long[] ids, int[] lengths, int batch, int length) {
        TokenBatch b = scoringBatch(ids, lengths, batch, length);
        float[] logits = forward(b).values();
        int v = vocabSize, fed = b.length();
        float[] lp = new float[batch * (length - 1)];
        for (int r = 0; r < batch; r++) {
            for (int t = 1; t < lengths[r]; t++) {
                int off = (r * fed + t - 1) * v;
                lp[r * (length - 1) + t - 1] = (float) (logits[off + (int) ids[r * length + t]] - logSumExp(logits, off, v));
            }
        }
        return lp;
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

    /** Frees the runtime's resources. */
    protected abstract void closeRuntime();

    @Override
    public void close() {
        closeRuntime();
        if (tokenizer instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing a tokenizer only frees native memory
            }
        }
    }
}
