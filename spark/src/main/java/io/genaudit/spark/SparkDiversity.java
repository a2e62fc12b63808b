package io.genaudit.spark;

import io.genaudit.metrics.diversity.DiversityFigures;
import io.genaudit.metrics.diversity.DiversityMetric;
import io.genaudit.metrics.diversity.DiversityMetrics;
import io.genaudit.metrics.diversity.DiversityResult;
import io.genaudit.metrics.diversity.NgramIndex;
import io.genaudit.metrics.diversity.NgramStatistics;
import io.genaudit.metrics.diversity.SelfBleu;
import io.genaudit.metrics.diversity.TextSample;
import io.genaudit.metrics.diversity.TextTokens;
import io.genaudit.metrics.diversity.VendiScore;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The {@code diversity} metric of a set of generations on Spark without gathering the texts: n-gram counts per text
 * are keyed by n-gram and merged with {@code reduceByKey} into {@link NgramSummary}s (total, top-two per-text
 * counts); distinct-n and entropy come from the totals, self-BLEU from each text's clipped matches (a join of its
 * n-grams with their summaries, summed per text with {@code reduceByKey}) and the reference-length multiset, with the
 * single-machine formulas ({@link NgramStatistics}, {@link SelfBleu#fromClipped}). The driver receives the counts
 * of the n-gram totals (one long per distinct n-gram, no keys), per text its length and four clipped sums, and the
 * Vendi subsample's texts (at most {@code vendiMaxItems}). Every sum is over whole numbers or in the single-machine
 * order, so the figures equal {@link DiversityMetric}'s. Intervals (bootstrap &gt; 0) resample whole texts and are not
 * computed here: callers run the contract state instead ({@link SparkMetricRun}, texts gathered).
 */
public final class SparkDiversity {
    private SparkDiversity() {
    }

    /** The diversity result of {@code texts} (generations, indices 0..N-1 each once); requires {@code bootstrap = 0}. */
    public static DiversityMetric.Result generations(DiversityMetric.Params p, JavaRDD<TextSample> texts) {
        if (p.bootstrap() != 0) throw new IllegalArgumentException("distributed diversity computes no intervals; bootstrap must be 0, got " + p.bootstrap());
        TextTokens tokenizer = p.tokenizer();
        JavaPairRDD<Long, List<String>> tokens = texts.mapToPair(t -> {
            if (t.set() != TextSample.Set.GENERATED) throw new IllegalArgumentException("text " + t.index() + " is not a generation");
            return new Tuple2<>(t.index(), new ArrayList<>(tokenizer.tokens(t.text())));
        });
        tokens.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            return result(p, texts, tokens);
        } finally {
            tokens.unpersist(false);
        }
    }

    private static DiversityMetric.Result result(DiversityMetric.Params p, JavaRDD<TextSample> texts, JavaPairRDD<Long, List<String>> tokens) {
        TreeMap<Long, Integer> lengths = new TreeMap<>(tokens.mapValues(List::size).collectAsMap());
        int n = lengths.size();
        if (n < 2) throw new IllegalArgumentException("diversity needs at least two generations, got " + n);
        long[] index = lengths.keySet().stream().mapToLong(Long::longValue).toArray();
        int[] lens = lengths.values().stream().mapToInt(Integer::intValue).toArray();

        JavaPairRDD<NgramKey, Tuple2<Long, Integer>> perText = tokens.flatMapToPair(t -> ngrams(t._1(), t._2()).iterator());
        perText.persist(StorageLevel.MEMORY_AND_DISK());
        JavaPairRDD<NgramKey, NgramSummary> summaries = perText.mapValues(c -> NgramSummary.ofText(c._2())).reduceByKey(NgramSummary::merge);
        summaries.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            int maxN = DiversityMetrics.MAX_N;
            double[] distinct = new double[maxN];
            long[] ngrams = new long[maxN];
            double[] entropy = new double[maxN];
            Map<Integer, Map<Long, Long>> histograms = countHistograms(summaries);
            for (int k = 1; k <= maxN; k++) {
                long[] totals = expand(histograms.getOrDefault(k, Map.of()));
                distinct[k - 1] = NgramStatistics.distinct(totals);
                ngrams[k - 1] = java.util.Arrays.stream(totals).sum();
                entropy[k - 1] = NgramStatistics.entropyNats(totals);
            }
            double[] selfBleu = selfBleu(perText.join(summaries), index, lens, maxN);
            int[] nonEmpty = IntStream.range(0, n).filter(i -> lens[i] > 0).toArray();
            int[] subset = DiversityMetrics.subsample(nonEmpty, p.vendiMaxItems(), p.seed());
            double vendi = subset.length == 0 ? Double.NaN : vendi(texts, p.tokenizer(), index, subset);
            DiversityResult r = new DiversityResult(n, ngrams[0], distinct, ngrams, entropy, selfBleu, vendi, subset.length, Map.of());
            List<TextSample> first = texts(texts, index, IntStream.range(0, Math.min(n, 5)).toArray());
            return DiversityMetric.result(p, DiversityFigures.of(r), null, 0, first);
        } finally {
            summaries.unpersist(false);
            perText.unpersist(false);
        }
    }

    /** Every n-gram of orders 1..4 of one text with its count there. */
    private static List<Tuple2<NgramKey, Tuple2<Long, Integer>>> ngrams(long text, List<String> tokens) {
        List<Tuple2<NgramKey, Tuple2<Long, Integer>>> out = new ArrayList<>();
        for (int k = 1; k <= DiversityMetrics.MAX_N; k++) {
            Map<List<String>, Integer> counts = new HashMap<>();
            for (int s = 0; s + k <= tokens.size(); s++) counts.merge(new ArrayList<>(tokens.subList(s, s + k)), 1, Integer::sum);
            for (Map.Entry<List<String>, Integer> e : counts.entrySet()) {
                out.add(new Tuple2<>(new NgramKey(k, e.getKey()), new Tuple2<>(text, e.getValue())));
            }
        }
        return out;
    }

    /** Per order, how many n-grams have each total count (the driver gets counts of counts, not n-grams). */
    private static Map<Integer, Map<Long, Long>> countHistograms(JavaPairRDD<NgramKey, NgramSummary> summaries) {
        List<Tuple2<Tuple2<Integer, Long>, Long>> h = summaries.mapToPair(e -> new Tuple2<>(new Tuple2<>(e._1().n(), e._2().total()), 1L))
                .reduceByKey(Long::sum).collect();
        Map<Integer, Map<Long, Long>> out = new HashMap<>();
        for (Tuple2<Tuple2<Integer, Long>, Long> t : h) out.computeIfAbsent(t._1()._1(), k -> new TreeMap<>()).put(t._1()._2(), t._2());
        return out;
    }

    /** The totals ascending, as {@link io.genaudit.metrics.diversity.NgramCounts#totals} orders them. */
    private static long[] expand(Map<Long, Long> histogram) {
        long size = histogram.values().stream().mapToLong(Long::longValue).sum();
        long[] out = new long[Math.toIntExact(size)];
        int i = 0;
        for (Map.Entry<Long, Long> e : new TreeMap<>(histogram).entrySet()) {
            for (long m = 0; m < e.getValue(); m++) out[i++] = e.getKey();
        }
        return out;
    }

    /** Self-BLEU-2..4: each text's clipped matches summed on executors, BLEU per text and the mean on the driver. */
    private static double[] selfBleu(JavaPairRDD<NgramKey, Tuple2<Tuple2<Long, Integer>, NgramSummary>> joined, long[] index, int[] lens, int maxN) {
        Map<Tuple2<Long, Integer>, Long> clippedSums = joined.mapToPair(e -> {
            int own = e._2()._1()._2();
            return new Tuple2<>(new Tuple2<>(e._2()._1()._1(), e._1().n()), (long) Math.min(own, e._2()._2().maxInOthers(own)));
        }).reduceByKey(Long::sum).collectAsMap();
        SelfBleu.ReferenceLengths refs = new SelfBleu.ReferenceLengths(lens);
        double[][] perText = new double[index.length][];
        for (int i = 0; i < index.length; i++) {
            long[] clipped = new long[maxN];
            for (int k = 1; k <= maxN; k++) clipped[k - 1] = clippedSums.getOrDefault(new Tuple2<>(index[i], k), 0L);
            perText[i] = SelfBleu.fromClipped(clipped, lens[i], refs.closestExcludingOne(lens[i]));
        }
        double[] out = new double[maxN - 1];
        for (int k = 2; k <= maxN; k++) {
            double s = 0;
            for (double[] b : perText) s += b[k - 1];
            out[k - 2] = s / perText.length;
        }
        return out;
    }

    /** The Vendi score of the subsample (positions in index order), from its texts alone. */
    private static double vendi(JavaRDD<TextSample> texts, TextTokens tokenizer, long[] index, int[] subset) {
        List<List<String>> tokens = texts(texts, index, subset).stream().map(t -> tokenizer.tokens(t.text())).toList();
        return VendiScore.ofTexts(new NgramIndex(tokens, DiversityMetrics.MAX_N), DiversityMetrics.MAX_N, null);
    }

    /** The texts at {@code positions} (in index order), gathered on the driver. */
    private static List<TextSample> texts(JavaRDD<TextSample> texts, long[] index, int[] positions) {
        Set<Long> wanted = new HashSet<>();
        for (int i : positions) wanted.add(index[i]);
        TreeMap<Long, TextSample> got = new TreeMap<>();
        for (TextSample t : texts.filter(t -> wanted.contains(t.index())).collect()) got.put(t.index(), t);
        return new ArrayList<>(got.values());
    }
}
