package io.genaudit.audits.models;

import io.genaudit.audits.AuditContext;
import io.genaudit.engine.image.nn.ModelFolder;
import io.genaudit.engine.io.Sha256;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Where plan-trained built-in image models are cached: {@code CACHE/models/KIND-KEY}, the key a SHA-256 of the
 * cache format version and everything that determines the weights (data SHA-256, hyper-parameters, settings, seed).
 */
final class ModelCache {
    /**
     * Cache layout version: bump when the training code changes what a cached model contains. 2: transposed-convolution
     * generators, shared Adam; 3: resize-tied VAE decoder; 4: one checkpoint file format, batch size and learning rate
     * moved from the hyper-parameters to the training settings.
     */
    static final String FORMAT = "img-4";

    private ModelCache() {
    }

    /** The cache folder of a model of {@code kind} determined by {@code parts} (their text forms). */
    static Path folder(AuditContext ctx, String kind, Object... parts) {
        String text = FORMAT + "|" + kind + "|" + Arrays.stream(parts).map(String::valueOf).collect(Collectors.joining("|"));
        String key = Sha256.of(text.getBytes(StandardCharsets.UTF_8));
        return ctx.cacheDir().resolve("models").resolve(kind + "-" + key.substring(0, 24));
    }

    /** Whether a finished model (its model.json) is in the folder. */
    static boolean isTrained(Path folder) {
        return Files.isRegularFile(folder.resolve(ModelFolder.MODEL_JSON));
    }
}
