import io.genaudit.engine.Progress;
import io.genaudit.engine.lm.ByteTokenizer;
import io.genaudit.engine.lm.TorchScriptLanguageModel;
import io.genaudit.metrics.diversity.NgramIndex;
import io.genaudit.metrics.diversity.SelfBleu;
import io.genaudit.metrics.diversity.TextTokens;
import io.genaudit.metrics.contract.MetricRun;
import io.genaudit.metrics.perplexity.PerplexityMetric;
import io.genaudit.metrics.perplexity.RollingLogLikelihood;
import io.genaudit.metrics.perplexity.SlidingWindowPlan;
import io.genaudit.metrics.perplexity.TextDocuments;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Java side of the lm-metrics benchmarks (run by run.sh with the genaudit class path):
 * {@code ppl MODEL.pt CORPUS_DIR MAX_LENGTH STRIDE BATCH} times perplexity scoring through DJL after a warm-up;
 * {@code bleu GENERATIONS.txt K} times self-BLEU-4 (index + all hypotheses; a warm-up run first) and prints the
 * first K per-text values for checking against NLTK.
 */
public class LmMetricsBench {
    public static void main(String[] args) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        if (args[0].equals("ppl")) {
            int len = Integer.parseInt(args[3]), stride = Integer.parseInt(args[4]), batch = Integer.parseInt(args[5]);
            List<String> docs = TextDocuments.read(Path.of(args[2]));
            try (var lm = new TorchScriptLanguageModel(Path.of(args[1]), ByteTokenizer.INSTANCE, 256)) {
                SlidingWindowPlan plan = new SlidingWindowPlan(len, stride);
                RollingLogLikelihood scorer = new RollingLogLikelihood(lm, plan, batch);
                scorer.score(docs.subList(0, 2), Progress.SILENT);
                long t0 = System.nanoTime();
                PerplexityMetric.Result r = MetricRun.once(new PerplexityMetric(), new PerplexityMetric.Params(0, 0.95, 0),
                        scorer.score(docs, Progress.SILENT));
                double sec = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "{\"engine\": \"djl pytorch\", \"tokens\": %d, \"seconds\": %.4f, \"tokens_per_s\": %.1f, \"perplexity\": %.10f}%n",
                        r.tokens(), sec, r.tokens() / sec, r.value());
            }
        } else {
            List<List<String>> toks = TextTokens.WHITESPACE.tokens(Files.readAllLines(Path.of(args[1])).stream().filter(s -> !s.isBlank()).toList());
            int k = Integer.parseInt(args[2]);
            new SelfBleu(new NgramIndex(toks, 4)).mean(4); // warm-up
            long t0 = System.nanoTime();
            SelfBleu sb = new SelfBleu(new NgramIndex(toks, 4));
            double[] per = sb.perText(4);
            double sec = (System.nanoTime() - t0) / 1e9;
            double mean = 0;
            for (double v : per) mean += v;
            StringBuilder first = new StringBuilder();
            for (int i = 0; i < k; i++) first.append(i == 0 ? "" : ", ").append(per[i]);
            System.out.printf(Locale.ROOT, "{\"texts\": %d, \"seconds\": %.4f, \"self_bleu_4\": %.12f, \"bleu4_first\": [%s]}%n",
                    toks.size(), sec, mean / per.length, first);
        }
    }
}
