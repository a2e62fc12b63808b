package io.genaudit.engine.image;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.genaudit.engine.ModelContractException;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * An image generator from a TorchScript or ONNX file: input latents float32 [B, z] (plus int64 labels [B] when
 * conditional), output [B, C, H, W] in the declared range, mapped to [0,1]. A probe batch of 2 is run at load and
 * every contract violation (shape, rank, range, non-finite values, rejected input) raises
 * {@link ModelContractException} with what was expected and found.
 */
public class FileImageGenerator implements ImageGenerator {
    private static final float RANGE_TOLERANCE = 1e-3f;
    private final FileModel model;
    private final GeneratorContract contract;
    private final int channels, height, width;

    FileImageGenerator(Path file, ModelFileFormat format, GeneratorContract declared) {
        this.model = FileModel.load(file, format);
        try {
            this.contract = withDeclaredInputs(declared, model);
            int[] probeLabels = contract.effectiveInputs().contains(GeneratorContract.Input.CLASS) ? new int[]{0, contract.numClasses() - 1} : null;
            float[] raw;
            long[] shape;
            try (NDManager m = model.newManager()) {
                NDArray out = forward(m, Latents.sample(2, contract.latentDim(), 1, contract.distribution()), 2, probeLabels);
                shape = out.getShape().getShape();
                raw = out.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
            }
            String who = String.valueOf(file);
            if (shape.length != 4 || shape[0] != 2) {
                throw new ModelContractException(who, "output [2, C, H, W] for a probe batch of 2", "shape " + Arrays.toString(shape));
            }
            if (shape[1] != 1 && shape[1] != 3) {
                throw new ModelContractException(who, "1 or 3 channels (NCHW layout)", shape[1] + " channels in " + Arrays.toString(shape));
            }
            check(who, "channels", contract.channels(), shape[1]);
            check(who, "height", contract.height(), shape[2]);
            check(who, "width", contract.width(), shape[3]);
            float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
            for (float v : raw) {
                if (!Float.isFinite(v)) throw new ModelContractException(who, "finite output values", "NaN or infinity");
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            GeneratorContract.OutputRange r = contract.outputRange();
            if (min < r.low - RANGE_TOLERANCE || max > r.high + RANGE_TOLERANCE) {
                throw new ModelContractException(who, "output values in " + r + " (declared outputRange)",
                        "values in [" + min + ", " + max + "] on a probe batch");
            }
            this.channels = (int) shape[1];
            this.height = (int) shape[2];
            this.width = (int) shape[3];
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * The contract with its inputs ordered as the model declares them: when the file names its inputs (ONNX graph
     * inputs), each name maps to what genaudit feeds ({@link GeneratorContract.Input#byName}); an input genaudit cannot
     * feed, or a count that differs from the declared inputs, is a contract violation naming the model's inputs.
     */
    private static GeneratorContract withDeclaredInputs(GeneratorContract c, FileModel model) {
        java.util.List<String> names = model.inputNames();
        if (names.isEmpty()) return c;
        java.util.List<GeneratorContract.Input> roles = new java.util.ArrayList<>();
        for (String n : names) roles.add(GeneratorContract.Input.byName(n));
        if (roles.contains(null)) {
            // names genaudit does not know (e.g. "input.1"): feed by position, as declared or as the default (z[, class])
            java.util.List<GeneratorContract.Input> positional = c.effectiveInputs();
            if (positional.size() == names.size()) return c;
            throw new ModelContractException(String.valueOf(model.file), "inputs genaudit can feed (" + GeneratorContract.Input.known()
                    + "), or declare them in order with inputs: [z, class, truncation]", "declared inputs " + names);
        }
        if (!c.inputs().isEmpty() && !new java.util.HashSet<>(c.inputs()).equals(new java.util.HashSet<>(roles))) {
            throw new ModelContractException(String.valueOf(model.file), "the declared inputs " + c.inputs(), "inputs " + names);
        }
        if (roles.contains(GeneratorContract.Input.CLASS) && c.numClasses() < 1) {
            throw new ModelContractException(String.valueOf(model.file), "numClasses declared (the model takes class labels: " + names + ")", "numClasses 0");
        }
        try {
            return c.withInputs(roles, c.truncation());
        } catch (IllegalArgumentException e) {
            throw new ModelContractException(String.valueOf(model.file), "inputs genaudit can feed", e.getMessage());
        }
    }

    private static void check(String who, String what, int declared, long found) {
        if (declared > 0 && declared != found) {
            throw new ModelContractException(who, what + " " + declared + " (declared)", what + " " + found);
        }
    }

    private NDArray forward(NDManager m, float[] z, int n, int[] labels) {
        NDList in = new NDList();
        StringBuilder desc = new StringBuilder();
        for (GeneratorContract.Input role : contract.effectiveInputs()) {
            desc.append(desc.isEmpty() ? "" : ", ");
            switch (role) {
                case Z -> {
                    in.add(m.create(z, new Shape(n, contract.latentDim())));
                    desc.append("latents float32 [").append(n).append(", ").append(contract.latentDim()).append("]");
                }
                case CLASS -> {
                    long[] l = new long[n];
                    for (int i = 0; i < n; i++) l[i] = labels[i];
                    in.add(m.create(l, new Shape(n)));
                    desc.append("labels int64 [").append(n).append("]");
                }
                case TRUNCATION -> {
                    in.add(m.create(contract.truncation()));
                    desc.append("truncation float32 scalar (").append(contract.truncation()).append(")");
                }
            }
        }
        NDList out = model.run(in, desc.toString());
        if (out.isEmpty()) throw new ModelContractException(String.valueOf(model.file), "one output tensor", "none");
        return out.get(0);
    }

    /** SHA-256 of the model file. */
    public String sha256() {
        return model.sha256;
    }

    public GeneratorContract contract() {
        return contract;
    }

    @Override
    public int latentDim() {
        return contract.latentDim();
    }

    @Override
    public int numClasses() {
        return contract.numClasses();
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public Images generate(int n, long seed, int[] labels) {
        if (n < 1) throw new IllegalArgumentException("n must be >= 1");
        if (contract.numClasses() > 0 && labels == null) labels = Latents.labels(n, contract.numClasses(), seed);
        return fromLatents(Latents.sample(n, contract.latentDim(), seed, contract.distribution()), n, labels);
    }

    /** Images from the given latents {@code z} [n * latentDim] (and labels when conditional), mapped to [0,1]. */
    public Images fromLatents(float[] z, int n, int[] labels) {
        if (z.length != n * contract.latentDim()) throw new IllegalArgumentException("z must hold n * latentDim values");
        int size = channels * height * width;
        float[] out = new float[n * size];
        GeneratorContract.OutputRange range = contract.outputRange();
        int chunk = 128;
        for (int from = 0; from < n; from += chunk) {
            int to = Math.min(n, from + chunk);
            try (NDManager m = model.newManager()) {
                NDArray y = forward(m, Arrays.copyOfRange(z, from * contract.latentDim(), to * contract.latentDim()), to - from,
                        labels == null ? null : Arrays.copyOfRange(labels, from, to));
                float[] d = y.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
                if (d.length != (to - from) * size) {
                    throw new ModelContractException(String.valueOf(model.file), (to - from) + " images of " + channels + "x" + height + "x" + width,
                            "shape " + y.getShape());
                }
                for (int i = 0; i < d.length; i++) out[from * size + i] = Math.max(0f, Math.min(1f, range.toUnit(d[i])));
            }
        }
        return new Images(n, channels, height, width, out);
    }

    @Override
    public String describe() {
        return model.format.label + " generator " + model.file.getFileName() + " (sha256 " + model.sha256.substring(0, 12)
                + ", inputs " + contract.effectiveInputs().stream().map(i -> i.name().toLowerCase()).toList()
                + (contract.effectiveInputs().contains(GeneratorContract.Input.TRUNCATION) ? " (truncation " + contract.truncation() + ")" : "")
                + ", z=" + contract.latentDim() + " " + contract.distribution().name().toLowerCase() + ", output "
                + contract.outputRange() + ", " + width + "x" + height + "x" + channels + ")";
    }

    @Override
    public void close() {
        model.close();
    }
}
