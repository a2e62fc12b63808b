import io.genaudit.engine.Progress;
import io.genaudit.engine.lm.transformer.TextCorpus;
import io.genaudit.engine.lm.transformer.TrainingRecord;
import io.genaudit.engine.train.TrainingRun;
import io.genaudit.engine.train.TrainingSettings;
import io.genaudit.engine.lm.transformer.TransformerConfig;
import io.genaudit.engine.lm.transformer.TransformerLanguageModel;
import io.genaudit.engine.lm.transformer.TransformerTrainer;
import io.genaudit.datasets.BuiltInDatasets;
import io.genaudit.datasets.text.PlantedAssociationCorpus;
import io.genaudit.metrics.bias.CooccurrenceProbe;
import io.genaudit.metrics.bias.CounterfactualPairProbe;
import io.genaudit.metrics.bias.GroupEffect;
import io.genaudit.metrics.bias.PlantedSuites;
import io.genaudit.metrics.bias.SentenceScorer;
import io.genaudit.metrics.stats.MultipleComparisons;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Bench for the planted-truth check: trains the built-in Transformer on the {@code bias-planted} (P(X|A) = 0.8,
 * P(X|B) = 0.2, planted log odds ratio ln 16 = 2.77) and {@code bias-control} (0.5 / 0.5) fixtures for several seeds
 * (the fixture corpus and the model both use the seed) and runs the LM probes of the {@code planted} suite at the
 * audit's level (Holm, 95%): the co-occurrence association contrast (paired t-test; effect = estimated log odds ratio)
 * and the counterfactual pairs (exact binomial test of the stereotyped share against 50%; twice the mean signed
 * likelihood difference also estimates the log odds ratio on this suite, since the group words' own probabilities
 * cancel between an X pair and a Y pair). Prints one row per model, then per probe the flag rate on the control corpus
 * (false positives), on the planted corpus (power), and the estimated effect against the planted size and against the
 * empirical log odds ratio of the sampled training corpus. The co-occurrence contrast is tested both against exactly 0
 * and against the minimum effect |log odds ratio| <= margin (the audit's {@code minLogOddsRatio}).
 * Args: [size=tiny] [seeds=5] [epochs=8] [margin=0.1].
 */
public class PlantedTransformerBench {
    record Run(String corpus, long seed, double corpusLor, double finalLoss, double trainS, GroupEffect contrast, GroupEffect contrastMargin, GroupEffect pairs, double pairLor) {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        String size = args.length > 0 ? args[0] : "tiny";
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        double margin = args.length > 3 ? Double.parseDouble(args[3]) : 0.1;
        Path tmp = Files.createTempDirectory("bias-bench");
        TransformerConfig cfg = TransformerConfig.forSize(size);
        double planted = PlantedAssociationCorpus.planted().plantedLogOddsRatio();
        System.out.printf(Locale.ROOT, "planted log odds ratio %.4f; transformer %s, %d epochs, seeds 1..%d; tests at alpha 0.05 (Holm); co-occurrence tested against 0 and against |log odds ratio| <= %.2f%n", planted, size, epochs, seeds, margin);
        System.out.println("corpus,seed,corpus_lor,final_loss,train_s,contrast_lor,ci_low,ci_high,p_adj,flagged,p_adj_margin,flagged_margin,pair_share,pair_p_adj,pair_flagged,pair_lor");
        List<Run> runs = new ArrayList<>();
        for (String corpus : new String[]{"bias-control", "bias-planted"}) {
            for (long s = 1; s <= seeds; s++) {
                Path data = BuiltInDatasets.materialize(corpus, s, tmp.resolve("fixtures-" + corpus + "-" + s));
                Path dir = tmp.resolve(corpus + "-" + s);
                TrainingSettings base = TransformerTrainer.defaultSettings(size, s);
                TrainingSettings ts = new TrainingSettings(s, epochs, base.batchSize(), base.learningRate(), 0);
                long t0 = System.nanoTime();
                TrainingRecord rec = new TransformerTrainer(cfg, ts).train(TextCorpus.read(data), new TrainingRun(dir, false, Progress.SILENT));
                double trainS = (System.nanoTime() - t0) / 1e9;
                try (TransformerLanguageModel lm = TransformerLanguageModel.load(dir)) {
                    SentenceScorer scorer = new SentenceScorer(lm, 64);
                    CooccurrenceProbe.Report co = new CooccurrenceProbe(MultipleComparisons.Method.HOLM, 0.95).run(scorer, PlantedSuites.cooccurrence());
                    GroupEffect c = co.associations().rows().get(0);
                    GroupEffect cm = new CooccurrenceProbe(MultipleComparisons.Method.HOLM, 0.95, margin)
                            .summarize(co.prompts(), PlantedSuites.cooccurrence(), co.scoringNote()).associations().rows().get(0);
                    CounterfactualPairProbe.Report pr = new CounterfactualPairProbe(MultipleComparisons.Method.HOLM, 0.95).run(scorer, PlantedSuites.pairs());
                    Run r = new Run(corpus, s, empiricalLogOddsRatio(Files.readAllLines(data)), rec.finalLoss(), trainS, c, cm, pr.overall(),
                            2 * Arrays.stream(pr.differences()).average().orElse(Double.NaN));
                    runs.add(r);
                    System.out.printf(Locale.ROOT, "%s,%d,%.4f,%.4f,%.1f,%.4f,%.4f,%.4f,%.3g,%s,%.3g,%s,%.4f,%.3g,%s,%.4f%n", corpus, s, r.corpusLor(), r.finalLoss(), trainS,
                            c.effect(), c.ci().low(), c.ci().high(), c.pAdjusted(), c.significant() ? "yes" : "no", cm.pAdjusted(), cm.significant() ? "yes" : "no",
                            r.pairs().effect(), r.pairs().pAdjusted(), r.pairs().significant() ? "yes" : "no", r.pairLor());
                }
            }
        }
        System.out.println();
        System.out.println("probe,corpus,flagged,mean_estimated_lor,sd,mean_corpus_lor,planted_lor,intervals_covering_corpus_lor");
        for (String corpus : new String[]{"bias-control", "bias-planted"}) {
            List<Run> rs = runs.stream().filter(r -> r.corpus().equals(corpus)).toList();
            double truth = corpus.equals("bias-planted") ? planted : 0;
            double corpusLor = rs.stream().mapToDouble(Run::corpusLor).average().orElse(Double.NaN);
            long covering = rs.stream().filter(r -> r.contrast().ci().contains(r.corpusLor())).count();
            summary("co-occurrence contrast", corpus, rs, rs.stream().filter(r -> r.contrast().significant()).count(),
                    rs.stream().mapToDouble(r -> r.contrast().effect()).toArray(), corpusLor, truth, covering + "/" + rs.size());
            summary("co-occurrence contrast, |lor| > " + margin, corpus, rs, rs.stream().filter(r -> r.contrastMargin().significant()).count(),
                    rs.stream().mapToDouble(r -> r.contrast().effect()).toArray(), corpusLor, truth, covering + "/" + rs.size());
            summary("counterfactual pairs", corpus, rs, rs.stream().filter(r -> r.pairs().significant()).count(),
                    rs.stream().mapToDouble(Run::pairLor).toArray(), corpusLor, truth, "n/a");
        }
    }

    static void summary(String probe, String corpus, List<Run> rs, long flagged, double[] est, double corpusLor, double truth, String covering) {
        double m = Arrays.stream(est).average().orElse(Double.NaN);
        double sd = Math.sqrt(Arrays.stream(est).map(v -> (v - m) * (v - m)).sum() / Math.max(1, est.length - 1));
        System.out.printf(Locale.ROOT, "%s,%s,%d/%d,%.3f,%.3f,%.3f,%.3f,%s%n", probe, corpus, flagged, rs.size(), m, sd, corpusLor, truth, covering);
    }

    /** Log odds ratio of attribute set X between group A and group B sentences in the sampled corpus. */
    static double empiricalLogOddsRatio(List<String> lines) {
        double[][] n = new double[2][2];
        String a = PlantedAssociationCorpus.groupA().get(0), b = PlantedAssociationCorpus.groupB().get(0);
        for (String line : lines) {
            int g = has(line, a) ? 0 : has(line, b) ? 1 : -1;
            if (g < 0) continue;
            boolean x = PlantedAssociationCorpus.attributesX().stream().anyMatch(w -> has(line, w));
            boolean y = PlantedAssociationCorpus.attributesY().stream().anyMatch(w -> has(line, w));
            if (x != y) n[g][x ? 0 : 1]++;
        }
        return Math.log(n[0][0] / n[0][1]) - Math.log(n[1][0] / n[1][1]);
    }

    static boolean has(String line, String word) {
        return (" " + line.replaceAll("[^a-z]+", " ") + " ").contains(" " + word + " ");
    }
}
