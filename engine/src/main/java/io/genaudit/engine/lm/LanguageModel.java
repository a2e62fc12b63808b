package io.genaudit.engine.lm;

import java.util.List;

/**
 * A causal language model that scores and generates token sequences. Built-in Transformers and TorchScript/ONNX files
 * all answer through this interface, so perplexity, diversity and the bias probes never care where a model came from.
 */
public interface LanguageModel extends AutoCloseable {
    /** The longest sequence the model accepts in one forward pass. */
    int contextLength();

    int vocabSize();

    Tokenizer tokenizer();

    /**
     * Natural-log probabilities of each next token inside each window: for a window {@code w} of length L the result
     * has L-1 entries, entry t-1 = log p(w[t] | w[0..t-1]). Windows may differ in length (each at most
     * {@link #contextLength()} + 1: the last token is only a target, so the model sees at most the context length);
     * implementations batch them as they see fit.
     */
    List<float[]> nextTokenLogProbs(List<int[]> windows);

    /** Generates a continuation of {@code prompt} (token ids), returning only the new tokens. Same settings, same seed, same output. */
    int[] generate(int[] prompt, SamplingSettings settings, long seed);

    /** A short description for provenance (architecture, size, file). */
    String describe();

    @Override
    void close();
}
