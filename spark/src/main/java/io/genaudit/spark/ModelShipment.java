package io.genaudit.spark;

import io.genaudit.engine.io.Sha256;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkFiles;
import scala.jdk.javaapi.CollectionConverters;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A model's files shipped from the driver to the executors with {@code SparkContext.addFile}, and laid out again on
 * an executor in a folder of the model's own. Spark puts shipped files flat in its work folder, next to the
 * application jar, and DJL scans a model's folder for jars, so an executor never loads a model from there: it copies
 * the files into a new folder under its scratch folder (keeping their names and sub-folders) and checks each copy's
 * SHA-256 against the driver's before anything loads it. Used for feature extractors ({@link ExtractorRecipe}) and
 * language models ({@link LmSource}).
 *
 * @param modelId the plan's model id (names the model in errors)
 * @param files   the shipped files
 */
public record ModelShipment(String modelId, List<ShippedFile> files) implements Serializable {
    /** The driver JVM's folder of staged copies (one per JVM, removed when it exits). */
    private static Path staging;
    /** The executor JVM's folder of model copies. */
    private static Path scratch;

    /**
     * One shipped file.
     *
     * @param sparkName the name {@code SparkFiles.get} knows it by (unique in the job: model id, content hash, name)
     * @param name      its path inside the model's folder ({@code tokenizer/tokenizer.json}, {@code model.onnx})
     * @param sha256    its SHA-256 on the driver
     */
    public record ShippedFile(String sparkName, String name, String sha256) implements Serializable {
    }

    /**
     * Ships {@code sources} (path inside the model's folder → the driver's file) to the executors of {@code sc}: each
     * file is staged under a name made of the model id, the first 12 hex digits of its SHA-256 and its path, and added
     * to the job once (shipping the same model again, for another audit, adds nothing).
     */
    public static ModelShipment ship(SparkContext sc, String modelId, Map<String, Path> sources) throws IOException {
        ModelShipment shipment = of(modelId, sources);
        List<String> added = CollectionConverters.asJava(sc.listFiles());
        List<Path> paths = List.copyOf(sources.values());
        for (int i = 0; i < paths.size(); i++) {
            String unique = shipment.files().get(i).sparkName();
            Path staged = staging().resolve(unique);
            if (!Files.exists(staged)) {
                Path part = Files.createTempFile(staging(), unique, ".part");
                Files.copy(paths.get(i), part, StandardCopyOption.REPLACE_EXISTING);
                Files.move(part, staged, StandardCopyOption.ATOMIC_MOVE);
            }
            if (added.stream().noneMatch(u -> u.endsWith("/" + unique))) sc.addFile(staged.toString());
        }
        return shipment;
    }

    /** The shipment {@link #ship} makes of {@code sources}, without shipping anything (its names and hashes). */
    public static ModelShipment of(String modelId, Map<String, Path> sources) throws IOException {
        List<ShippedFile> files = new ArrayList<>();
        String id = modelId.replaceAll("[^A-Za-z0-9_.-]", "_");
        for (Map.Entry<String, Path> e : sources.entrySet()) {
            String sha = Sha256.of(e.getValue());
            files.add(new ShippedFile("genaudit-" + id + "-" + sha.substring(0, 12) + "-" + e.getKey().replace('/', '-'), e.getKey(), sha));
        }
        return new ModelShipment(modelId, List.copyOf(files));
    }

    /**
     * Copies the shipped files out of Spark's work folder into a new folder under {@code scratch} (the model's own),
     * checking each copy's SHA-256 against the driver's; returns the folder.
     */
    public Path copyInto(Path scratch, String folderPrefix) {
        try {
            Files.createDirectories(scratch);
            Path dir = Files.createTempDirectory(scratch, folderPrefix);
            for (ShippedFile f : files) {
                Path target = dir.resolve(f.name()).normalize();
                if (!target.startsWith(dir)) throw new IllegalStateException("model " + modelId + ": shipped file name " + f.name() + " leaves its folder");
                Files.createDirectories(target.getParent());
                Files.copy(Path.of(SparkFiles.get(f.sparkName())), target);
                String sha = Sha256.of(target);
                if (!sha.equals(f.sha256())) {
                    throw new IllegalStateException("model " + modelId + ": " + f.name() + " arrived with sha256 " + sha + ", the driver shipped " + f.sha256());
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("model " + modelId + ": cannot copy the shipped files into a folder of its own under " + scratch, e);
        }
    }

    /** Every regular file directly in {@code folder}, by name, in name order. */
    static Map<String, Path> folder(Path folder) throws IOException {
        Map<String, Path> out = new java.util.LinkedHashMap<>();
        try (Stream<Path> s = Files.list(folder)) {
            s.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).forEach(p -> out.put(p.getFileName().toString(), p));
        }
        return out;
    }

    /** This JVM's folder for the copies of shipped models (not Spark's work folder, which holds the application jar). */
    static synchronized Path scratch() {
        if (scratch == null) {
            try {
                Path dir = Files.createTempDirectory("genaudit-spark-models-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir), "genaudit-spark-models-cleanup"));
                scratch = dir;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a folder for model copies in " + System.getProperty("java.io.tmpdir"), e);
            }
        }
        return scratch;
    }

    private static synchronized Path staging() throws IOException {
        if (staging == null) {
            Path dir = Files.createTempDirectory("genaudit-spark-ship-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir), "genaudit-spark-ship-cleanup"));
            staging = dir;
        }
        return staging;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // leaving staged copies in the temp folder at exit is harmless
        }
    }
}
