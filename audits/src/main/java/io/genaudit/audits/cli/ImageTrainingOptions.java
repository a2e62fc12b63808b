package io.genaudit.audits.cli;

import io.genaudit.engine.InputException;
import io.genaudit.engine.image.ContactSheet;
import io.genaudit.engine.image.ImageGenerator;
import io.genaudit.engine.image.nn.TrainingData;
import io.genaudit.engine.io.AtomicFiles;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The options and checks {@code train dcgan} and {@code train vae} share (a picocli mixin): the image folder, epochs
 * and channels besides the {@link ModelTrainingOptions}; and the samples sheet and summary line written after training.
 */
public final class ImageTrainingOptions extends ModelTrainingOptions {
    @Option(names = "--data", required = true, paramLabel = "PATH", description = "Folder of PNG/JPEG images (all 32x32 or all 28x28).")
    Path data;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs (default: 15 for small, 2 for tiny).")
    Integer epochs;

    @Option(names = "--channels", paramLabel = "1|3", defaultValue = "3", description = "Read images as grey (1) or RGB (3) (default: ${DEFAULT-VALUE}).")
    int channels;

    /** The training images, read with the chosen channel count (and class labels when {@code conditional} is set). */
    TrainingData trainingData(String conditional) throws IOException {
        if (channels != 1 && channels != 3) throw new InputException("--channels", "1 or 3 expected, got " + channels);
        return TrainingData.fromFolder(data, channels, conditional);
    }

    /** The epochs to train: defaulted by size (15 small, 2 tiny) and checked. */
    int epochs() {
        int n = epochs != null ? epochs : (size.equals("tiny") ? 2 : 15);
        if (n < 1) throw new InputException("--epochs", "an integer >= 1 expected, got " + n);
        return n;
    }

    /** A model preset for the data, turning a size/shape mismatch into an input error naming the data folder. */
    <T> T preset(java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new InputException(data, e.getMessage());
        }
    }

    /** Writes samples.png (64 samples) into the model folder and prints what was trained. */
    void finish(ImageGenerator m, TrainingData td, long t0) throws IOException {
        AtomicFiles.writeBytes(out.resolve("samples.png"), ContactSheet.png(m.generate(64, seed, null), 8, m.describe()));
        System.out.printf("trained %s on %s (%d images, sha256 %s) in %.1f s; model in %s (samples.png: 64 samples, seed %d)%n",
                m.describe(), data, td.size(), td.sha256().substring(0, 12), (System.nanoTime() - t0) / 1e9, out, seed);
    }
}
