import io.genaudit.engine.Progress;
import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.engine.lm.SamplingSettings;
import io.genaudit.engine.lm.transformer.TextCorpus;
import io.genaudit.engine.lm.transformer.TrainingRecord;
import io.genaudit.engine.train.TrainingRun;
import io.genaudit.engine.train.TrainingSettings;
import io.genaudit.engine.lm.transformer.TransformerConfig;
import io.genaudit.engine.lm.transformer.TransformerLanguageModel;
import io.genaudit.engine.lm.transformer.TransformerTrainer;
import io.genaudit.datasets.BuiltInDatasets;
import io.genaudit.datasets.text.MarkovSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * LM benchmark (bench/lm/run.sh): for each size, trains with the default settings on the markov-train fixture
 * (seed 0), reports training time and ms per optimizer step, held-out perplexity on markov-heldout against the
 * analytic exp(entropy rate) and the true source's perplexity on the same documents, scoring throughput and
 * generation throughput (greedy and sampled, batch 1).
 */
public class LmBench {
    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("genaudit-lmbench");
        Path train = BuiltInDatasets.materialize("markov-train", 0, work.resolve("fixtures"));
        Path heldout = BuiltInDatasets.materialize("markov-heldout", 0, work.resolve("fixtures"));
        MarkovSource src = MarkovSource.standard();
        List<String> docs = new ArrayList<>();
        try (Stream<Path> s = Files.list(heldout)) {
            for (Path p : s.sorted().toList()) docs.add(Files.readString(p, StandardCharsets.US_ASCII));
        }
        double trueNll = 0;
        long scored = 0;
        for (String d : docs) {
            byte[] b = d.getBytes(StandardCharsets.US_ASCII);
            for (int i = 1; i < b.length; i++) {
                trueNll -= src.logProb(java.util.Arrays.copyOfRange(b, Math.max(0, i - 2), i), b[i]);
                scored++;
            }
        }
        System.out.printf("threads: %s; markov source: H = %.4f nats/byte, exp(H) = %.3f; true source on held-out (%d docs, %d tokens): ppl %.3f%n",
                System.getProperty("ai.djl.pytorch.num_threads", "default"), src.entropyRateNats(), src.perplexityLowerBound(),
                docs.size(), scored, Math.exp(trueNll / scored));
        String[] sizes = args.length > 0 ? args : new String[]{"tiny", "small"};
        for (String size : sizes) {
            TransformerConfig c = TransformerConfig.forSize(size);
            TrainingSettings ts = TransformerTrainer.defaultSettings(size, 0);
            Path dir = work.resolve("model-" + size);
            TrainingRecord rec = new TransformerTrainer(c, ts).train(TextCorpus.read(train), new TrainingRun(dir, false, Progress.SILENT));
            try (LanguageModel lm = TransformerLanguageModel.load(dir)) {
                int ctx = lm.contextLength();
                List<int[]> windows = new ArrayList<>();
                for (String d : docs) {
                    int[] ids = lm.tokenizer().encode(d);
                    // chunks overlapping by one token: every token but a document's first is scored exactly once
                    for (int start = 0; start < ids.length - 1; start += ctx - 1) {
                        windows.add(java.util.Arrays.copyOfRange(ids, start, Math.min(ids.length, start + ctx)));
                    }
                }
                long t0 = System.nanoTime();
                List<float[]> lps = lm.nextTokenLogProbs(windows);
                double scoreS = (System.nanoTime() - t0) / 1e9;
                double nll = 0;
                long n = 0;
                for (float[] lp : lps) for (float v : lp) { nll -= v; n++; }
                int[] prompt = lm.tokenizer().encode("the ");
                lm.generate(prompt, SamplingSettings.greedy(32), 0); // warm-up
                t0 = System.nanoTime();
                int[] g = lm.generate(prompt, SamplingSettings.greedy(256), 0);
                double greedyTps = g.length / ((System.nanoTime() - t0) / 1e9);
                t0 = System.nanoTime();
                int[] s = lm.generate(prompt, new SamplingSettings(256, 0.8, 20, 0.95, List.of()), 1);
                double sampleTps = s.length / ((System.nanoTime() - t0) / 1e9);
                System.out.printf("%-5s params %7d | train: %d epochs, batch %d x %d, %d steps in %.1f s (%.1f ms/step), final epoch loss %.4f (ppl %.3f)%n",
                        size, rec.parameterCount(), ts.epochs(), ts.batchSize(), ctx, rec.steps(), rec.trainingSeconds(),
                        1000 * rec.trainingSeconds() / rec.steps(), rec.finalLoss(), Math.exp(rec.finalLoss()));
                System.out.printf("      held-out: %d tokens, ppl %.3f = %.1f%% above exp(H) %.3f | scoring %.0f tokens/s | generation greedy %.0f tokens/s, sampled %.0f tokens/s (batch 1, context %d)%n",
                        n, Math.exp(nll / n), 100 * (Math.exp(nll / n) / src.perplexityLowerBound() - 1), src.perplexityLowerBound(),
                        n / scoreS, greedyTps, sampleTps, ctx);
            }
        }
    }
}
