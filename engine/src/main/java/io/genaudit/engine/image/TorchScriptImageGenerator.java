package io.genaudit.engine.image;

import java.nio.file.Path;

/** A generator from a TorchScript file (torch.jit.trace/script), run with DJL's PyTorch engine; see {@link FileImageGenerator}. */
public final class TorchScriptImageGenerator extends FileImageGenerator {
    private TorchScriptImageGenerator(Path file, GeneratorContract contract) {
        super(file, ModelFileFormat.TORCHSCRIPT, contract);
    }

    public static TorchScriptImageGenerator load(Path file, GeneratorContract contract) {
        return new TorchScriptImageGenerator(file, contract);
    }
}
