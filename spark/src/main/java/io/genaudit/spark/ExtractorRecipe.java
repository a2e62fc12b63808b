package io.genaudit.spark;

import io.genaudit.audits.LoadedModel;
import io.genaudit.audits.ModelProvider;
import io.genaudit.audits.ModelSpec;
import io.genaudit.audits.Params;
import io.genaudit.audits.registry.Registry;
import io.genaudit.engine.InputException;
import io.genaudit.engine.io.OnnxExternalData;
import io.genaudit.engine.image.ImageFeatureExtractor;
import io.genaudit.engine.image.ModelSidecar;
import org.apache.spark.SparkContext;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How an executor rebuilds a plan's feature extractor (or image generator): the model's files shipped with
 * {@code SparkContext.addFile} ({@link ModelShipment}) and its plan options, loaded on the executor by the same
 * {@link ModelProvider} the single-machine run uses ({@code torchscript-features}, {@code onnx-features},
 * {@code shapes-features}; {@code torchscript-generator}, {@code onnx-generator}, {@code dcgan}, {@code vae}) from a copy
 * of the files in a folder of the model's own. The SHA-256 of every copied file and of the rebuilt model must equal
 * the driver's.
 *
 * @param type     the model type
 * @param options  the plan options without {@code path} and {@code train}
 * @param planFile the plan file (for error messages)
 * @param files    the shipped files (and the plan's model id)
 * @param mainFile the model file's name inside its folder, or null when {@code path} names the folder itself
 * @param sha256   the model's SHA-256 as the driver loaded it
 */
public record ExtractorRecipe(String type, Map<String, Object> options, String planFile,
                              ModelShipment files, String mainFile, String sha256) implements Serializable {

    /**
     * Ships the files of {@code loaded} (the model as the driver loaded it from {@code spec}) to the executors of
     * {@code sc}: the model file, its sidecar and an ONNX file's external-data files, or every file of a model folder.
     */
    public static ExtractorRecipe ship(SparkContext sc, ModelSpec spec, LoadedModel loaded) throws IOException {
        Object file = loaded.info().get("file");
        Object dir = loaded.info().get("modelDir");
        Map<String, Path> sources = new LinkedHashMap<>();
        String mainFile = null;
        if (file != null) {
            Path f = Path.of(file.toString()).toAbsolutePath();
            mainFile = f.getFileName().toString();
            sources.put(mainFile, f);
            if (mainFile.endsWith(".onnx")) sources.putAll(OnnxExternalData.files(spec.id(), f));
            Path sidecar = f.resolveSibling(ModelSidecar.FILE_NAME);
            if (Files.isRegularFile(sidecar)) sources.put(ModelSidecar.FILE_NAME, sidecar);
        } else if (dir != null) {
            sources.putAll(ModelShipment.folder(Path.of(dir.toString())));
        } else {
            throw new InputException("models." + spec.id(), "a " + spec.type() + " model cannot be shipped to Spark executors "
                    + "(a model file or folder is needed)");
        }
        Map<String, Object> options = serializableCopy(spec.params().values());
        options.remove("path");
        options.remove("train");
        return new ExtractorRecipe(spec.type(), options, spec.planFile(), ModelShipment.ship(sc, spec.id(), sources), mainFile, loaded.sha256());
    }

    /** The plan's model id. */
    public String modelId() {
        return files.modelId();
    }

    /** Loads the extractor on this JVM from the shipped files, copied into a new folder under {@code scratch}. */
    public ImageFeatureExtractor load(Path scratch) {
        return load(scratch, ImageFeatureExtractor.class);
    }

    /**
     * Loads the model on this JVM from the shipped files, copied into a new folder under {@code scratch}, as a
     * {@code kind} (a feature extractor, or an image generator: {@link GeneratorPool}).
     */
    public <T> T load(Path scratch, Class<T> kind) {
        String modelId = modelId();
        Path dir = files.copyInto(scratch, "model-" + sha256.substring(0, 12) + "-");
        try {
            Map<String, Object> opts = new LinkedHashMap<>(options);
            opts.put("path", (mainFile == null ? dir : dir.resolve(mainFile)).toString());
            ModelSpec spec = new ModelSpec(modelId, type, new Params(opts, "models." + modelId, planFile), planFile);
            ModelProvider provider = Registry.load().providers().get(type);
            LoadedModel m = provider.load(spec, new ModelLoadingContext(scratch, 0));
            if (!sha256.equals(m.sha256())) {
                m.close();
                throw new IllegalStateException("model " + modelId + ": the executor loaded sha256 " + m.sha256() + ", the driver " + sha256);
            }
            return kind.cast(m.handle());
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
