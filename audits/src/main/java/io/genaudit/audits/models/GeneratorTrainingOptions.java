package io.genaudit.audits.models;

import io.genaudit.audits.AuditContext;
import io.genaudit.audits.ModelSpec;
import io.genaudit.audits.Params;
import io.genaudit.audits.PlanException;
import io.genaudit.engine.image.nn.TrainingData;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * The {@code train:} section of a {@code dcgan} or {@code vae} model, read and checked: the training images (a folder
 * or {@code fixture:NAME}), size preset, epochs (default 15 for small, 2 for tiny), seed (default: the run seed),
 * channels (1 or 3) and, for the DCGAN only, the {@code labels.csv} column to condition on.
 */
record GeneratorTrainingOptions(Path data, String size, int epochs, long seed, int channels, String conditional) {
    static final Set<String> KEYS = Set.of("data", "epochs", "size", "seed", "conditional", "channels");

    static GeneratorTrainingOptions parse(ModelSpec spec, Params t, AuditContext ctx) throws IOException {
        if (t.stringParam("data", null) == null) {
            throw new PlanException(spec.planFile(), t.prefix() + ".data", "the training images (a folder or fixture:NAME) are required");
        }
        String size = t.choiceParam("size", "small", "tiny", "small");
        int epochs = ModelSpecs.epochs(spec, t, defaultEpochs(size));
        long seed = t.longParam("seed", ctx.seed());
        int channels = t.intParam("channels", 3);
        if (channels != 1 && channels != 3) throw new PlanException(spec.planFile(), t.prefix() + ".channels", "1 or 3 expected, got " + channels);
        boolean gan = spec.type().equals("dcgan");
        if (!gan && t.has("conditional")) throw new PlanException(spec.planFile(), t.prefix() + ".conditional", "only dcgan supports conditioning");
        Path data = ModelSpecs.data(spec, t.prefix() + ".data", t.stringParam("data", null), ctx);
        return new GeneratorTrainingOptions(data, size, epochs, seed, channels, gan ? t.stringParam("conditional", null) : null);
    }

    /** Epochs when the plan gives none: 2 for tiny, 15 for small. */
    static int defaultEpochs(String size) {
        return size.equals("tiny") ? 2 : 15;
    }

    /** The training images with the chosen channels (and class labels when conditional). */
    TrainingData read() {
        return TrainingData.fromFolder(data, channels, conditional);
    }
}
