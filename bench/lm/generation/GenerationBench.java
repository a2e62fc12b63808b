import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genaudit.engine.Progress;
import io.genaudit.engine.lm.ByteTokenizer;
import io.genaudit.engine.lm.SamplingSettings;
import io.genaudit.engine.lm.TokenDecoder;
import io.genaudit.engine.lm.TokenGeneration;
import io.genaudit.engine.lm.onnx.OnnxGenerationSession;
import io.genaudit.engine.lm.transformer.TextCorpus;
import io.genaudit.engine.train.TrainingRun;
import io.genaudit.engine.train.TrainingSettings;
import io.genaudit.engine.lm.transformer.TransformerConfig;
import io.genaudit.engine.lm.transformer.TransformerLanguageModel;
import io.genaudit.engine.lm.transformer.TransformerTrainer;
import io.genaudit.datasets.BuiltInDatasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Generation benchmark (bench/lm/generation/run.sh): tokens/s at batch 1 with and without the key/value cache for
 * (1) the built-in small Transformer (context 128; trained 60 steps on markov-train, enough for non-uniform logits),
 * the same architecture with a 512-token context (so 256 new tokens never shift the window), and (2) the GPT-2-architecture ONNX fixture (fixtures/lm-models/gpt2, context 64, vocabulary 50,257) through its
 * with-past export, against its no-past export and against PyTorch on the same weights (torch_generation.py's JSON).
 * Prints medians over repeats of tokens per wall-clock second and per CPU second of the generating thread (both
 * engines run their one intra-op thread on it, so CPU time is what a busy shared machine distorts least), the cached/uncached ratio, the ratio to PyTorch, and whether the token ids agree.
 * Generation outgrows both contexts, so the window shifts (ContextWindow) on every path. EOS is ignored (-1) so every
 * run makes exactly N tokens. "best" is the fastest repeat's tokens per CPU second (the least disturbed by a shared
 * machine). Usage: GenerationBench [torch.json|-] [newTokens=256] [repeats=3]
 */
public class GenerationBench {
    static int repeats;

    /** Median tokens per wall-clock second and per CPU second of this thread (both engines compute on it with 1 thread). */
    record Timing(double tokensPerS, double tokensPerCpuS, double bestCpu, int[] ids) {
        String show() {
            return String.format("%7.1f (%7.1f per CPU s, best %7.1f)", tokensPerS, tokensPerCpuS, bestCpu);
        }
    }

    static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    static Timing time(int n, Supplier<int[]> run) {
        run.get(); // warm-up
        double[] s = new double[repeats], cpu = new double[repeats];
        int[] ids = null;
        for (int r = 0; r < repeats; r++) {
            long c0 = THREADS.getCurrentThreadCpuTime(), t0 = System.nanoTime();
            ids = run.get();
            s[r] = (System.nanoTime() - t0) / 1e9;
            cpu[r] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
            if (ids.length != n) throw new IllegalStateException("made " + ids.length + " tokens, not " + n);
        }
        Arrays.sort(s);
        Arrays.sort(cpu);
        return new Timing(n / s[repeats / 2], n / cpu[repeats / 2], n / cpu[0], ids);
    }

    static int[] run(OnnxGenerationSession s, boolean cached, int[] prompt, int n) {
        try (TokenDecoder d = s.newDecoder(cached)) {
            return TokenGeneration.run(d, ByteTokenizer.INSTANCE, 64, -1, prompt, SamplingSettings.greedy(n), 0);
        }
    }

    public static void main(String[] args) throws Exception {
        String torchJson = args.length > 0 ? args[0] : "-";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        io.genaudit.engine.TorchThreads.pin();
        System.out.printf("batch 1, %d new tokens, greedy and sampled, median of %d runs after a warm-up; PyTorch threads %s, ONNX Runtime threads %s%n",
                n, repeats, System.getProperty("ai.djl.pytorch.num_threads", "1"), Integer.getInteger("genaudit.onnx.threads", 1));

        Path work = Files.createTempDirectory("genaudit-genbench");
        Path train = BuiltInDatasets.materialize("markov-train", 0, work.resolve("fixtures"));
        new TransformerTrainer(TransformerConfig.small(), new TrainingSettings(0, 1, 16, 3e-3, 60))
                .train(TextCorpus.read(train), new TrainingRun(work.resolve("small"), false, Progress.SILENT));
        // the small architecture with a 512-token context (one training step: throughput does not depend on the weights)
        TransformerConfig wide = new TransformerConfig("small-ctx512", 256, 512, 64, 4, 2, 256);
        new TransformerTrainer(wide, new TrainingSettings(0, 1, 4, 3e-3, 1)).train(TextCorpus.read(train), new TrainingRun(work.resolve("wide"), false, Progress.SILENT));
        for (String name : List.of("small", "wide")) {
            try (TransformerLanguageModel lm = TransformerLanguageModel.load(work.resolve(name))) {
                int[] prompt = lm.tokenizer().encode("the ");
                for (SamplingSettings s : List.of(SamplingSettings.greedy(n), new SamplingSettings(n, 0.8, 20, 0.95, List.of()))) {
                    Timing c = time(n, () -> lm.generate(prompt, s, 1, true));
                    Timing u = time(n, () -> lm.generate(prompt, s, 1, false));
                    System.out.printf("built-in %s Transformer (context %d) %-7s tokens/s cached %s | uncached %s%n"
                                    + "    cached/uncached %5.1fx wall, %5.1fx CPU (median), %5.1fx CPU (best) | token-identical: %s%n",
                            lm.record().architecture().size(), lm.contextLength(), s.temperature() == 0 ? "greedy" : "sampled", c.show(), u.show(),
                            c.tokensPerS() / u.tokensPerS(), c.tokensPerCpuS() / u.tokensPerCpuS(), c.bestCpu() / u.bestCpu(), Arrays.equals(c.ids(), u.ids()));
                }
            }
        }

        Path gpt2 = Path.of("fixtures", "lm-models", "gpt2");
        JsonNode ref = new ObjectMapper().readTree(gpt2.resolve("reference.json").toFile());
        int[] prompt = new ObjectMapper().convertValue(ref.at("/greedy/generations/0/prompt_ids"), int[].class);
        try (OnnxGenerationSession past = OnnxGenerationSession.open(gpt2.resolve("decoder_with_past_model.onnx"));
             OnnxGenerationSession noPast = OnnxGenerationSession.open(gpt2.resolve("model.onnx"))) {
            Timing c = time(n, () -> run(past, true, prompt, n));
            Timing u = time(n, () -> run(past, false, prompt, n));
            Timing np = time(n, () -> run(noPast, false, prompt, n));
            System.out.printf("GPT-2 fixture ONNX (context 64, V 50257) greedy tokens/s: with-past cached %s | with-past uncached (empty past) %s | no-past export %s%n"
                            + "    cached/uncached %5.1fx wall, %5.1fx CPU (median), %5.1fx CPU (best); cached/no-past %5.1fx wall, %5.1fx CPU | token-identical: %s%n",
                    c.show(), u.show(), np.show(), c.tokensPerS() / u.tokensPerS(), c.tokensPerCpuS() / u.tokensPerCpuS(), c.bestCpu() / u.bestCpu(),
                    c.tokensPerS() / np.tokensPerS(), c.tokensPerCpuS() / np.tokensPerCpuS(), Arrays.equals(c.ids(), u.ids()) && Arrays.equals(c.ids(), np.ids()));
            if (!torchJson.equals("-")) {
                JsonNode t = new ObjectMapper().readTree(Path.of(torchJson).toFile());
                double tc = t.at("/cached/tokens_per_s").asDouble(), tu = t.at("/uncached/tokens_per_s").asDouble();
                double tcc = t.at("/cached/tokens_per_cpu_s").asDouble(), tuc = t.at("/uncached/tokens_per_cpu_s").asDouble();
                int[] tids = new ObjectMapper().convertValue(t.at("/cached/ids"), int[].class);
                System.out.printf("PyTorch %s on the same weights, tokens/s: cached %7.1f (%7.1f per CPU s), uncached %7.1f (%7.1f per CPU s)%n"
                                + "    genaudit/PyTorch: cached %5.2fx wall, %5.2fx CPU; uncached %5.2fx wall, %5.2fx CPU | token-identical to PyTorch: %s%n",
                        t.get("torch").asText(), tc, tcc, tu, tuc, c.tokensPerS() / tc, c.tokensPerCpuS() / tcc, u.tokensPerS() / tu, u.tokensPerCpuS() / tuc,
                        Arrays.equals(c.ids(), tids));
            }
        }
    }
}
