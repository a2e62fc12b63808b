package io.genaudit.spark;

import io.genaudit.engine.io.Sha256;
import io.genaudit.metrics.detect.ImageDetector;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkFiles;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * How an executor rebuilds a plan's fixed detector ({@code params.detector}: a genaudit {@code .json} detector, a
 * TorchScript {@code .pt} or an {@code .onnx} network): the file shipped with {@code SparkContext.addFile} under a
 * unique name, copied on the executor into a folder of its own (Spark's work folder also holds the application jar,
 * and DJL scans a model's folder for jars) and loaded with {@link ImageDetector#load}, as the single machine loads it.
 * Its SHA-256 must equal the driver's. Executors keep the loaded detectors in {@link #POOL}, one per task slot.
 *
 * @param sparkName the name {@code SparkFiles.get} knows the file by
 * @param name      the detector file's own name (its type comes from the extension)
 * @param sha256    the file's SHA-256 on the driver
 */
public record DetectorRecipe(String sparkName, String name, String sha256) implements Serializable {
    /** The detectors of this executor JVM. */
    static final ModelPool<DetectorRecipe, ImageDetector> POOL = new ModelPool<>("detector", DetectorRecipe::load);

    /** The recipe of detector {@code file} (its unique shipping name from its SHA-256). */
    public static DetectorRecipe of(Path file) throws IOException {
        String sha = Sha256.of(file);
        return new DetectorRecipe("genaudit-detector-" + sha.substring(0, 12) + "-" + file.getFileName(), file.getFileName().toString(), sha);
    }

    /** Ships {@code file} to the executors of {@code sc}, staged under {@code staging}. */
    public static DetectorRecipe ship(SparkContext sc, Path file, Path staging) throws IOException {
        DetectorRecipe r = of(file);
        Files.createDirectories(staging);
        Path staged = staging.resolve(r.sparkName());
        Files.copy(file, staged, StandardCopyOption.REPLACE_EXISTING);
        sc.addFile(staged.toString());
        return r;
    }

    /** Loads the detector on this JVM from the shipped file. */
    ImageDetector load() {
        try {
            Path dir = Files.createTempDirectory("genaudit-spark-detector-" + sha256.substring(0, 12) + "-");
            Path copy = dir.resolve(name);
            Files.copy(Path.of(SparkFiles.get(sparkName)), copy);
            String sha = Sha256.of(copy);
            if (!sha.equals(sha256)) throw new IllegalStateException("detector " + name + ": the executor got sha256 " + sha + ", the driver " + sha256);
            return ImageDetector.load(copy);
        } catch (IOException e) {
            throw new UncheckedIOException("detector " + name + ": cannot copy the shipped file into a folder of its own", e);
        }
    }
}
