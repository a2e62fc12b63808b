package io.genaudit.metrics.detect;

import io.genaudit.engine.InputException;
import io.genaudit.engine.Progress;
import io.genaudit.engine.image.ImageSource;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * A frozen real-vs-generated detector that scores images (higher = more likely generated): genaudit's own
 * {@link FixedDetector} (JSON) or a user's TorchScript/ONNX network ({@link ExternalDetector}). Used for fixed-FPR
 * release gates.
 */
public interface ImageDetector extends AutoCloseable {
    /** Scores every image of {@code source}, after {@code perturbation} when not null ({@code seed} seeds it). */
    double[] score(ImageSource source, Perturbation perturbation, long seed, int batchSize, Progress progress);

    /** What the detector is, for settings and provenance. */
    String describe();

    /** Training provenance when known (empty for external networks). */
    Map<String, Object> provenance();

    @Override
    default void close() {
    }

    /** Loads a detector by file type: {@code .json} (genaudit), {@code .pt}/{@code .torchscript} (TorchScript) or {@code .onnx}. */
    static ImageDetector load(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".json")) return FixedDetector.load(file);
        if (n.endsWith(".pt") || n.endsWith(".pth") || n.endsWith(".torchscript") || n.endsWith(".onnx")) return ExternalDetector.load(file);
        throw new InputException(file, "unknown detector type: expected a genaudit .json detector, a TorchScript .pt or an .onnx file");
    }
}
