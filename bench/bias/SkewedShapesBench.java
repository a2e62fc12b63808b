import io.genaudit.engine.Progress;
import io.genaudit.engine.image.ImageFolderSource;
import io.genaudit.engine.image.ImageLabels;
import io.genaudit.engine.image.Images;
import io.genaudit.engine.image.ShapesClasses;
import io.genaudit.engine.image.gan.DcganConfig;
import io.genaudit.engine.image.gan.DcganModel;
import io.genaudit.engine.image.gan.DcganTrainer;
import io.genaudit.engine.image.nn.TrainingData;
import io.genaudit.engine.image.nn.TrainingSettings;
import io.genaudit.fixtures.Fixtures;
import io.genaudit.metrics.bias.AttributeClassifier;
import io.genaudit.metrics.bias.AttributeDistributionProbe;
import io.genaudit.metrics.stats.MultipleComparisons;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Bench: trains the built-in DCGAN on the balanced {@code shapes} and the colour-skewed {@code shapes-skewed} fixtures
 * (70/15/15 red/green/blue) and measures the colour distribution of generated images against uniform with a simple
 * colour classifier (argmax of per-channel mean minus grey level), confusion-corrected on the labelled balanced set.
 * Expected: skewed TVD near 0.367 (the training data's), balanced near 0. Args: [size=tiny] [epochs=5] [samples=1000].
 */
public class SkewedShapesBench {
    /** Colour classifier: the channel whose mean is highest relative to the image's mean over channels. */
    static final class ChannelColour implements AttributeClassifier {
        public List<String> classes() { return ShapesClasses.ORDER.get("colour"); }
        public int[] predict(Images b) {
            int hw = b.height() * b.width();
            int[] out = new int[b.n()];
            for (int i = 0; i < b.n(); i++) {
                double[] m = new double[3];
                for (int c = 0; c < 3; c++) for (int k = 0; k < hw; k++) m[c] += b.data()[(i * 3 + c) * hw + k];
                out[i] = m[0] >= m[1] && m[0] >= m[2] ? 0 : m[1] >= m[2] ? 1 : 2;
            }
            return out;
        }
        public String describe() { return "argmax channel mean"; }
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        String size = args.length > 0 ? args[0] : "tiny";
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        Path tmp = Files.createTempDirectory("bias-img-bench");
        Path balanced = Fixtures.materialize("shapes", 1, tmp.resolve("fx"));
        ImageFolderSource ref = ImageFolderSource.open(balanced, 3);
        ImageLabels labels = ImageLabels.read(balanced.resolve("labels.csv"), ref, ShapesClasses.ORDER);
        ChannelColour clf = new ChannelColour();
        var cal = new AttributeDistributionProbe.Calibration(labels.of("colour"), clf.predictAll(ref, 200));
        var probe = new AttributeDistributionProbe(MultipleComparisons.Method.HOLM, 0.95, 1000, 1);
        System.out.println("fixture,epochs,train_s,raw_red,raw_green,raw_blue,corrected_red,corrected_green,corrected_blue,tvd,tvd_low,tvd_high,chi2_p,significant_classes");
        for (String fx : new String[]{"shapes", "shapes-skewed"}) {
            Path data = Fixtures.materialize(fx, 1, tmp.resolve("fx"));
            long t0 = System.nanoTime();
            DcganModel g = DcganTrainer.train(TrainingData.fromFolder(data, 3, null), DcganConfig.preset(size, 3, 32, 32, 0),
                    new TrainingSettings(tmp.resolve("gan-" + fx), 1, epochs, false, Progress.SILENT));
            double trainS = (System.nanoTime() - t0) / 1e9;
            int[] pred = clf.predictAll(g.samples(samples, 7), 100);
            var r = probe.run(clf.classes(), pred, AttributeDistributionProbe.uniform(3), cal);
            System.out.printf(Locale.ROOT, "%s,%d,%.0f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.4f,%.4f,%.4f,%.3g,%d%n", fx, epochs, trainS,
                    r.observed()[0], r.observed()[1], r.observed()[2], r.estimate()[0], r.estimate()[1], r.estimate()[2],
                    r.distances().tvd(), r.distances().tvdCi().low(), r.distances().tvdCi().high(), r.chiSquare().pValue(), r.perClass().significantCount());
            g.close();
        }
    }
}
