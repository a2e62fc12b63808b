package io.genaudit.engine.image;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import io.genaudit.engine.InputException;
import io.genaudit.engine.TorchThreads;
import io.genaudit.engine.io.Sha256;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A TorchScript or ONNX file loaded with DJL (PyTorch or OnnxRuntime engine, CPU) behind a raw NDList-to-NDList
 * predictor, with the file's SHA-256 for provenance. Shared by the file-backed generators and feature extractors.
 */
final class FileModel implements AutoCloseable {
    final Path file;
    final ModelFileFormat format;
    final String sha256;
    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;

    private FileModel(Path file, ModelFileFormat format, String sha256, ZooModel<NDList, NDList> model) {
        this.file = file;
        this.format = format;
        this.sha256 = sha256;
        this.model = model;
        this.predictor = model.newPredictor();
    }

    static FileModel load(Path file, ModelFileFormat format) {
        if (!Files.isRegularFile(file)) throw new InputException(file, "no such " + format.label + " model file");
        String sha;
        try {
            sha = Sha256.of(file);
        } catch (IOException e) {
            throw new InputException(String.valueOf(file), "cannot read: " + e.getMessage(), e);
        }
        if (format == ModelFileFormat.TORCHSCRIPT) TorchThreads.pin();
        Criteria<NDList, NDList> c = Criteria.builder().setTypes(NDList.class, NDList.class)
                .optModelPath(file.toAbsolutePath()).optEngine(format.engine).optTranslator(new NoopTranslator())
                .optDevice(format == ModelFileFormat.TORCHSCRIPT ? io.genaudit.engine.ComputeDevice.current().djl() : ai.djl.Device.cpu())
                .build();
        try {
            return new FileModel(file, format, sha, c.loadModel());
        } catch (Exception e) {
            throw new InputException(String.valueOf(file), "cannot load as a " + format.label + " model: " + e.getMessage(), e);
        }
    }

    /** The input names the file declares (ONNX graph inputs), in order; empty when the format does not name them. */
    java.util.List<String> inputNames() {
        try {
            var d = model.describeInput();
            if (d == null || d.isEmpty()) return java.util.List.of();
            java.util.List<String> names = new java.util.ArrayList<>(d.keys());
            return names.stream().allMatch(n -> n != null && !n.isBlank()) ? names : java.util.List.of();
        } catch (RuntimeException e) {
            return java.util.List.of();
        }
    }

    NDManager newManager() {
        return model.getNDManager().newSubManager();
    }

    /** Runs the model; engine failures (wrong input shape, dtype) become a contract violation naming the input. */
    synchronized NDList run(NDList inputs, String inputDescription) {
        try {
            return predictor.predict(inputs);
        } catch (Exception e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new io.genaudit.engine.ModelContractException(String.valueOf(file),
                    "the model to accept " + inputDescription, "the engine failed: " + msg);
        }
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }
}
