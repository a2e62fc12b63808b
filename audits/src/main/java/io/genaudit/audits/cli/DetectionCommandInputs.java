package io.genaudit.audits.cli;

import io.genaudit.audits.metric.InputFeed;
import io.genaudit.audits.modules.DetectionFeed;
import io.genaudit.audits.modules.DetectionRun;
import io.genaudit.engine.InputException;
import io.genaudit.engine.image.ImageFolderSource;
import io.genaudit.engine.image.ImageGenerator;
import io.genaudit.engine.image.gan.DcganModel;
import io.genaudit.engine.image.nn.ModelFolder;
import io.genaudit.engine.image.vae.VaeModel;
import io.genaudit.metrics.detect.DetectabilitySettings;
import io.genaudit.metrics.detect.DetectionInput;
import io.genaudit.metrics.detect.FirstImages;
import io.genaudit.metrics.detect.Perturbation;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Command-line inputs of {@code genaudit detectability} (alias {@code detect}): {@code --real} and {@code --fake}
 * folders (or a built-in DCGAN/VAE model folder to sample), the cross-validated detector's {@code --features},
 * {@code --classifier} and {@code --folds} or a saved {@code --detector}, and the {@code --robustness} perturbations.
 * The seed is the metric's {@code --seed}.
 */
public final class DetectionCommandInputs implements CommandInputs<DetectionInput> {
    @Option(names = "--real", required = true, paramLabel = "DIR", description = "Folder of real images (PNG/JPEG).")
    Path real;

    @Option(names = "--fake", required = true, paramLabel = "DIR|MODEL",
            description = "Folder of the model's generated images, or a built-in model folder (DCGAN/VAE, with model.json) to sample --samples images (default 500) from.")
    Path fake;

    @Mixin
    DetectorOptions detectorOptions;

    @Option(names = "--detector", paramLabel = "FILE", description = "A fixed detector: a .json saved by 'genaudit train detector', or a TorchScript .pt / ONNX .onnx network ([B,3,H,W] in [0,1] -> [B,1] or [B,2]); scored at --fpr instead of cross-validating.")
    Path detector;

    @Option(names = "--robustness", paramLabel = "SPEC", description = "Perturbations, e.g. 'jpeg=90,75,50;downscale=0.5;noise=0.02'.")
    String robustness;

    @Option(names = "--batch-size", paramLabel = "N", description = "Images per feature-extraction or detector batch (speed only; default 64).")
    int batchSize = 64;

    private long seed;

    @Override
    public void metricParameters(Map<String, Object> values) {
        seed = ((Number) values.get("seed")).longValue();
    }

    @Override
    public InputFeed<DetectionInput> open() throws Exception {
        DetectabilitySettings settings;
        List<Perturbation> perturbations;
        try {
            settings = detectorOptions.settings(seed, batchSize);
            perturbations = parseRobustness(robustness);
        } catch (IllegalArgumentException e) {
            throw new InputException("command line", e.getMessage());
        }
        if (!Files.isDirectory(fake)) {
            throw new InputException(fake, "a folder of generated images or a built-in model folder (with model.json) expected");
        }
        boolean model = Files.exists(fake.resolve("model.json"));
        return new DetectionFeed(settings, ConsoleProgress.factory(), fake.toString(), real.toString(), List.of()) {
            @Override
            protected void steps(DetectionRun run) throws Exception {
                try (ImageGenerator generator = model ? loadModel(fake) : null) {
                    openImages(run, generator);
                    if (detector != null) run.fixedDetector(detector, fake.toString(), perturbations);
                    else run.crossValidated(fake.toString(), perturbations);
                    run.marks(model ? null : fake);
                }
            }
        };
    }

    private void openImages(DetectionRun run, ImageGenerator generator) {
        Integer samples = detectorOptions.samples;
        ImageFolderSource realFolder = ImageFolderSource.open(real, 3);
        if (generator != null) {
            run.images(samples == null ? realFolder : new FirstImages(realFolder, samples), realFolder.height(), realFolder.width(),
                    generator.samples(samples == null ? 500 : samples, seed), generator.height(), generator.width());
        } else {
            ImageFolderSource fakeFolder = ImageFolderSource.open(fake, 3);
            run.images(samples == null ? realFolder : new FirstImages(realFolder, samples), realFolder.height(), realFolder.width(),
                    samples == null ? fakeFolder : new FirstImages(fakeFolder, samples), fakeFolder.height(), fakeFolder.width());
        }
    }

    /** Loads a DCGAN or VAE model folder written by {@code genaudit train}. */
    private static ImageGenerator loadModel(Path dir) throws Exception {
        String arch = String.valueOf(ModelFolder.readJson(dir.resolve("model.json")).get("architecture"));
        return switch (arch) {
            case "dcgan" -> DcganModel.load(dir);
            case "vae" -> VaeModel.load(dir);
            default -> throw new InputException(dir.resolve("model.json"), "architecture '" + arch + "' cannot be sampled here; expected dcgan or vae");
        };
    }

    /** Parses {@code jpeg=90,75;downscale=0.5;noise=0.02}. */
    static List<Perturbation> parseRobustness(String spec) {
        List<Perturbation> out = new ArrayList<>();
        if (spec == null || spec.isBlank()) return out;
        for (String part : spec.split(";")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) throw new IllegalArgumentException("--robustness: '" + part + "' is not KIND=V1,V2 (e.g. jpeg=90,75)");
            for (String v : kv[1].split(",")) {
                try {
                    out.add(Perturbation.of(kv[0].trim(), Double.parseDouble(v.trim())));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--robustness: '" + v + "' is not a number");
                }
            }
        }
        return out;
    }
}
