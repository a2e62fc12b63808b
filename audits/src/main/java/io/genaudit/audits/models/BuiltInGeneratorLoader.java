package io.genaudit.audits.models;

import io.genaudit.audits.AuditContext;
import io.genaudit.audits.LoadedModel;
import io.genaudit.audits.ModelSpec;
import io.genaudit.audits.Params;
import io.genaudit.audits.PlanException;
import io.genaudit.engine.image.ImageGenerator;
import io.genaudit.engine.image.nn.ModelFolder;
import io.genaudit.engine.image.nn.TrainingData;
import io.genaudit.engine.train.TrainingRun;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a {@code dcgan} or {@code vae} model of a plan: from {@code path: MODEL_DIR}, or trained from the
 * {@code train:} section into the run cache (reused when already there), retrying with the next seed when training
 * diverges. The loaded model carries its training facts, loss chart and a sample sheet.
 */
final class BuiltInGeneratorLoader {
    private BuiltInGeneratorLoader() {
    }

    static LoadedModel load(ModelSpec spec, AuditContext ctx) throws IOException {
        BuiltInGenerator kind = BuiltInGenerator.of(spec.type());
        Params t = ModelSpecs.trainSection(spec, GeneratorTrainingOptions.KEYS);
        Path modelDir;
        Trained trained = new Trained(false, List.of());
        if (t == null) {
            modelDir = ModelSpecs.modelFolder(spec);
        } else {
            GeneratorTrainingOptions o = GeneratorTrainingOptions.parse(spec, t, ctx);
            ctx.recordFile("data", o.data());
            TrainingData td = o.read();
            BuiltInGenerator.Training training;
            try {
                training = kind.prepare(td, o);
            } catch (IllegalArgumentException e) {
                throw new PlanException(spec.planFile(), t.prefix() + ".data", e.getMessage() + " (" + o.data() + ")");
            }
            modelDir = ModelCache.folder(ctx, spec.type(), td.sha256(), training.config(), o.conditional(), training.settings());
            if (!ModelCache.isTrained(modelDir)) trained = train(spec, ctx, modelDir, training, (long) o.epochs() * td.size());
        }
        ImageGenerator g = kind.load(modelDir);
        String sha = ctx.recordFile("model", modelDir.resolve(kind.weightsFile()));
        Map<String, Object> json = ModelFolder.readJson(modelDir.resolve(ModelFolder.MODEL_JSON));
        return new LoadedModel(spec.id(), spec.type(), g, sha, g.describe(), info(json, modelDir, trained), LossCharts.of(json),
                List.of(SampleSheet.of(g, ctx.seed())));
    }

    /** Whether this run trained the model, and the seeds that diverged on the way. */
    private record Trained(boolean now, List<Long> divergedSeeds) {
    }

    private static Trained train(ModelSpec spec, AuditContext ctx, Path modelDir, BuiltInGenerator.Training training,
                                 long imagesPerAttempt) throws IOException {
        try (AuditContext.Phase ph = ctx.phase("train:" + spec.id(), "train", spec.id())) {
            List<Long> diverged = TrainingWithRetry.train(modelDir, training.settings(),
                    (s, resume) -> training.trainer().train(s, new TrainingRun(modelDir, resume, ctx.progress())));
            ph.units("images", (diverged.size() + 1) * imagesPerAttempt);
            return new Trained(true, diverged);
        }
    }

    /** The model's info: what model.json says of its training, where it is, and whether (and how) it was trained now. */
    private static Map<String, Object> info(Map<String, Object> json, Path modelDir, Trained trained) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("architecture", json.get("architecture"));
        info.put("config", json.get("config"));
        if (json.get("training") != null) info.put("training", json.get("training"));
        info.put("seed", json.get("seed"));
        info.put("epochs", json.get("epochs"));
        info.put("parameters", json.get("parameters"));
        info.put("trainingDataSha256", json.get("dataSha256"));
        info.put("trainingData", json.get("data"));
        info.put("loss", json.get("loss"));
        info.put("finalLosses", json.get("finalLosses"));
        info.put("modelDir", modelDir.toString());
        info.put("trainedThisRun", trained.now());
        if (!trained.divergedSeeds().isEmpty()) info.put("divergedSeeds", trained.divergedSeeds());
        return info;
    }
}
