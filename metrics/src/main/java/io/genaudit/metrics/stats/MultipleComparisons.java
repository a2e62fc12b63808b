package io.genaudit.metrics.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Adjusts a family of p-values for multiple comparisons, as statsmodels {@code multipletests}: Holm's step-down
 * method controls the family-wise error rate, Benjamini-Hochberg controls the false discovery rate. Adjusted p-values
 * are returned in the input order; reject when adjusted p &lt;= alpha.
 */
public final class MultipleComparisons {
    /** A correction method by its plan name ({@code holm}, {@code bh}, {@code none}). */
    public enum Method {
        HOLM("holm"), BH("bh"), NONE("none");

        private final String planName;

        Method(String planName) {
            this.planName = planName;
        }

        public String planName() {
            return planName;
        }

        public static Method parse(String s) {
            for (Method m : values()) if (m.planName.equalsIgnoreCase(s)) return m;
            throw new IllegalArgumentException("correction must be holm, bh or none, got '" + s + "'");
        }

        public double[] adjust(double[] p) {
            return switch (this) {
                case HOLM -> holm(p);
                case BH -> benjaminiHochberg(p);
                case NONE -> p.clone();
            };
        }
    }

    private MultipleComparisons() {
    }

    public static double[] holm(double[] p) {
        int m = p.length;
        Integer[] order = sortedOrder(p);
        double[] adj = new double[m];
        double running = 0;
        for (int i = 0; i < m; i++) {
            double v = Math.min(1.0, (m - i) * p[order[i]]);
            running = Math.max(running, v);
            adj[order[i]] = running;
        }
        return adj;
    }

    public static double[] benjaminiHochberg(double[] p) {
        int m = p.length;
        Integer[] order = sortedOrder(p);
        double[] adj = new double[m];
        double running = 1.0;
        for (int i = m - 1; i >= 0; i--) {
            double v = Math.min(1.0, p[order[i]] * m / (i + 1));
            running = Math.min(running, v);
            adj[order[i]] = running;
        }
        return adj;
    }

    private static Integer[] sortedOrder(double[] p) {
        for (double v : p) if (Double.isNaN(v) || v < 0 || v > 1) throw new IllegalArgumentException("p-values must be in [0,1], got " + Arrays.toString(p));
        Integer[] order = IntStream.range(0, p.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i])); // stable: ties keep input order, like numpy mergesort
        return order;
    }
}
