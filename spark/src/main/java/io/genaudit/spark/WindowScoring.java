package io.genaudit.spark;

import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.metrics.perplexity.DocumentScoring;
import io.genaudit.metrics.perplexity.RollingLogLikelihood;
import io.genaudit.metrics.perplexity.SlidingWindowPlan;
import io.genaudit.metrics.perplexity.TextCounts;
import io.genaudit.values.DocumentScore;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * Per-document language-model scores of a text table, computed on executors so that they equal the single-machine
 * scorer's to the last bit: the single machine cuts the corpus's windows (documents in order, each document's windows
 * in order) into runs of {@code batch} windows per model call, and a model's numbers can depend on what else is in the
 * call (PyTorch kernels change with the padded shape). So executors (1) tokenize their documents and cut their windows
 * with the plan's options ({@link DocumentScoring}: prefix token, window plan), (2) number every window in corpus order,
 * (3) group the windows by their single-machine run ({@code window / batch}), score each run in one call with a pooled
 * model ({@link RollingLogLikelihood#scoreBatch}), and (4) add each document's window NLLs in window order.
 */
final class WindowScoring {
    private WindowScoring() {
    }

    /** A tokenized document: its corpus position, name, text counts, ids and windows ({begin, end, firstTarget} each). */
    record TokenizedDocument(long index, String id, long bytes, long words, int[] ids, int[][] windows) implements Serializable {
    }

    /** One window to score: its document, its corpus position among all windows, its shape and ids. */
    record WindowJob(long doc, long window, int begin, int end, int firstTarget, int[] ids) implements Serializable {
        SlidingWindowPlan.Window shape() {
            return new SlidingWindowPlan.Window(begin, end, firstTarget);
        }
    }

    /** One scored window: its corpus position, summed NLL and scored targets. */
    record WindowScore(long window, double nll, long targets) implements Serializable {
    }

    /** Every document of {@code blocks} scored ({@code offsets}: corpus position of each partition's first document). */
    static JavaRDD<DocumentScore> scores(JavaRDD<TextBlock> blocks, long[] offsets, LmSource model, ParamsCarrier options, int partitions) {
        JavaRDD<TokenizedDocument> docs = blocks.mapPartitionsWithIndex((Integer part, Iterator<TextBlock> it) -> withScorer(model, options, scorer -> {
            List<TokenizedDocument> out = new ArrayList<>();
            long next = offsets[part];
            while (it.hasNext()) {
                TextBlock b = it.next();
                for (int i = 0; i < b.docIds().size(); i++) {
                    String text = b.texts().get(i);
                    int[] ids = scorer.ids(text);
                    List<SlidingWindowPlan.Window> ws = scorer.windows(ids.length);
                    int[][] shapes = new int[ws.size()][];
                    for (int k = 0; k < shapes.length; k++) shapes[k] = new int[]{ws.get(k).begin(), ws.get(k).end(), ws.get(k).firstTarget()};
                    out.add(new TokenizedDocument(next++, b.docIds().get(i), TextCounts.bytes(text), TextCounts.words(text), ids, shapes));
                }
            }
            return out.iterator();
        }), true);
        docs.persist(StorageLevel.MEMORY_AND_DISK());
        List<Long> perPartition = docs.mapPartitions((Iterator<TokenizedDocument> it) -> {
            long n = 0;
            while (it.hasNext()) n += it.next().windows().length;
            return List.of(n).iterator();
        }).collect();
        long[] windowOffsets = new long[perPartition.size()];
        for (int i = 1; i < windowOffsets.length; i++) windowOffsets[i] = windowOffsets[i - 1] + perPartition.get(i - 1);
        int batch = withScorer(model, options, RollingLogLikelihood::batch);

        JavaPairRDD<Long, WindowJob> jobs = docs.mapPartitionsWithIndex((Integer part, Iterator<TokenizedDocument> it) -> {
            List<Tuple2<Long, WindowJob>> out = new ArrayList<>();
            long w = windowOffsets[part];
            while (it.hasNext()) {
                TokenizedDocument d = it.next();
                for (int[] s : d.windows()) {
                    SlidingWindowPlan.Window shape = new SlidingWindowPlan.Window(s[0], s[1], s[2]);
                    out.add(new Tuple2<>(w / batch, new WindowJob(d.index(), w, s[0], s[1], s[2], RollingLogLikelihood.windowIds(d.ids(), shape))));
                    w++;
                }
            }
            return out.iterator();
        }, true).mapToPair(t -> t);
        JavaPairRDD<Long, WindowScore> scored = jobs.groupByKey(partitions).mapPartitionsToPair(runs -> withScorer(model, options, scorer -> {
            List<Tuple2<Long, WindowScore>> out = new ArrayList<>();
            while (runs.hasNext()) {
                List<WindowJob> run = new ArrayList<>();
                runs.next()._2().forEach(run::add);
                run.sort(Comparator.comparingLong(WindowJob::window));
                double[] nll = scorer.scoreBatch(run.stream().map(WindowJob::ids).toList(), run.stream().map(WindowJob::shape).toList());
                for (int i = 0; i < nll.length; i++) {
                    WindowJob j = run.get(i);
                    out.add(new Tuple2<>(j.doc(), new WindowScore(j.window(), nll[i], j.shape().targets())));
                }
            }
            return out.iterator();
        }));
        JavaPairRDD<Long, TokenizedDocument> byIndex = docs.mapToPair(d -> new Tuple2<>(d.index(), d));
        return byIndex.leftOuterJoin(scored.groupByKey(partitions)).map(t -> {
            TokenizedDocument d = t._2()._1();
            List<WindowScore> ws = new ArrayList<>();
            if (t._2()._2().isPresent()) t._2()._2().get().forEach(ws::add);
            ws.sort(Comparator.comparingLong(WindowScore::window));
            double nll = 0;
            long tokens = 0;
            for (WindowScore s : ws) {
                nll += s.nll();
                tokens += s.targets();
            }
            return new DocumentScore(d.index(), d.id(), nll, tokens, d.bytes(), d.words());
        });
    }

    /** Runs {@code work} with the scorer of a model borrowed from this JVM's pool, and gives the model back. */
    private static <T> T withScorer(LmSource model, ParamsCarrier options, Function<RollingLogLikelihood, T> work) {
        LanguageModel lm = LanguageModelPool.borrow(model);
        try {
            return work.apply(DocumentScoring.resolve((DocumentScoring.Options) options.params(), lm).scorer());
        } finally {
            LanguageModelPool.release(model, lm);
        }
    }
}
