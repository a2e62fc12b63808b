package io.genaudit.audits.cli;

import io.genaudit.engine.InputException;
import io.genaudit.engine.image.ContactSheet;
import io.genaudit.engine.image.nn.TrainingData;
import io.genaudit.engine.image.nn.TrainingSettings;
import io.genaudit.engine.image.vae.VaeConfig;
import io.genaudit.engine.image.vae.VaeModel;
import io.genaudit.engine.image.vae.VaeTrainer;
import io.genaudit.engine.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code genaudit train vae}: trains the built-in convolutional VAE on a folder of 32x32 or 28x28 images into a model
 * folder (model.json, encoder.params, decoder.params, a checkpoint per epoch, samples.png); {@code --resume}
 * continues from the last checkpoint to the same result as an uninterrupted run.
 */
@Command(name = "vae", mixinStandardHelpOptions = true, description = "Train the built-in convolutional VAE on a folder of images.")
public final class TrainVaeCommand implements TrainCommand.TrainSubcommand, Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "PATH", description = "Folder of PNG/JPEG images (all 32x32 or all 28x28).")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "MODEL_DIR", description = "Model folder to write.")
    Path out;

    @Option(names = "--size", paramLabel = "tiny|small", defaultValue = "small", description = "Model size (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs (default: 15 for small, 2 for tiny).")
    Integer epochs;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed for weights, batch order and noise (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--channels", paramLabel = "1|3", defaultValue = "3", description = "Read images as grey (1) or RGB (3) (default: ${DEFAULT-VALUE}).")
    int channels;

    @Option(names = "--resume", description = "Continue from the last checkpoint in MODEL_DIR (same settings and data).")
    boolean resume;

    @Override
    public Integer call() throws Exception {
        if (channels != 1 && channels != 3) throw new InputException("--channels", "1 or 3 expected, got " + channels);
        TrainingData td = TrainingData.fromFolder(data, channels, null);
        VaeConfig cfg;
        try {
            cfg = VaeConfig.preset(size, channels, td.images().height(), td.images().width());
        } catch (IllegalArgumentException e) {
            throw new InputException(data, e.getMessage());
        }
        int n = epochs != null ? epochs : (size.equals("tiny") ? 2 : 15);
        if (n < 1) throw new InputException("--epochs", "an integer >= 1 expected, got " + n);
        long t0 = System.nanoTime();
        try (VaeModel m = VaeTrainer.train(td, cfg, new TrainingSettings(out, seed, n, resume, ConsoleProgress.factory()))) {
            AtomicFiles.writeBytes(out.resolve("samples.png"), ContactSheet.png(m.generate(64, seed, null), 8, m.describe()));
            System.out.printf("trained %s on %s (%d images, sha256 %s) in %.1f s; model in %s (samples.png: 64 samples, seed %d)%n",
                    m.describe(), data, td.size(), td.sha256().substring(0, 12), (System.nanoTime() - t0) / 1e9, out, seed);
        }
        return ExitCodes.OK;
    }
}
