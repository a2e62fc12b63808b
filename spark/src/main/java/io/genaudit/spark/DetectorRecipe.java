package io.genaudit.spark;

import io.genaudit.engine.io.OnnxExternalData;
import io.genaudit.engine.io.Sha256;
import io.genaudit.metrics.detect.ImageDetector;
import org.apache.spark.SparkContext;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How an executor rebuilds a plan's fixed detector ({@code params.detector}: a genaudit {@code .json} detector, a
 * TorchScript {@code .pt} or an {@code .onnx} network, with the external-data files an ONNX network names): the
 * files shipped with {@link ModelShipment}, copied on the executor into a folder of their own (Spark's work folder
 * also holds the application jar, and DJL scans a model's folder for jars) and loaded with {@link ImageDetector#load},
 * as the single machine loads it. Each file's SHA-256 must equal the driver's. Executors keep the loaded detectors in
 * {@link #POOL}, one per task slot.
 *
 * @param files  the shipped files (named after the detector file)
 * @param name   the detector file's own name (its type comes from the extension)
 * @param sha256 the detector file's SHA-256 on the driver
 */
public record DetectorRecipe(ModelShipment files, String name, String sha256) implements Serializable {
    /** The detectors of this executor JVM. */
    static final ModelPool<DetectorRecipe, ImageDetector> POOL = new ModelPool<>("detector", DetectorRecipe::load);

    /** The recipe of detector {@code file} (its shipping names from the SHA-256s); a missing external-data file is an error. */
    public static DetectorRecipe of(Path file) throws IOException {
        return new DetectorRecipe(ModelShipment.of(file.getFileName().toString(), sources(file)), file.getFileName().toString(), Sha256.of(file));
    }

    /** Ships {@code file} (and an ONNX network's external-data files) to the executors of {@code sc}. */
    public static DetectorRecipe ship(SparkContext sc, Path file) throws IOException {
        String name = file.getFileName().toString();
        return new DetectorRecipe(ModelShipment.ship(sc, name, sources(file)), name, Sha256.of(file));
    }

    private static Map<String, Path> sources(Path file) {
        String name = file.getFileName().toString();
        Map<String, Path> sources = new LinkedHashMap<>();
        sources.put(name, file);
        if (name.endsWith(".onnx")) sources.putAll(OnnxExternalData.files(name, file));
        return sources;
    }

    /** Loads the detector on this JVM from the shipped files. */
    ImageDetector load() {
        Path dir = files.copyInto(ModelShipment.scratch(), "detector-" + sha256.substring(0, 12) + "-");
        return ImageDetector.load(dir.resolve(name));
    }
}
