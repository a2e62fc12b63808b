package io.genaudit.audits.cli;

import io.genaudit.engine.InputException;
import io.genaudit.engine.lm.transformer.TextCorpus;
import io.genaudit.engine.lm.transformer.TrainingRecord;
import io.genaudit.engine.lm.transformer.TransformerConfig;
import io.genaudit.engine.lm.transformer.TransformerTrainer;
import io.genaudit.engine.train.TrainingSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code genaudit train transformer}: trains the built-in byte-level Transformer on a text file or a folder of .txt
 * files into a model directory (params.bin, model.json, a checkpoint per epoch), with a progress bar; {@code --resume}
 * continues an interrupted run from its last checkpoint.
 */
@Command(name = "transformer", mixinStandardHelpOptions = true,
        description = "Train the built-in byte-level Transformer language model.")
public final class TrainTransformerCommand implements TrainCommand.TrainSubcommand, Callable<Integer> {
    @Mixin
    ModelTrainingOptions training;

    @Option(names = "--data", required = true, paramLabel = "PATH", description = "Training text: a file, or a folder of .txt files.")
    Path data;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs (default: 2 for small, 2 for tiny).")
    Integer epochs;

    @Option(names = "--batch-size", paramLabel = "B", description = "Windows per batch (default: 16).")
    Integer batchSize;

    @Option(names = "--lr", paramLabel = "LR", description = "Peak learning rate (default: 3e-3 for small, 1e-2 for tiny).")
    Double lr;

    @Option(names = "--max-steps", paramLabel = "N", description = "Stop after N optimizer steps (0 = no limit).", defaultValue = "0")
    int maxSteps;

    @Override
    public Integer call() throws Exception {
        TransformerConfig config;
        TrainingSettings settings;
        try {
            config = TransformerConfig.forSize(training.size);
            TrainingSettings d = TransformerTrainer.defaultSettings(training.size, training.seed);
            settings = new TrainingSettings(training.seed, epochs != null ? epochs : d.epochs(), batchSize != null ? batchSize : d.batchSize(),
                    lr != null ? lr : d.learningRate(), maxSteps);
        } catch (IllegalArgumentException e) {
            throw new InputException("command line", e.getMessage());
        }
        if (!Files.exists(data)) throw new InputException(data, "training text not found (a file or a folder of .txt files expected)");
        TextCorpus corpus = TextCorpus.read(data);
        TrainingRecord rec = new TransformerTrainer(config, settings).train(corpus, training.run());
        System.out.printf("trained %s transformer (%d parameters) on %s (%d bytes, sha256 %s)%n", config.size(), rec.parameterCount(),
                data, rec.dataBytes(), rec.dataSha256().substring(0, 12));
        System.out.printf("%d steps in %.1f s; final epoch loss %.4f nats/byte (perplexity %.3f); model in %s%n",
                rec.steps(), rec.trainingSeconds(), rec.finalLoss(), Math.exp(rec.finalLoss()), training.out);
        return ExitCodes.OK;
    }
}
