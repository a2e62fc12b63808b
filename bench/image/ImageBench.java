import io.genaudit.engine.Progress;
import io.genaudit.engine.image.ContactSheet;
import io.genaudit.engine.image.GeneratorContract;
import io.genaudit.engine.image.ImageGenerator;
import io.genaudit.engine.image.Images;
import io.genaudit.engine.image.TorchScriptImageGenerator;
import io.genaudit.engine.image.gan.DcganConfig;
import io.genaudit.engine.image.gan.DcganTrainer;
import io.genaudit.engine.image.nn.ModelFolder;
import io.genaudit.engine.image.nn.TrainingData;
import io.genaudit.engine.train.TrainingRun;
import io.genaudit.engine.train.TrainingSettings;
import io.genaudit.engine.image.shapes.ShapesCnn;
import io.genaudit.engine.image.shapes.ShapesCnnTrainer;
import io.genaudit.engine.image.shapes.ShapesFeatureExtractor;
import io.genaudit.engine.image.vae.VaeConfig;
import io.genaudit.engine.image.vae.VaeTrainer;
import io.genaudit.datasets.shapes.ShapesFixture;
import io.genaudit.datasets.shapes.ShapesSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Image engine benchmark: trains DCGAN and VAE (tiny and small) on the 2000-image shapes fixture and reports
 * parameters, mean training-step time, epoch time, generation throughput (images/s), the shapes CNN's training time,
 * held-out accuracy and feature-extraction throughput, and a TorchScript fixture generator's throughput.
 * Usage (see run.sh): ImageBench [epochs-for-small (default 2)] [output folder for sample sheets].
 */
public class ImageBench {
    public static void main(String[] args) throws Exception {
        int smallEpochs = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        Path out = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("genaudit-image-bench");
        Path data = out.resolve("shapes");
        if (!Files.exists(data.resolve("labels.csv"))) ShapesFixture.write(ShapesSpec.balanced(2000), 0, data);
        TrainingData td = TrainingData.fromFolder(data, 3, null);
        System.out.printf("threads: torch intra-op %s; data: shapes fixture, %d images 32x32x3%n",
                System.getProperty("ai.djl.pytorch.num_threads", "default"), td.size());
        System.out.println("| model | size | parameters | epochs | steps | ms/step | s/epoch | final losses | gen images/s |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (String arch : List.of("dcgan", "vae")) {
            for (String size : List.of("tiny", "small")) {
                int epochs = size.equals("tiny") ? 1 : smallEpochs;
                Path dir = out.resolve(arch + "-" + size);
                long t0 = System.nanoTime();
                ImageGenerator g;
                int batch;
                if (arch.equals("dcgan")) {
                    TrainingSettings s = DcganTrainer.defaultSettings(size, 0, epochs);
                    batch = s.batchSize();
                    g = DcganTrainer.train(td, DcganConfig.preset(size, 3, 32, 32, 0), s, new TrainingRun(dir, false, Progress.SILENT));
                } else {
                    TrainingSettings s = VaeTrainer.defaultSettings(size, 0, epochs);
                    batch = s.batchSize();
                    g = VaeTrainer.train(td, VaeConfig.preset(size, 3, 32, 32), s, new TrainingRun(dir, false, Progress.SILENT));
                }
                double secs = (System.nanoTime() - t0) / 1e9;
                int steps = epochs * (td.size() / batch);
                Map<String, Object> json = ModelFolder.readJson(dir.resolve("model.json"));
                double genRate = generationRate(g, 1024);
                Files.write(out.resolve(arch + "-" + size + ".png"), ContactSheet.png(g.generate(64, 7, null), 8, g.describe()));
                System.out.printf("| %s | %s | %s | %d | %d | %.1f | %.1f | %s | %.0f |%n", arch, size, json.get("parameters"), epochs, steps,
                        1000 * secs / steps, secs / epochs, json.get("finalLosses"), genRate);
                g.close();
            }
        }
        // shapes CNN
        Path held = out.resolve("held");
        if (!Files.exists(held.resolve("labels.csv"))) ShapesFixture.write(ShapesSpec.balanced(500), 1_000_003L, held);
        ShapesCnnTrainer.Labelled train = ShapesCnnTrainer.Labelled.fromFolder(data);
        long t0 = System.nanoTime();
        try (ShapesCnn cnn = ShapesCnnTrainer.train(train, ShapesCnnTrainer.Labelled.fromFolder(held),
                ShapesCnnTrainer.defaultSettings(0, 4), new TrainingRun(out.resolve("cnn"), false, Progress.SILENT))) {
            double secs = (System.nanoTime() - t0) / 1e9;
            ShapesFeatureExtractor fx = cnn.featureExtractor();
            Images batch = train.images().slice(0, 1000);
            fx.extract(batch.slice(0, 10));
            long t1 = System.nanoTime();
            for (int i = 0; i < 1000; i += 250) fx.extract(batch.slice(i, i + 250));
            double rate = 1000 / ((System.nanoTime() - t1) / 1e9);
            System.out.printf("shapes CNN: 4 epochs on 2000 images in %.1f s; held-out accuracy (500 images) %s; features %.0f images/s%n",
                    secs, ShapesCnnTrainer.accuracy(cnn, ShapesCnnTrainer.Labelled.fromFolder(held)), rate);
        }
        Path ts = Path.of("fixtures", "image-models", "generator.pt");
        if (Files.exists(ts)) {
            try (TorchScriptImageGenerator g = TorchScriptImageGenerator.load(ts, GeneratorContract.of(16, "normal", "[-1,1]"))) {
                System.out.printf("TorchScript fixture generator (z=16 -> 3x8x8): %.0f images/s%n", generationRate(g, 4096));
            }
        }
        System.out.println("sample sheets and models in " + out);
    }

    static double generationRate(ImageGenerator g, int n) {
        g.generate(16, 1, null);
        long t = System.nanoTime();
        g.generate(n, 2, null);
        return n / ((System.nanoTime() - t) / 1e9);
    }
}
