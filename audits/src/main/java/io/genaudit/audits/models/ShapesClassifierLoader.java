package io.genaudit.audits.models;

import io.genaudit.audits.AuditContext;
import io.genaudit.audits.LoadedModel;
import io.genaudit.audits.ModelSpec;
import io.genaudit.audits.Params;
import io.genaudit.engine.image.nn.ModelFolder;
import io.genaudit.engine.image.shapes.ShapesCnn;
import io.genaudit.engine.image.shapes.ShapesCnnTrainer;
import io.genaudit.engine.image.shapes.ShapesFeatureExtractor;
import io.genaudit.engine.train.TrainingRun;
import io.genaudit.engine.train.TrainingSettings;
import io.genaudit.datasets.BuiltInDatasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads {@code shapes-features}, genaudit's shapes CNN (a feature extractor and an attribute classifier): from
 * {@code path: MODEL_DIR}, or trained from {@code train: {data, epochs, seed}} (default data fixture:shapes) into the
 * run cache, with its accuracy on 500 freshly generated held-out fixture images recorded in model.json.
 */
final class ShapesClassifierLoader {
    static final Set<String> TRAIN_KEYS = Set.of("data", "epochs", "seed");
    static final int DEFAULT_EPOCHS = 4;
    static final int HELD_OUT_IMAGES = 500;

    private ShapesClassifierLoader() {
    }

    static LoadedModel load(ModelSpec spec, AuditContext ctx) throws IOException {
        Params t = ModelSpecs.trainSection(spec, TRAIN_KEYS);
        Path modelDir;
        boolean trainedNow = false;
        if (t == null) {
            modelDir = ModelSpecs.modelFolder(spec);
        } else {
            TrainingSettings s = ShapesCnnTrainer.defaultSettings(t.longParam("seed", ctx.seed()), ModelSpecs.epochs(spec, t, DEFAULT_EPOCHS));
            Path data = ModelSpecs.data(spec, t.prefix() + ".data", t.stringParam("data", "fixture:shapes"), ctx);
            ctx.recordFile("data", data);
            ShapesCnnTrainer.Labelled train = ShapesCnnTrainer.Labelled.fromFolder(data);
            modelDir = ModelCache.folder(ctx, "shapes-cnn", train.sha256(), s);
            if (!ModelCache.isTrained(modelDir)) {
                try (AuditContext.Phase ph = ctx.phase("train:" + spec.id(), "train", spec.id())) {
                    ShapesCnnTrainer.train(train, heldOut(ctx, s.seed()), s, new TrainingRun(modelDir, true, ctx.progress())).close();
                    ph.units("images", (long) s.epochs() * train.images().n());
                }
                trainedNow = true;
            }
        }
        ShapesFeatureExtractor fx = ShapesFeatureExtractor.load(modelDir);
        String sha = ctx.recordFile("model", modelDir.resolve(ShapesCnn.TRUNK_FILE));
        Map<String, Object> json = ModelFolder.readJson(modelDir.resolve(ModelFolder.MODEL_JSON));
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("architecture", "shapes-cnn");
        info.put("dimension", fx.dimension());
        info.put("classes", ShapesCnn.CLASSES);
        info.put("seed", json.get("seed"));
        info.put("epochs", json.get("epochs"));
        info.put("trainingDataSha256", json.get("dataSha256"));
        info.put("heldOutAccuracy", json.get("heldOutAccuracy"));
        info.put("modelDir", modelDir.toString());
        info.put("trainedThisRun", trainedNow);
        return new LoadedModel(spec.id(), spec.type(), fx, sha, fx.describe(), info, LossCharts.of(json), List.of());
    }

    /** Fresh fixture images for the held-out accuracy, from another seed than any training data of the run. */
    private static ShapesCnnTrainer.Labelled heldOut(AuditContext ctx, long seed) throws IOException {
        long heldSeed = seed + 1_000_003L;
        Path held = ctx.cacheDir().resolve("fixtures").resolve("shapes-heldout-" + heldSeed);
        BuiltInDatasets.balancedShapes(HELD_OUT_IMAGES, heldSeed, held);
        return ShapesCnnTrainer.Labelled.fromFolder(held);
    }
}
