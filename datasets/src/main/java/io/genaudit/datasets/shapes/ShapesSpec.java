package io.genaudit.datasets.shapes;

import java.util.Arrays;
import java.util.List;

/**
 * What a shapes data set contains: how many images, their side length, and the probability of each attribute value
 * (shape, colour, size). Weights need not sum to one; they are normalised. Changing a weight is how skewed variants
 * (for bias audits) are made.
 *
 * @param count         number of images
 * @param side          image width and height in pixels
 * @param shapeWeights  weights of {@link #SHAPES} in order
 * @param colourWeights weights of {@link #COLOURS} in order
 * @param sizeWeights   weights of {@link #SIZES} in order
 * @param noiseSigma    standard deviation of the per-pixel Gaussian noise, in 0-255 units
 */
public record ShapesSpec(int count, int side, double[] shapeWeights, double[] colourWeights, double[] sizeWeights,
                         double noiseSigma) {
    public static final List<String> SHAPES = List.of("circle", "square", "triangle");
    public static final List<String> COLOURS = List.of("red", "green", "blue");
    public static final List<String> SIZES = List.of("small", "large");
    /** The attributes recorded per image, in labels.csv column order after {@code file}. */
    public static final List<String> ATTRIBUTES = List.of("shape", "colour", "size");

    public ShapesSpec {
        if (count < 1) throw new IllegalArgumentException("count must be >= 1, got " + count);
        if (side < 16) throw new IllegalArgumentException("side must be >= 16 pixels, got " + side);
        check("shapeWeights", shapeWeights, SHAPES.size());
        check("colourWeights", colourWeights, COLOURS.size());
        check("sizeWeights", sizeWeights, SIZES.size());
        if (!(noiseSigma >= 0)) throw new IllegalArgumentException("noiseSigma must be >= 0, got " + noiseSigma);
        shapeWeights = shapeWeights.clone();
        colourWeights = colourWeights.clone();
        sizeWeights = sizeWeights.clone();
    }

    private static void check(String name, double[] w, int n) {
        if (w == null || w.length != n) {
            throw new IllegalArgumentException(name + " needs " + n + " weights, got " + (w == null ? "null" : w.length));
        }
        double s = 0;
        for (double v : w) {
            if (!(v >= 0) || Double.isInfinite(v)) throw new IllegalArgumentException(name + " must be finite and >= 0: " + Arrays.toString(w));
            s += v;
        }
        if (s <= 0) throw new IllegalArgumentException(name + " must not all be zero");
    }

    /** Equal weights for every attribute value, 32x32 pixels, noise sigma 6. */
    public static ShapesSpec balanced(int count) {
        return new ShapesSpec(count, 32, new double[]{1, 1, 1}, new double[]{1, 1, 1}, new double[]{1, 1}, 6.0);
    }

    /** This spec with other colour weights (e.g. {@code 0.7, 0.15, 0.15} for 70% red). */
    public ShapesSpec withColourWeights(double... w) {
        return new ShapesSpec(count, side, shapeWeights, w, sizeWeights, noiseSigma);
    }

    /** This spec with other shape weights. */
    public ShapesSpec withShapeWeights(double... w) {
        return new ShapesSpec(count, side, w, colourWeights, sizeWeights, noiseSigma);
    }

    /** This spec with another image count. */
    public ShapesSpec withCount(int n) {
        return new ShapesSpec(n, side, shapeWeights, colourWeights, sizeWeights, noiseSigma);
    }

    /** The weights normalised to probabilities. */
    static double[] normalised(double[] w) {
        double s = 0;
        for (double v : w) s += v;
        double[] p = new double[w.length];
        for (int i = 0; i < w.length; i++) p[i] = w[i] / s;
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShapesSpec s && count == s.count && side == s.side && noiseSigma == s.noiseSigma
                && Arrays.equals(shapeWeights, s.shapeWeights) && Arrays.equals(colourWeights, s.colourWeights)
                && Arrays.equals(sizeWeights, s.sizeWeights);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(count, side, noiseSigma, Arrays.hashCode(shapeWeights), Arrays.hashCode(colourWeights),
                Arrays.hashCode(sizeWeights));
    }

    @Override
    public String toString() {
        return "ShapesSpec[count=" + count + ", side=" + side + ", shapes=" + Arrays.toString(shapeWeights)
                + ", colours=" + Arrays.toString(colourWeights) + ", sizes=" + Arrays.toString(sizeWeights)
                + ", noise=" + noiseSigma + "]";
    }
}
