package io.genaudit.engine.image;

/**
 * The two model file formats genaudit loads with DJL, TorchScript (PyTorch engine) and ONNX (OnnxRuntime engine):
 * the format a {@link FileFeatureExtractor} or file-backed generator is opened as.
 */
public enum ModelFileFormat {
    TORCHSCRIPT("PyTorch", "TorchScript"), ONNX("OnnxRuntime", "ONNX");

    final String engine, label;

    ModelFileFormat(String engine, String label) {
        this.engine = engine;
        this.label = label;
    }
}
