package io.genaudit.audits.cli;

import io.genaudit.engine.image.nn.TrainingData;
import io.genaudit.engine.image.vae.VaeConfig;
import io.genaudit.engine.image.vae.VaeModel;
import io.genaudit.engine.image.vae.VaeTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/**
 * {@code genaudit train vae}: trains the built-in convolutional VAE on a folder of 32x32 or 28x28 images into a model
 * folder (model.json, encoder.params, decoder.params, a checkpoint per epoch, samples.png); {@code --resume}
 * continues from the last checkpoint.
 */
@Command(name = "vae", mixinStandardHelpOptions = true, description = "Train the built-in convolutional VAE on a folder of images.")
public final class TrainVaeCommand implements TrainCommand.TrainSubcommand, Callable<Integer> {
    @Mixin
    ImageTrainingOptions opts;

    @Override
    public Integer call() throws Exception {
        TrainingData td = opts.trainingData(null);
        VaeConfig cfg = opts.preset(() -> VaeConfig.preset(opts.size, opts.channels, td.images().height(), td.images().width()));
        long t0 = System.nanoTime();
        try (VaeModel m = VaeTrainer.train(td, cfg, VaeTrainer.defaultSettings(opts.size, opts.seed, opts.epochs()), opts.run())) {
            opts.finish(m, td, t0);
        }
        return ExitCodes.OK;
    }
}
