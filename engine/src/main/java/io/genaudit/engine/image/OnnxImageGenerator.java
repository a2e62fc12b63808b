package io.genaudit.engine.image;

import java.nio.file.Path;

/** A generator from an ONNX file, run with DJL's OnnxRuntime engine; see {@link FileImageGenerator}. */
public final class OnnxImageGenerator extends FileImageGenerator {
    private OnnxImageGenerator(Path file, GeneratorContract contract) {
        super(file, ModelFileFormat.ONNX, contract);
    }

    public static OnnxImageGenerator load(Path file, GeneratorContract contract) {
        return new OnnxImageGenerator(file, contract);
    }
}
