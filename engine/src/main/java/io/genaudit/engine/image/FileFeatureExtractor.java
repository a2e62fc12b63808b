package io.genaudit.engine.image;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.genaudit.engine.ModelContractException;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * A feature extractor from a TorchScript or ONNX file: float32 [B, 3, H, W] in [0,1] to [B, D]. Images are passed
 * as they come (resize them first, see {@link io.genaudit.engine.image.Resize}). A probe batch of 2 at the declared
 * input size is run at load; a non-2-D or non-finite output raises {@link ModelContractException}.
 */
public class FileFeatureExtractor implements ImageFeatureExtractor {
    private final FileModel model;
    private final int dimension;
    private final int inputHeight, inputWidth;

    FileFeatureExtractor(Path file, FileModel.Format format, int inputHeight, int inputWidth) {
        this.model = FileModel.load(file, format);
        this.inputHeight = inputHeight;
        this.inputWidth = inputWidth;
        try {
            float[] probe = new float[2 * 3 * inputHeight * inputWidth];
            for (int i = 0; i < probe.length; i++) probe[i] = (i % 17) / 16f;
            double[][] f = run(new Images(2, 3, inputHeight, inputWidth, probe), true);
            this.dimension = f[0].length;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * The extractor {@code make} builds for 32x32 probe images, or for 299x299 (Inception's size) when the engine
     * rejects 32x32: how a model file is loaded when the command line gives no input size.
     */
    static <X extends FileFeatureExtractor> X probingSize(java.util.function.BiFunction<Integer, Integer, X> make) {
        try {
            return make.apply(32, 32);
        } catch (ModelContractException e) {
            if (!e.getMessage().contains("the engine failed")) throw e;
            return make.apply(299, 299);
        }
    }

    private double[][] run(Images batch, boolean probe) {
        String who = String.valueOf(model.file);
        if (batch.channels() != 3) {
            throw new IllegalArgumentException("feature extractors take 3-channel images, got " + batch.channels());
        }
        try (NDManager m = model.newManager()) {
            NDArray x = m.create(batch.data(), new Shape(batch.n(), 3, batch.height(), batch.width()));
            NDList out = model.run(new NDList(x), "images float32 [" + batch.n() + ", 3, " + batch.height() + ", " + batch.width() + "] in [0,1]");
            if (out.isEmpty()) throw new ModelContractException(who, "one output tensor", "none");
            NDArray y = out.get(0);
            long[] s = y.getShape().getShape();
            if (s.length != 2 || s[0] != batch.n()) {
                throw new ModelContractException(who, "features [" + batch.n() + ", D]", "shape " + Arrays.toString(s));
            }
            if (!probe && s[1] != dimension) {
                throw new ModelContractException(who, "feature dimension " + dimension + " (as at load)", "" + s[1]);
            }
            float[] d = y.toType(DataType.FLOAT32, false).toFloatArray();
            double[][] f = new double[(int) s[0]][(int) s[1]];
            for (int i = 0; i < s[0]; i++) {
                for (int j = 0; j < s[1]; j++) {
                    float v = d[(int) (i * s[1] + j)];
                    if (!Float.isFinite(v)) throw new ModelContractException(who, "finite feature values", "NaN or infinity");
                    f[i][j] = v;
                }
            }
            return f;
        }
    }

    public String sha256() {
        return model.sha256;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public double[][] extract(Images batch) {
        return run(batch, false);
    }

    @Override
    public String describe() {
        return model.format.label + " feature extractor " + model.file.getFileName() + " (sha256 " + model.sha256.substring(0, 12)
                + ", D=" + dimension + ", probed at " + inputWidth + "x" + inputHeight + ")";
    }

    @Override
    public void close() {
        model.close();
    }
}
