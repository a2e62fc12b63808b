package io.genaudit.engine.image;


import java.util.List;

/**
 * What a plan (or the model's {@code genaudit-model.json}) declares about a generator file: latent size and
 * distribution, number of classes (0 = no label input), the range of its output, optionally the image shape (0 = take
 * it from the probe batch), the inputs in the model's order ({@code z}, {@code class}, {@code truncation}; empty =
 * from the model's declared input names, else {@code (z)} or {@code (z, class)}) and the truncation value fed to a
 * {@code truncation} input. Checked at load.
 */
public record GeneratorContract(int latentDim, Latents.Distribution distribution, int numClasses, OutputRange outputRange,
                                int channels, int height, int width, List<Input> inputs, float truncation) {
    /** What genaudit can feed a generator input. */
    public enum Input {
        /** latents float32 [B, latentDim] */
        Z("z", "latent", "latents", "noise", "input", "x"),
        /** class labels int64 [B] */
        CLASS("class", "classes", "label", "labels", "y", "c", "class_labels", "class_idx"),
        /** the truncation value, float32 scalar */
        TRUNCATION("truncation", "psi", "truncation_psi", "trunc");

        final List<String> names;

        Input(String... names) {
            this.names = List.of(names);
        }

        /** The role of an input named {@code name} (case-insensitive), or null. */
        public static Input byName(String name) {
            String n = name.toLowerCase(java.util.Locale.ROOT);
            for (Input i : values()) if (i.names.contains(n)) return i;
            return null;
        }

        /** Every name genaudit recognises, for error messages. */
        public static String known() {
            StringBuilder b = new StringBuilder();
            for (Input i : values()) b.append(b.isEmpty() ? "" : "; ").append(i.name().toLowerCase(java.util.Locale.ROOT)).append(": ").append(i.names);
            return b.toString();
        }
    }
    /** The value range a generator's raw output is declared to have; genaudit maps it to [0,1]. */
    public enum OutputRange {
        MINUS_ONE_ONE(-1, 1), ZERO_ONE(0, 1), UINT8(0, 255);

        final float low, high;

        OutputRange(float low, float high) {
            this.low = low;
            this.high = high;
        }

        public static OutputRange parse(String s) {
            return switch (s.replace(" ", "")) {
                case "[-1,1]", "-1,1", "minus_one_one", "tanh" -> MINUS_ONE_ONE;
                case "[0,1]", "0,1", "zero_one", "sigmoid" -> ZERO_ONE;
                case "uint8", "[0,255]", "0,255" -> UINT8;
                default -> throw new IllegalArgumentException("output range must be [-1,1], [0,1] or uint8 ([0,255]), got '" + s + "'");
            };
        }

        /** Maps a raw output value to [0,1]. */
        public float toUnit(float v) {
            return (v - low) / (high - low);
        }

        @Override
        public String toString() {
            return "[" + (int) low + "," + (int) high + "]";
        }
    }

    public GeneratorContract {
        if (latentDim < 1) throw new IllegalArgumentException("latentDim must be >= 1, got " + latentDim);
        if (numClasses < 0) throw new IllegalArgumentException("numClasses must be >= 0");
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        if (inputs.contains(Input.CLASS) && numClasses < 1) throw new IllegalArgumentException("a class input needs numClasses >= 1");
        if (!inputs.isEmpty() && !inputs.contains(Input.Z)) throw new IllegalArgumentException("the inputs must include z");
        if (inputs.stream().distinct().count() != inputs.size()) throw new IllegalArgumentException("each input may appear once, got " + inputs);
        if (!(truncation > 0)) throw new IllegalArgumentException("truncation must be positive, got " + truncation);
    }

    /** The inputs to feed, in order: as declared, else {@code (z)} or {@code (z, class)}. */
    public List<Input> effectiveInputs() {
        if (!inputs.isEmpty()) return inputs;
        return numClasses > 0 ? List.of(Input.Z, Input.CLASS) : List.of(Input.Z);
    }

    public static GeneratorContract of(int latentDim, String distribution, String outputRange) {
        return new GeneratorContract(latentDim, Latents.Distribution.parse(distribution), 0, OutputRange.parse(outputRange), 0, 0, 0, List.of(), 1f);
    }

    public GeneratorContract withClasses(int k) {
        return new GeneratorContract(latentDim, distribution, k, outputRange, channels, height, width, inputs, truncation);
    }

    public GeneratorContract withShape(int c, int h, int w) {
        return new GeneratorContract(latentDim, distribution, numClasses, outputRange, c, h, w, inputs, truncation);
    }

    /** The same contract with the inputs in model order and the truncation value. */
    public GeneratorContract withInputs(List<Input> in, float psi) {
        return new GeneratorContract(latentDim, distribution, numClasses, outputRange, channels, height, width, in, psi);
    }
}
