package io.genaudit.audits.cli;

import io.genaudit.engine.image.gan.DcganConfig;
import io.genaudit.engine.image.gan.DcganModel;
import io.genaudit.engine.image.gan.DcganTrainer;
import io.genaudit.engine.image.nn.TrainingData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/**
 * {@code genaudit train dcgan}: trains the built-in DCGAN on a folder of 32x32 or 28x28 images into a model folder
 * (model.json, generator.params, discriminator.params, a checkpoint per epoch, samples.png); {@code --resume}
 * continues from the last checkpoint.
 */
@Command(name = "dcgan", mixinStandardHelpOptions = true, description = "Train the built-in DCGAN on a folder of images.")
public final class TrainDcganCommand implements TrainCommand.TrainSubcommand, Callable<Integer> {
    @Mixin
    ImageTrainingOptions opts;

    @Option(names = "--conditional", paramLabel = "ATTRIBUTE", description = "Condition on this labels.csv column (e.g. shape).")
    String conditional;

    @Override
    public Integer call() throws Exception {
        TrainingData td = opts.trainingData(conditional);
        DcganConfig cfg = opts.preset(() -> DcganConfig.preset(opts.size, opts.channels, td.images().height(), td.images().width(),
                td.classNames().size()));
        long t0 = System.nanoTime();
        try (DcganModel m = DcganTrainer.train(td, cfg, DcganTrainer.defaultSettings(opts.size, opts.seed, opts.epochs()), opts.run())) {
            opts.finish(m, td, t0);
        }
        return ExitCodes.OK;
    }
}
