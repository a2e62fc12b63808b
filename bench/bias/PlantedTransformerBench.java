import io.genaudit.engine.Progress;
import io.genaudit.engine.lm.transformer.TextCorpus;
import io.genaudit.engine.lm.transformer.TrainingRecord;
import io.genaudit.engine.lm.transformer.TrainingSettings;
import io.genaudit.engine.lm.transformer.TransformerConfig;
import io.genaudit.engine.lm.transformer.TransformerLanguageModel;
import io.genaudit.engine.lm.transformer.TransformerTrainer;
import io.genaudit.fixtures.Fixtures;
import io.genaudit.fixtures.text.PlantedAssociationCorpus;
import io.genaudit.metrics.bias.CooccurrenceProbe;
import io.genaudit.metrics.bias.CounterfactualPairProbe;
import io.genaudit.metrics.bias.GroupEffect;
import io.genaudit.metrics.bias.PlantedSuites;
import io.genaudit.metrics.bias.SentenceScorer;
import io.genaudit.metrics.stats.MultipleComparisons;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Bench: trains the built-in Transformer on the bias-planted and bias-control fixture corpora for a few seeds and runs
 * the co-occurrence (paired contrast = estimated log odds ratio) and counterfactual-pair probes on each model.
 * Expected: planted flagged in the planted direction with about the planted size (ln 16 = 2.77), control not flagged.
 * Usage: see bench/bias/README.md. Args: [size=small] [seeds=3] [epochs=4].
 */
public class PlantedTransformerBench {
    public static void main(String[] args) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        String size = args.length > 0 ? args[0] : "small";
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        Path tmp = Files.createTempDirectory("bias-bench");
        TransformerConfig cfg = TransformerConfig.forSize(size);
        System.out.printf(Locale.ROOT, "planted log odds ratio %.4f; transformer %s, %d epochs%n", PlantedAssociationCorpus.planted().plantedLogOddsRatio(), size, epochs);
        System.out.println("corpus,seed,final_loss,train_s,log_odds_ratio,ci_low,ci_high,p_adj,flagged,pair_share,pair_p,pair_flagged");
        for (String corpus : new String[]{"bias-planted", "bias-control"}) {
            for (int s = 1; s <= seeds; s++) {
                Path data = Fixtures.materialize(corpus, s, tmp.resolve("fixtures"));
                Path dir = tmp.resolve(corpus + "-" + s);
                TrainingSettings base = TrainingSettings.defaults(size, s);
                TrainingSettings ts = new TrainingSettings(s, epochs, base.batchSize(), base.learningRate(), 0);
                long t0 = System.nanoTime();
                TrainingRecord rec = new TransformerTrainer(cfg, ts, Progress.SILENT).train(TextCorpus.read(data), dir, false);
                double trainS = (System.nanoTime() - t0) / 1e9;
                try (TransformerLanguageModel lm = TransformerLanguageModel.load(dir)) {
                    SentenceScorer scorer = new SentenceScorer(lm, 64);
                    CooccurrenceProbe.Report co = new CooccurrenceProbe(MultipleComparisons.Method.HOLM, 0.95).run(scorer, PlantedSuites.cooccurrence());
                    GroupEffect c = co.contrasts().rows().get(0);
                    CounterfactualPairProbe.Report pr = new CounterfactualPairProbe(MultipleComparisons.Method.HOLM, 0.95).run(scorer, PlantedSuites.pairs());
                    System.out.printf(Locale.ROOT, "%s,%d,%.4f,%.1f,%.4f,%.4f,%.4f,%.3g,%s,%.4f,%.3g,%s%n", corpus, s, rec.finalLoss(), trainS,
                            c.effect(), c.ci().low(), c.ci().high(), c.pAdjusted(), c.significant(),
                            pr.overall().effect(), pr.overall().pValue(), pr.overall().significant());
                }
            }
        }
    }
}
