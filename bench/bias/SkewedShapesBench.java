import io.genaudit.engine.Progress;
import io.genaudit.engine.image.ImageFolderSource;
import io.genaudit.engine.image.ImageLabels;
import io.genaudit.engine.image.Images;
import io.genaudit.engine.image.ShapesClasses;
import io.genaudit.engine.image.gan.DcganConfig;
import io.genaudit.engine.image.gan.DcganModel;
import io.genaudit.engine.image.gan.DcganTrainer;
import io.genaudit.engine.image.nn.TrainingData;
import io.genaudit.engine.image.SingleAttributeClassifier;
import io.genaudit.engine.train.TrainingDivergedException;
import io.genaudit.engine.train.TrainingRun;
import io.genaudit.datasets.BuiltInDatasets;
import io.genaudit.metrics.bias.AttributeDistributionProbe;
import io.genaudit.metrics.bias.GroupEffect;
import io.genaudit.metrics.stats.MultipleComparisons;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Bench: trains the built-in DCGAN (public training API only) on the balanced {@code shapes} and the colour-skewed
 * {@code shapes-skewed} fixtures (70/15/15 red/green/blue) and audits the colour distribution of its images with the
 * image bias probe: a channel-mean colour classifier, confusion-corrected on the labelled balanced set, bootstrap
 * intervals over generated and calibration images, Holm-corrected per-class tests. Each generator is compared with
 * uniform (the skewed one should be flagged with red near 0.70, the balanced one not) and with its own training
 * proportions (neither should be flagged). A diverged training run is reported and retried with the next seed.
 * Args: [size=tiny] [epochs=10] [samples=1000] [seeds=3].
 */
public class SkewedShapesBench {
    /** Colour classifier: the channel whose mean is highest (images are rendered on a grey background). */
    static final class ChannelColour implements SingleAttributeClassifier {
        public String attribute() {
            return "colour";
        }

        public List<String> classes() {
            return ShapesClasses.ORDER.get("colour");
        }

        public int[] predictClasses(Images b) {
            int hw = b.height() * b.width();
            int[] out = new int[b.n()];
            for (int i = 0; i < b.n(); i++) {
                double[] m = new double[3];
                for (int c = 0; c < 3; c++) for (int k = 0; k < hw; k++) m[c] += b.data()[(i * 3 + c) * hw + k];
                out[i] = m[0] >= m[1] && m[0] >= m[2] ? 0 : m[1] >= m[2] ? 1 : 2;
            }
            return out;
        }

        public String describe() {
            return "argmax channel mean";
        }
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        String size = args.length > 0 ? args[0] : "tiny";
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int seeds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Path tmp = Files.createTempDirectory("bias-img-bench");
        Path balanced = BuiltInDatasets.materialize("shapes", 1, tmp.resolve("fx-cal"));
        ImageFolderSource ref = ImageFolderSource.open(balanced, 3);
        ImageLabels labels = ImageLabels.read(balanced.resolve("labels.csv"), ref, ShapesClasses.ORDER);
        ChannelColour clf = new ChannelColour();
        int[] calPred = clf.predictAll("colour", ref, 200);
        int[] calTrue = labels.of("colour");
        int agree = 0;
        for (int i = 0; i < calPred.length; i++) if (calPred[i] == calTrue[i]) agree++;
        var cal = new AttributeDistributionProbe.Calibration(calTrue, calPred);
        var probe = new AttributeDistributionProbe(MultipleComparisons.Method.HOLM, 0.95, 1000, 1);
        System.out.printf(Locale.ROOT, "DCGAN %s, %d epochs, %d generated images; colour classifier accuracy on %d labelled shapes: %.3f%n",
                size, epochs, samples, calPred.length, (double) agree / calPred.length);
        System.out.println("fixture,seed,train_s,train_props,raw_props,corrected_props [95% CI],tvd_vs_uniform [CI],flagged_vs_uniform,chi2_p_vs_uniform,"
                + "flagged_vs_training,covers_training");
        for (String fx : new String[]{"shapes", "shapes-skewed"}) {
            Path data = BuiltInDatasets.materialize(fx, 1, tmp.resolve("fx-" + fx));
            double[] trainProps = ImageLabels.read(data.resolve("labels.csv"), ImageFolderSource.open(data, 3), ShapesClasses.ORDER).proportions("colour");
            TrainingData td = TrainingData.fromFolder(data, 3, null);
            int done = 0;
            for (long seed = 1; done < seeds && seed <= seeds + 5; seed++) {
                long t0 = System.nanoTime();
                DcganModel g;
                try {
                    g = DcganTrainer.train(td, DcganConfig.preset(size, 3, 32, 32, 0),
                            DcganTrainer.defaultSettings(size, seed, epochs), new TrainingRun(tmp.resolve("gan-" + fx + "-" + seed), false, Progress.SILENT));
                } catch (TrainingDivergedException e) {
                    System.out.printf(Locale.ROOT, "%s,%d,training failed: %s%n", fx, seed, e.getMessage());
                    continue;
                }
                double trainS = (System.nanoTime() - t0) / 1e9;
                int[] pred;
                try (g) {
                    pred = clf.predictClasses(g.generate(samples, 7, null));
                }
                var vsUniform = probe.run(clf.classes(), pred, AttributeDistributionProbe.uniform(3), cal);
                var vsTraining = probe.run(clf.classes(), pred, trainProps, cal);
                StringBuilder est = new StringBuilder();
                boolean covers = true;
                for (int c = 0; c < 3; c++) {
                    GroupEffect row = vsUniform.perClass().rows().get(c);
                    est.append(String.format(Locale.ROOT, "%s%.3f [%.3f %.3f]", c == 0 ? "" : "; ", row.effect(), row.ci().low(), row.ci().high()));
                    covers &= row.ci().contains(trainProps[c]);
                }
                System.out.printf(Locale.ROOT, "%s,%d,%.0f,%s,%s,%s,%.3f [%.3f %.3f],%s,%.3g,%s,%s%n", fx, seed, trainS, props(trainProps), props(vsUniform.observed()),
                        est, vsUniform.distances().tvd(), vsUniform.distances().tvdCi().low(), vsUniform.distances().tvdCi().high(),
                        vsUniform.perClass().significantCount() > 0 ? "yes" : "no", vsUniform.chiSquare().pValue(),
                        vsTraining.perClass().significantCount() > 0 ? "yes" : "no", covers ? "yes" : "no");
                done++;
            }
        }
    }

    static String props(double[] p) {
        StringBuilder sb = new StringBuilder();
        for (double v : p) sb.append(sb.length() == 0 ? "" : "/").append(String.format(Locale.ROOT, "%.3f", v));
        return sb.toString();
    }
}
