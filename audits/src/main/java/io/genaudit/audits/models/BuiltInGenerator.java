package io.genaudit.audits.models;

import io.genaudit.engine.image.ImageGenerator;
import io.genaudit.engine.image.gan.DcganConfig;
import io.genaudit.engine.image.gan.DcganModel;
import io.genaudit.engine.image.gan.DcganTrainer;
import io.genaudit.engine.image.nn.TrainingData;
import io.genaudit.engine.image.vae.VaeConfig;
import io.genaudit.engine.image.vae.VaeModel;
import io.genaudit.engine.image.vae.VaeTrainer;
import io.genaudit.engine.train.TrainingRun;
import io.genaudit.engine.train.TrainingSettings;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The built-in generator architectures a plan can train or load ({@code dcgan}, {@code vae}): for each, how to size
 * it for the data, its default training settings, how to train it, and how to load a trained folder.
 */
enum BuiltInGenerator {
    DCGAN("dcgan", DcganModel.GENERATOR_FILE) {
        @Override
        Training prepare(TrainingData td, GeneratorTrainingOptions o) {
            DcganConfig c = DcganConfig.preset(o.size(), o.channels(), td.images().height(), td.images().width(), td.classNames().size());
            return new Training(c.toMap(), DcganTrainer.defaultSettings(o.size(), o.seed(), o.epochs()),
                    (s, run) -> DcganTrainer.train(td, c, s, run).close());
        }

        @Override
        ImageGenerator load(Path dir) throws IOException {
            return DcganModel.load(dir);
        }
    },
    VAE("vae", VaeModel.DECODER_FILE) {
        @Override
        Training prepare(TrainingData td, GeneratorTrainingOptions o) {
            VaeConfig c = VaeConfig.preset(o.size(), o.channels(), td.images().height(), td.images().width());
            return new Training(c.toMap(), VaeTrainer.defaultSettings(o.size(), o.seed(), o.epochs()),
                    (s, run) -> VaeTrainer.train(td, c, s, run).close());
        }

        @Override
        ImageGenerator load(Path dir) throws IOException {
            return VaeModel.load(dir);
        }
    };

    private final String type;
    private final String weightsFile;

    BuiltInGenerator(String type, String weightsFile) {
        this.type = type;
        this.weightsFile = weightsFile;
    }

    /** The plan type name. */
    String type() {
        return type;
    }

    /** The weights file that identifies the model in provenance (the generator's or decoder's). */
    String weightsFile() {
        return weightsFile;
    }

    static BuiltInGenerator of(String type) {
        for (BuiltInGenerator g : values()) if (g.type.equals(type)) return g;
        throw new IllegalArgumentException("not a built-in generator: " + type);
    }

    /**
     * The hyper-parameters for the data and options, the default settings, and the training itself; an image shape
     * the architecture does not support is an IllegalArgumentException.
     */
    abstract Training prepare(TrainingData td, GeneratorTrainingOptions o);

    abstract ImageGenerator load(Path dir) throws IOException;

    /** A training ready to run: hyper-parameters (for the cache key), settings, and the trainer. */
    record Training(Map<String, Object> config, TrainingSettings settings, Trainer trainer) {
    }

    /** Trains into the run's folder, closing the model afterwards. */
    @FunctionalInterface
    interface Trainer {
        void train(TrainingSettings settings, TrainingRun run) throws IOException;
    }
}
