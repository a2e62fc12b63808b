import io.genaudit.engine.Progress;
import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.metrics.contract.MetricRun;
import io.genaudit.metrics.perplexity.DocumentScoring;
import io.genaudit.metrics.perplexity.PerplexityMetric;
import io.genaudit.metrics.perplexity.TextDocument;
import io.genaudit.spark.LanguageModelPool;
import io.genaudit.spark.LmSource;
import io.genaudit.spark.ParquetTexts;
import io.genaudit.spark.ResultAgreement;
import io.genaudit.spark.SparkMetricRun;
import io.genaudit.spark.SparkPerplexityAudit;
import io.genaudit.spark.TextBlock;
import io.genaudit.values.DocumentScore;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Perplexity of a language model on N generated documents: single JVM (the engine's scorer over the whole corpus in
 * memory, then PerplexityMetric) vs Spark local[1] / local[2] reading the same documents from Parquet, scoring them
 * on executors with a pooled model per task slot and merging the per-document states (end to end). Prints times,
 * ratios to the single JVM, the per-document overhead (t - t_single) / N, the machine load, and the relative
 * difference of the perplexity and bits per byte against the single JVM. Args: N DIR MODEL(onnx, bytes tokenizer) CONTEXT.
 */
public class SparkPerplexityBench {
    public static void main(String[] a) throws Exception {
        int n = Integer.parseInt(a[0]);
        Path dir = Path.of(a[1]);
        Path modelFile = Path.of(a[2]);
        int context = Integer.parseInt(a[3]);
        DocumentScoring.Options options = new DocumentScoring.Options("rolling", null, null, null, null, 16);
        List<TextDocument> docs = corpus(n);
        long bytes = docs.stream().mapToLong(d -> d.text().length()).sum();
        String uri = dir.resolve("texts-" + n + ".parquet").toString();
        PerplexityMetric metric = new PerplexityMetric();
        PerplexityMetric.Params p = metric.parameters().bind(Map.of("bootstrap", 0), 0L);
        System.out.printf("corpus: %d documents, %d bytes; model %s (context %d), rolling windows, batch 16; load %s%n",
                n, bytes, a[2], context, load());

        // single JVM: best of 2 (the first run also pays JIT and loading ONNX Runtime)
        PerplexityMetric.Result single = null;
        double singleS = Double.MAX_VALUE;
        try (LanguageModel lm = LmSource.open("bench-lm", "onnx-lm", modelFile, null, context)) {
            DocumentScoring scoring = DocumentScoring.resolve(options, lm);
            for (int rep = 0; rep < 2; rep++) {
                long t = System.nanoTime();
                single = MetricRun.once(metric, p, scoring.score(docs, Progress.SILENT));
                singleS = Math.min(singleS, (System.nanoTime() - t) / 1e9);
            }
        }
        System.out.printf("single JVM (in memory, best of 2): perplexity %.12f, %d tokens, in %.2f s (%.1f µs/document); load %s%n",
                single.value(), single.tokens(), singleS, singleS / n * 1e6, load());

        for (String master : new String[]{"local[1]", "local[2]"}) {
            SparkSession spark = SparkSession.builder().master(master).appName("bench").config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1").getOrCreate();
            if (!Files.exists(Path.of(uri))) write(spark, docs, uri);
            LmSource model = LmSource.exported(spark.sparkContext(), "bench-lm", "onnx-lm", modelFile, null, context); // shipped as a plan's model is
            int partitions = 2 * spark.sparkContext().defaultParallelism();
            for (int rep = 0; rep < 2; rep++) {
                long t = System.nanoTime();
                JavaRDD<TextBlock> blocks = new ParquetTexts(uri, 512).blocks(spark, partitions);
                long[] offsets = SparkPerplexityAudit.offsets(blocks);
                JavaRDD<DocumentScore> scores = SparkPerplexityAudit.scores(blocks, offsets, model, options);
                PerplexityMetric.Result r = SparkMetricRun.once(metric, p, scores);
                double s = (System.nanoTime() - t) / 1e9;
                System.out.printf("%s from Parquet (%d partitions, %s): perplexity %.12f in %.2f s = %.2fx single (%+.1f µs/document); "
                                + "relative difference: perplexity %.1e, bits/byte %.1e, tokens %s; models opened in this JVM %d; load %s%n",
                        master, partitions, rep == 0 ? "first run, models loaded" : "second run, pooled models", r.value(), s, s / singleS,
                        (s - singleS) / n * 1e6, ResultAgreement.relativeDifference(single.value(), r.value()),
                        ResultAgreement.relativeDifference(single.bitsPerByte(), r.bitsPerByte()),
                        r.tokens() == single.tokens() ? "equal" : r.tokens() + " vs " + single.tokens(), LanguageModelPool.opened(model), load());
            }
            spark.stop();
            LanguageModelPool.closeIdle();
        }
    }

    /** N documents of 10-120 words drawn from a 2,000-word Zipf-like vocabulary (seeded). */
    static List<TextDocument> corpus(int n) {
        SplittableRandom r = new SplittableRandom(42);
        String[] vocab = new String[2000];
        for (int i = 0; i < vocab.length; i++) {
            StringBuilder w = new StringBuilder();
            int len = 2 + r.nextInt(7);
            for (int k = 0; k < len; k++) w.append((char) ('a' + r.nextInt(26)));
            vocab[i] = w.toString();
        }
        List<TextDocument> out = new ArrayList<>(n);
        for (int d = 0; d < n; d++) {
            int words = 10 + r.nextInt(111);
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < words; k++) {
                int idx = (int) Math.min(vocab.length - 1, Math.floor(Math.pow(r.nextDouble(), 3) * vocab.length));
                sb.append(k == 0 ? "" : " ").append(vocab[idx]);
            }
            out.add(new TextDocument(String.format("doc-%07d", d), sb.toString()));
        }
        return out;
    }

    static void write(SparkSession spark, List<TextDocument> docs, String uri) {
        List<Row> rows = new ArrayList<>(docs.size());
        for (TextDocument d : docs) rows.add(RowFactory.create(d.id(), d.text()));
        StructType schema = new StructType().add("doc_id", DataTypes.StringType).add("text", DataTypes.StringType);
        spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, 8), schema).write().parquet(uri);
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split(" ", 4)[0];
        } catch (Exception e) {
            return "?";
        }
    }
}
