package io.genaudit.engine.lm.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import io.genaudit.engine.Progress;
import io.genaudit.engine.train.TrainingRun;
import io.genaudit.engine.train.TrainingSettings;
import io.genaudit.engine.lm.SamplingSettings;
import io.genaudit.engine.lm.TokenDecoder;
import io.genaudit.datasets.text.MarkovSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The built-in Transformer's key/value cache: same logits and same tokens as re-running the window. */
class CachedGenerationTest {
    static TransformerLanguageModel lm;
    static int[] prompt;

    @BeforeAll
    static void train(@TempDir Path tmp) throws Exception {
        io.genaudit.engine.TorchThreads.pin();
        Path f = tmp.resolve("markov.txt");
        Files.writeString(f, MarkovSource.standard().sample(12_000, 99), StandardCharsets.US_ASCII);
        new TransformerTrainer(TransformerConfig.tiny(), new TrainingSettings(7, 1, 8, 1e-2, 0))
                .train(TextCorpus.read(f), new TrainingRun(tmp.resolve("model"), false, Progress.SILENT));
        lm = TransformerLanguageModel.load(tmp.resolve("model"));
        prompt = lm.tokenizer().encode("the cat ");
    }

    @AfterAll
    static void close() {
        lm.close();
    }

    @Test
    void cachedLogitsEqualAFullWindowPass() {
        int[] seq = lm.tokenizer().encode("abc the dog and a cat sat on the mat, then the dog ran off");
        try (TokenDecoder d = lm.newCachedDecoder(); NDManager sm = NDManager.newBaseManager()) {
            float[] cached = d.start(Arrays.copyOf(seq, 5));
            for (int n = 5; n <= seq.length; n++) {
                long[] ids = new long[n];
                for (int i = 0; i < n; i++) ids[i] = seq[i];
                float[] full = lm.logits(ids, 1, n);
                float[] last = Arrays.copyOfRange(full, (n - 1) * lm.vocabSize(), n * lm.vocabSize());
                for (int v = 0; v < last.length; v++) assertEquals(last[v], cached[v], 2e-5, "position " + n + " token " + v);
                if (n < seq.length) cached = d.append(seq[n]);
            }
        }
    }

    @Test
    void greedyIsTokenIdenticalWithAndWithoutCachePastTheContext() {
        // tiny context is 64: 150 new tokens shift the window (ContextWindow) several times
        SamplingSettings greedy = SamplingSettings.greedy(150);
        int[] cached = lm.generate(prompt, greedy, 0, true);
        assertEquals(150, cached.length);
        assertArrayEquals(lm.generate(prompt, greedy, 0, false), cached);
        // a prompt longer than the context is cut to its last 64 tokens either way
        int[] longPrompt = lm.tokenizer().encode("the dog and the cat ".repeat(4));
        assertTrue(longPrompt.length > lm.contextLength());
        assertArrayEquals(lm.generate(longPrompt, SamplingSettings.greedy(20), 0, false), lm.generate(longPrompt, SamplingSettings.greedy(20), 0, true));
    }

    @Test
    void samplingIsSeededAndTheSameWithAndWithoutCache() {
        SamplingSettings s = new SamplingSettings(100, 0.9, 10, 0.95, List.of());
        int[] a = lm.generate(prompt, s, 7, true);
        assertArrayEquals(a, lm.generate(prompt, s, 7, true));
        assertArrayEquals(a, lm.generate(prompt, s, 7, false));
        assertFalse(Arrays.equals(a, lm.generate(prompt, s, 8, true)));
        // top-k 1 is greedy, whatever the temperature and seed
        assertArrayEquals(lm.generate(prompt, SamplingSettings.greedy(40), 0), lm.generate(prompt, new SamplingSettings(40, 1.5, 1, 1.0, List.of()), 123));
    }

    @Test
    void cacheRefusesPositionsPastTheContext() {
        CausalTransformer m = CausalTransformer.initialise(TransformerConfig.tiny(), NDManager.newBaseManager(), 1);
        try (m; KvCache cache = m.newCache(); NDManager sm = NDManager.newBaseManager()) {
            m.forward(sm.zeros(new Shape(1, 60), ai.djl.ndarray.types.DataType.INT64), cache);
            m.forward(sm.zeros(new Shape(1, 4), ai.djl.ndarray.types.DataType.INT64), cache);
            assertEquals(64, cache.length());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> m.forward(sm.zeros(new Shape(1, 1), ai.djl.ndarray.types.DataType.INT64), cache));
            assertTrue(e.getMessage().contains("exceeds context 64"), e.getMessage());
        }
    }

    @Test
    void chunkedPrefillEqualsOnePass() {
        // a cache filled in two chunks (masked 3 x 8 attention) gives the same last logits as one pass
        CausalTransformer m = CausalTransformer.initialise(TransformerConfig.tiny(), NDManager.newBaseManager(), 2);
        try (m; KvCache cache = m.newCache(); NDManager sm = NDManager.newBaseManager()) {
            long[] ids = {5, 9, 200, 31, 7, 7, 64, 100};
            NDArray full = m.forward(sm.create(ids, new Shape(1, 8)));
            m.forward(sm.create(Arrays.copyOf(ids, 5), new Shape(1, 5)), cache);
            NDArray tail = m.forward(sm.create(Arrays.copyOfRange(ids, 5, 8), new Shape(1, 3)), cache);
            float[] expected = full.get(new NDIndex("0, 5:, :")).toFloatArray(), got = tail.get(new NDIndex("0")).toFloatArray();
            assertArrayEquals(expected, got, 2e-5f);
        }
    }
}
