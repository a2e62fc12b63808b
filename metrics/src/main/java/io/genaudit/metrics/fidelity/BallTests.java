package io.genaudit.metrics.fidelity;

import java.io.Serializable;
import java.util.stream.IntStream;

/**
 * The k-NN ball tests of precision, recall, density and coverage over one tile of real × generated distances, in a
 * form that merges exactly: for each real row the distance to its nearest generated row and whether it lies inside a
 * generated ball (coverage, recall), for each generated row how many real balls hold it (precision, density).
 * Tiles of the same real rows merge by minimum and "or", tiles of the same generated rows by adding counts; either
 * part may be null (a tile's share kept for one side only).
 *
 * @param nearestFake      per real row: the smallest distance to a generated row seen, or null
 * @param recalled         per real row: inside the ball of a generated row seen, or null
 * @param realBallsHolding per generated row: real balls (strict {@code <} radius) holding it, or null
 */
public record BallTests(double[] nearestFake, boolean[] recalled, int[] realBallsHolding) implements Serializable {

    /**
     * The tests of q real rows against r generated rows from distances {@code dist[off + i*stride + j]}; real row i
     * has radius {@code realRadii[realFrom + i]}, generated row j {@code fakeRadii[fakeFrom + j]}. Comparisons are the
     * prdc package's: strict, NaN never inside.
     */
    public static BallTests of(double[] dist, int off, int stride, int q, int r,
                               double[] realRadii, int realFrom, double[] fakeRadii, int fakeFrom) {
        double[] nearest = new double[q];
        boolean[] recalled = new boolean[q];
        int[][] hits = new int[q][];
        IntStream.range(0, q).parallel().forEach(i -> {
            int base = off + i * stride;
            double ri = realRadii[realFrom + i];
            double min = Double.POSITIVE_INFINITY;
            boolean inFakeBall = false;
            int[] h = new int[8];
            int nh = 0;
            for (int j = 0; j < r; j++) {
                double v = dist[base + j];
                if (v < min) min = v;
                if (v < fakeRadii[fakeFrom + j]) inFakeBall = true;
                if (v < ri) {
                    if (nh == h.length) h = java.util.Arrays.copyOf(h, nh * 2);
                    h[nh++] = j;
                }
            }
            nearest[i] = min;
            recalled[i] = inFakeBall;
            hits[i] = java.util.Arrays.copyOf(h, nh);
        });
        int[] holding = new int[r];
        for (int[] h : hits) for (int j : h) holding[j]++;
        return new BallTests(nearest, recalled, holding);
    }

    /** This tile's share for its real rows only. */
    public BallTests realPart() {
        return new BallTests(nearestFake, recalled, null);
    }

    /** This tile's share for its generated rows only. */
    public BallTests fakePart() {
        return new BallTests(null, null, realBallsHolding);
    }

    /** The tests of the same rows over both tiles' generated (real) rows together. */
    public BallTests merge(BallTests o) {
        double[] nearest = nearestFake == null ? o.nearestFake : o.nearestFake == null ? nearestFake : nearestFake.clone();
        boolean[] rec = recalled == null ? o.recalled : o.recalled == null ? recalled : recalled.clone();
        if (nearestFake != null && o.nearestFake != null) {
            for (int i = 0; i < nearest.length; i++) {
                if (o.nearestFake[i] < nearest[i]) nearest[i] = o.nearestFake[i];
                rec[i] |= o.recalled[i];
            }
        }
        int[] holding = realBallsHolding == null ? o.realBallsHolding : o.realBallsHolding == null ? realBallsHolding : realBallsHolding.clone();
        if (realBallsHolding != null && o.realBallsHolding != null) {
            for (int j = 0; j < holding.length; j++) holding[j] += o.realBallsHolding[j];
        }
        return new BallTests(nearest, rec, holding);
    }

    /** Real rows whose nearest generated row lies inside their own ball (radius {@code realRadii[realFrom + i]}). */
    public int covered(double[] realRadii, int realFrom) {
        int c = 0;
        for (int i = 0; i < nearestFake.length; i++) if (nearestFake[i] < realRadii[realFrom + i]) c++;
        return c;
    }

    /** Real rows inside at least one generated ball. */
    public int recalledCount() {
        int c = 0;
        for (boolean b : recalled) if (b) c++;
        return c;
    }

    /** Generated rows inside at least one real ball. */
    public int precise() {
        int c = 0;
        for (int h : realBallsHolding) if (h > 0) c++;
        return c;
    }

    /** Real balls holding a generated row, summed over the generated rows. */
    public long balls() {
        long c = 0;
        for (int h : realBallsHolding) c += h;
        return c;
    }
}
