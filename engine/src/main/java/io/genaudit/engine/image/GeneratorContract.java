package io.genaudit.engine.image;

import io.genaudit.engine.image.nn.Latents;

/**
 * What a plan declares about a generator file: latent size and distribution, number of classes (0 = no label input),
 * the range of its output, and optionally the image shape (0 = take it from the probe batch). Checked at load.
 */
public record GeneratorContract(int latentDim, Latents.Distribution distribution, int numClasses, OutputRange outputRange,
                                int channels, int height, int width) {
    /** The value range a generator's raw output is declared to have; genaudit maps it to [0,1]. */
    public enum OutputRange {
        MINUS_ONE_ONE(-1, 1), ZERO_ONE(0, 1);

        final float low, high;

        OutputRange(float low, float high) {
            this.low = low;
            this.high = high;
        }

        public static OutputRange parse(String s) {
            return switch (s.replace(" ", "")) {
                case "[-1,1]", "-1,1", "minus_one_one", "tanh" -> MINUS_ONE_ONE;
                case "[0,1]", "0,1", "zero_one", "sigmoid" -> ZERO_ONE;
                default -> throw new IllegalArgumentException("output range must be [-1,1] or [0,1], got '" + s + "'");
            };
        }

        @Override
        public String toString() {
            return "[" + (int) low + "," + (int) high + "]";
        }
    }

    public GeneratorContract {
        if (latentDim < 1) throw new IllegalArgumentException("latentDim must be >= 1, got " + latentDim);
        if (numClasses < 0) throw new IllegalArgumentException("numClasses must be >= 0");
    }

    public static GeneratorContract of(int latentDim, String distribution, String outputRange) {
        return new GeneratorContract(latentDim, Latents.Distribution.parse(distribution), 0, OutputRange.parse(outputRange), 0, 0, 0);
    }

    public GeneratorContract withClasses(int k) {
        return new GeneratorContract(latentDim, distribution, k, outputRange, channels, height, width);
    }

    public GeneratorContract withShape(int c, int h, int w) {
        return new GeneratorContract(latentDim, distribution, numClasses, outputRange, c, h, w);
    }
}
