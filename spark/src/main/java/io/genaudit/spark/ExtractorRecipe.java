package io.genaudit.spark;

import io.genaudit.audits.LoadedModel;
import io.genaudit.audits.ModelProvider;
import io.genaudit.audits.ModelSpec;
import io.genaudit.audits.Params;
import io.genaudit.audits.registry.Registry;
import io.genaudit.engine.InputException;
import io.genaudit.engine.image.ImageFeatureExtractor;
import io.genaudit.engine.image.ModelSidecar;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkFiles;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How an executor rebuilds a plan's feature extractor: the model's files shipped with {@code SparkContext.addFile}
 * and its plan options, loaded on the executor by the same {@link ModelProvider} the single-machine run uses
 * ({@code torchscript-features}, {@code onnx-features}, {@code shapes-features}). Shipped files land in Spark's work
 * folder next to the application jar, and DJL scans a model's folder for jars, so {@link #load} first copies them into
 * a folder of the model's own. The SHA-256 of the rebuilt model must equal the driver's.
 *
 * @param modelId  the plan's model id
 * @param type     the model type
 * @param options  the plan options without {@code path} and {@code train}
 * @param planFile the plan file (for error messages)
 * @param files    the shipped files
 * @param mainFile the model file's name inside its folder, or null when {@code path} names the folder itself
 * @param sha256   the model's SHA-256 as the driver loaded it
 */
public record ExtractorRecipe(String modelId, String type, Map<String, Object> options, String planFile,
                              List<ShippedFile> files, String mainFile, String sha256) implements Serializable {

    /**
     * A file added to the Spark job.
     *
     * @param sparkName the name {@code SparkFiles.get} knows it by (unique in the job)
     * @param name      its name inside the model's folder
     */
    public record ShippedFile(String sparkName, String name) implements Serializable {
    }

    /**
     * Ships the files of {@code loaded} (the model as the driver loaded it from {@code spec}) to the executors of
     * {@code sc}, staged under {@code staging} with unique names.
     */
    public static ExtractorRecipe ship(SparkContext sc, ModelSpec spec, LoadedModel loaded, Path staging) throws IOException {
        Object file = loaded.info().get("file");
        Object dir = loaded.info().get("modelDir");
        List<Path> sources = new ArrayList<>();
        String mainFile = null;
        if (file != null) {
            Path f = Path.of(file.toString()).toAbsolutePath();
            sources.add(f);
            Path sidecar = f.resolveSibling(ModelSidecar.FILE_NAME);
            if (Files.isRegularFile(sidecar)) sources.add(sidecar);
            mainFile = f.getFileName().toString();
        } else if (dir != null) {
            try (Stream<Path> s = Files.list(Path.of(dir.toString()))) {
                s.filter(Files::isRegularFile).sorted().forEach(sources::add);
            }
        } else {
            throw new InputException("models." + spec.id(), "a " + spec.type() + " model cannot be shipped to Spark executors "
                    + "(a model file or folder is needed: torchscript-features, onnx-features or shapes-features)");
        }
        Files.createDirectories(staging);
        String tag = loaded.sha256().substring(0, 12);
        List<ShippedFile> shipped = new ArrayList<>();
        for (Path src : sources) {
            String unique = "genaudit-" + spec.id().replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + tag + "-" + src.getFileName();
            Path staged = staging.resolve(unique);
            Files.copy(src, staged, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            sc.addFile(staged.toString());
            shipped.add(new ShippedFile(unique, src.getFileName().toString()));
        }
        Map<String, Object> options = serializableCopy(spec.params().values());
        options.remove("path");
        options.remove("train");
        return new ExtractorRecipe(spec.id(), spec.type(), options, spec.planFile(), List.copyOf(shipped), mainFile, loaded.sha256());
    }

    /** Loads the extractor on this JVM from the shipped files, copied into a new folder under {@code scratch}. */
    public ImageFeatureExtractor load(Path scratch) {
        try {
            Files.createDirectories(scratch);
            Path dir = Files.createTempDirectory(scratch, "model-" + sha256.substring(0, 12) + "-");
            for (ShippedFile f : files) Files.copy(Path.of(SparkFiles.get(f.sparkName())), dir.resolve(f.name()));
            Map<String, Object> opts = new LinkedHashMap<>(options);
            opts.put("path", (mainFile == null ? dir : dir.resolve(mainFile)).toString());
            ModelSpec spec = new ModelSpec(modelId, type, new Params(opts, "models." + modelId, planFile), planFile);
            ModelProvider provider = Registry.load().providers().get(type);
            LoadedModel m = provider.load(spec, new ModelLoadingContext(scratch, 0));
            if (!sha256.equals(m.sha256())) {
                m.close();
                throw new IllegalStateException("model " + modelId + ": the executor loaded sha256 " + m.sha256() + ", the driver " + sha256);
            }
            return (ImageFeatureExtractor) m.handle();
        } catch (IOException e) {
            throw new UncheckedIOException("model " + modelId + ": cannot copy the shipped files into a folder of its own under " + scratch, e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("model " + modelId + ": cannot load on the executor: " + e.getMessage(), e);
        }
    }

    /** Plan option values (maps, lists, strings, numbers) copied into serializable collections. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> serializableCopy(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, copy(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object copy(Object v) {
        if (v instanceof Map<?, ?> m) return serializableCopy((Map<String, Object>) m);
        if (v instanceof List<?> l) return new ArrayList<>(l.stream().map(ExtractorRecipe::copy).toList());
        return v;
    }
}
