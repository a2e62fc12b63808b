import io.genaudit.engine.Progress;
import io.genaudit.engine.image.ImageFolderSource;
import io.genaudit.engine.image.ImageSource;
import io.genaudit.engine.image.Images;
import io.genaudit.engine.image.InMemoryImageSource;
import io.genaudit.engine.image.gan.DcganConfig;
import io.genaudit.engine.image.gan.DcganModel;
import io.genaudit.engine.image.gan.DcganTrainer;
import io.genaudit.engine.image.nn.TrainingData;
import io.genaudit.engine.train.TrainingRun;
import io.genaudit.engine.image.vae.VaeConfig;
import io.genaudit.engine.image.vae.VaeModel;
import io.genaudit.engine.image.vae.VaeTrainer;
import io.genaudit.datasets.BuiltInDatasets;
import io.genaudit.metrics.detect.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Detectability benchmark (bench/README.md): feature-extraction and scoring throughput on the shapes fixture, and the
 * detectability of a tiny DCGAN trained on shapes (with a shapes-vs-shapes negative control, robustness sweep and a
 * train-on-GAN / test-on-VAE cross-generator check). Args: [images=2000] [epochs=5] [cacheDir=/tmp/detect-bench-models].
 * Trained models are cached in cacheDir and reused.
 */
public class DetectBench {
    public static void main(String[] a) throws Exception {
        int n = a.length > 0 ? Integer.parseInt(a[0]) : 2000;
        int epochs = a.length > 1 ? Integer.parseInt(a[1]) : 5;
        Path tmp = Files.createTempDirectory("detect-bench");
        Path cache = Path.of(a.length > 2 ? a[2] : "/tmp/detect-bench-models");
        Path shapes = BuiltInDatasets.materialize("shapes", 0, tmp);
        ImageFolderSource src = ImageFolderSource.open(shapes, 3);
        Images all = TrainingData.readAll(new FirstImages(src, n));
        ImageSource mem = new InMemoryImageSource(all, "shapes (" + all.n() + ")");
        System.out.printf(Locale.ROOT, "machine: %d cores, %s; images %d of %dx%d%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), all.n(), all.height(), all.width());

        // 1. feature extraction throughput per part (warm-up once, then timed)
        for (String spec : List.of("fft:32", "dct:8", "pixel", "fft:32,dct:8,pixel")) {
            SpectralFeatureExtractor ex = SpectralFeatures.parse(spec).extractor();
            double[][] rows = null;
            double s = Double.POSITIVE_INFINITY;
            for (int rep = 0; rep < 4; rep++) { // first pass warms the JIT; best of the rest
                long t0 = System.nanoTime();
                rows = FeatureRows.of(mem, ex, null, 0, 64, Progress.NONE);
                if (rep > 0) s = Math.min(s, (System.nanoTime() - t0) / 1e9);
            }
            System.out.printf(Locale.ROOT, "features %-20s %6d images in %6.2f s = %8.0f images/s (dim %d)%n", spec, rows.length, s, rows.length / s, ex.dimension());
        }
        // 2. perturbation cost
        for (Perturbation p : List.of(new JpegCompression(75), new Downscale(0.5), new GaussianNoise(0.02))) {
            int k = 0;
            double s = Double.POSITIVE_INFINITY;
            for (int rep = 0; rep < 3; rep++) {
                long t0 = System.nanoTime();
                var it = mem.batches(64);
                k = 0;
                while (it.hasNext()) k += p.apply(it.next(), 1).n();
                if (rep > 0) s = Math.min(s, (System.nanoTime() - t0) / 1e9);
            }
            System.out.printf(Locale.ROOT, "perturb  %-20s %6d images in %6.2f s = %8.0f images/s%n", p.describe(), k, s, k / s);
        }

        // 3. tiny DCGAN on shapes
        DetectabilitySettings settings = DetectabilitySettings.defaults(7);
        DetectabilityStudy study = new DetectabilityStudy(settings, Progress.SILENT);
        long t0 = System.nanoTime();
        TrainingData td = new TrainingData(all, null, List.of(), "bench", "shapes");
        Path ganDir = cache.resolve("dcgan-tiny-" + all.n() + "-" + epochs);
        DcganModel gan = Files.exists(ganDir.resolve("model.json")) ? DcganModel.load(ganDir)
                : DcganTrainer.train(td, DcganConfig.preset("tiny", 3, 32, 32, 0), DcganTrainer.defaultSettings("tiny", 7, epochs), new TrainingRun(ganDir, false, Progress.SILENT));
        System.out.printf(Locale.ROOT, "dcgan tiny (%d epochs on %d shapes) ready in %.1f s (%s)%n", epochs, all.n(), (System.nanoTime() - t0) / 1e9, ganDir);
        t0 = System.nanoTime();
        Path vaeDir = cache.resolve("vae-tiny-" + all.n() + "-" + epochs);
        VaeModel vae = Files.exists(vaeDir.resolve("model.json")) ? VaeModel.load(vaeDir)
                : VaeTrainer.train(td, VaeConfig.preset("tiny", 3, 32, 32), VaeTrainer.defaultSettings("tiny", 7, epochs), new TrainingRun(vaeDir, false, Progress.SILENT));
        System.out.printf(Locale.ROOT, "vae tiny (%d epochs) ready in %.1f s%n", epochs, (System.nanoTime() - t0) / 1e9);
        int half = all.n() / 2;
        ImageSource real = new InMemoryImageSource(all.slice(0, half), "shapes first half");
        ImageSource realB = new InMemoryImageSource(all.slice(half, 2 * half), "shapes second half");
        if (!finite(gan) || !finite(vae)) {
            System.out.println("a trained generator produces non-finite pixels (training diverged): falling back to UNTRAINED "
                    + "DCGAN and VAE (random init) - a pipeline sanity check only, not a measure of a trained model");
            gan.close();
            vae.close();
            gan = DcganModel.create(DcganConfig.preset("tiny", 3, 32, 32, 0), 7);
            vae = VaeModel.create(VaeConfig.preset("tiny", 3, 32, 32), 7);
        }
        t0 = System.nanoTime();
        ImageSource fake = new InMemoryImageSource(TrainingData.readAll(gan.samples(half, 11)), "dcgan samples");
        System.out.printf(Locale.ROOT, "sampled %d images in %.2f s%n", half, (System.nanoTime() - t0) / 1e9);

        for (DetectorClassifier c : DetectorClassifier.values()) {
            DetectabilityStudy st = new DetectabilityStudy(settings.withClassifier(c), Progress.SILENT);
            t0 = System.nanoTime();
            LabelledFeatures data = st.features(real, fake, null);
            double tf = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            DetectabilityStudy.Outcome o = st.crossValidate(data);
            double tc = (System.nanoTime() - t0) / 1e9;
            print("shapes vs dcgan[" + c.id() + "]", o.metrics());
            System.out.printf(Locale.ROOT, "    features %.2f s, 5-fold CV %.2f s (%.0f images/s train+score)%n", tf, tc, data.x().length / tc);
        }
        print("shapes vs shapes (control)", study.run(real, realB).metrics());
        for (var p : study.robustness(real, fake, List.of(new JpegCompression(90), new JpegCompression(75), new JpegCompression(50),
                new Downscale(0.5), new GaussianNoise(0.02), new GaussianNoise(0.05)))) {
            print("  after " + p.kind() + "=" + p.strength(), p.metrics());
        }
        // 4. scoring throughput of a saved detector (features + linear model)
        LabelledFeatures data = study.features(real, fake, null);
        FixedDetector det = FixedDetector.train(data, settings.features(), 32, 32, DetectorClassifier.LOGISTIC, 7, Map.of());
        det.score(new FirstImages(mem, 256), 64, Progress.NONE);
        double[] s = null;
        double sec = Double.POSITIVE_INFINITY;
        for (int rep = 0; rep < 3; rep++) {
            t0 = System.nanoTime();
            s = det.score(mem, 64, Progress.NONE);
            sec = Math.min(sec, (System.nanoTime() - t0) / 1e9);
        }
        System.out.printf(Locale.ROOT, "fixed detector scoring %d images in %.2f s = %.0f images/s%n", s.length, sec, s.length / sec);
        t0 = System.nanoTime();
        int reps = 0;
        while (System.nanoTime() - t0 < 1e9) {
            for (double[] r : data.x()) det.score(r);
            reps += data.x().length;
        }
        System.out.printf(Locale.ROOT, "linear model only: %.0f rows/s%n", reps / ((System.nanoTime() - t0) / 1e9));
        // 5. the VAE on its own, and cross-generator: train on the GAN, test on the VAE
        ImageSource vaeSamples = new InMemoryImageSource(TrainingData.readAll(vae.samples(half, 3)), "vae samples");
        print("shapes vs vae[logistic]", study.run(real, vaeSamples).metrics());
        var cg = study.crossGenerator(study.rows(real, null, "real"), study.rows(fake, null, "gan"), study.rows(vaeSamples, null, "vae"));
        print("cross: train gan, test gan", cg.within());
        print("cross: train gan, test vae", cg.across());
        System.out.printf(Locale.ROOT, "    AUC difference %.3f, DeLong p = %.3g%n", cg.comparison().difference(), cg.comparison().pValue());
        gan.close();
        vae.close();
    }

    static boolean finite(io.genaudit.engine.image.ImageGenerator g) {
        for (float v : g.generate(4, 1, null).data()) if (!Float.isFinite(v)) return false;
        return true;
    }

    static void print(String what, DetectabilityMetrics m) {
        System.out.printf(Locale.ROOT, "%-34s AUC %.3f [%.3f, %.3f] DeLong [%.3f, %.3f] AP %.3f EER %.3f TPR@1%% %.3f acc@EER %.3f (n %d/%d)%n",
                what, m.auc(), m.aucCi().low(), m.aucCi().high(), m.aucCiDeLong().low(), m.aucCiDeLong().high(), m.ap(), m.eer(),
                m.roc().tprAtFpr(0.01), m.accuracyAtEer(), m.nReal(), m.nFake());
    }
}
