package io.genaudit.metrics.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Mann-Whitney U test of two independent samples, matching {@code scipy.stats.mannwhitneyu} (statistic U1 of the first
 * sample; midranks for ties; normal approximation with tie-corrected variance and continuity correction, or the exact
 * null distribution for small samples without ties). Effect sizes: common-language effect size
 * {@code U1/(n1 n2) = P(X>Y) + P(X=Y)/2} and rank-biserial correlation {@code 2 CLES - 1}.
 */
public final class MannWhitneyU {
    /** How the p-value is obtained; {@code AUTO} is exact when either sample has at most 8 values and there are no ties. */
    public enum Method { AUTO, EXACT, ASYMPTOTIC }

    /** Test outcome plus the two effect sizes. */
    public record Result(double u1, double pValue, double commonLanguageEffect, double rankBiserial, int n1, int n2, String method) {
        public TestResult test() {
            return new TestResult(u1, pValue, method);
        }
    }

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private MannWhitneyU() {
    }

    public static Result test(double[] x, double[] y) {
        return test(x, y, Alternative.TWO_SIDED, Method.AUTO);
    }

    public static Result test(double[] x, double[] y, Alternative alternative, Method method) {
        int n1 = x.length, n2 = y.length;
        if (n1 == 0 || n2 == 0) throw new IllegalArgumentException("both samples need at least one value (got " + n1 + ", " + n2 + ")");
        int n = n1 + n2;
        double[] all = new double[n];
        System.arraycopy(x, 0, all, 0, n1);
        System.arraycopy(y, 0, all, n1, n2);
        for (double v : all) if (Double.isNaN(v)) throw new IllegalArgumentException("NaN in Mann-Whitney input");
        Ranks r = ranks(all);
        double r1 = 0;
        for (int i = 0; i < n1; i++) r1 += r.ranks[i];
        double u1 = r1 - n1 * (n1 + 1) / 2.0;
        double u2 = (double) n1 * n2 - u1;
        double u = switch (alternative) {
            case GREATER -> u1;
            case LESS -> u2;
            case TWO_SIDED -> Math.max(u1, u2);
        };
        boolean exact = switch (method) {
            case EXACT -> true;
            case ASYMPTOTIC -> false;
            case AUTO -> !(n1 > 8 && n2 > 8) && !r.hasTies;
        };
        double p;
        String how;
        if (exact) {
            p = exactSurvival((int) Math.round(u), n1, n2);
            how = "Mann-Whitney U, exact";
        } else {
            double s = Math.sqrt(n1 * (double) n2 / 12.0 * ((n + 1) - r.tieTerm / ((double) n * (n - 1))));
            double z = (u - n1 * (double) n2 / 2.0 - 0.5) / s;
            p = s == 0 ? 1.0 : NORMAL.cumulativeProbability(-z);
            how = "Mann-Whitney U, normal approximation (tie-corrected, continuity-corrected)";
        }
        if (alternative == Alternative.TWO_SIDED) p *= 2;
        p = Math.min(1, Math.max(0, p));
        double cles = u1 / ((double) n1 * n2);
        return new Result(u1, p, cles, 2 * cles - 1, n1, n2, how);
    }

    /** Midranks (1-based) of the values, whether there are ties, and sum(t^3 - t) over tie groups. */
    record Ranks(double[] ranks, boolean hasTies, double tieTerm) {
    }

    static Ranks ranks(double[] values) {
        int n = values.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        Arrays.sort(idx, (a, b) -> Double.compare(values[a], values[b]));
        double[] ranks = new double[n];
        double tie = 0;
        boolean ties = false;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && values[idx[j + 1]] == values[idx[i]]) j++;
            double mid = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) ranks[idx[k]] = mid;
            double t = j - i + 1;
            if (t > 1) {
                ties = true;
                tie += t * t * t - t;
            }
            i = j + 1;
        }
        return new Ranks(ranks, ties, tie);
    }

    private static final Map<Long, double[]> PMF_CACHE = new HashMap<>();

    /** P(U >= u) under the null for sample sizes n1, n2 (no ties). */
    static double exactSurvival(int u, int n1, int n2) {
        double[] pmf = nullPmf(n1, n2);
        double s = 0;
        for (int k = Math.max(0, u); k < pmf.length; k++) s += pmf[k];
        return s;
    }

    /** Null distribution of U by the recursion f(m,n,u) = f(m-1,n,u-n) + f(m,n-1,u), normalised. */
    static synchronized double[] nullPmf(int n1, int n2) {
        if ((long) n1 * n2 > 200_000) throw new IllegalArgumentException("exact Mann-Whitney too large for n1=" + n1 + ", n2=" + n2 + "; use ASYMPTOTIC");
        long key = ((long) n1 << 32) | n2;
        double[] cached = PMF_CACHE.get(key);
        if (cached != null) return cached;
        // f[m][k] for fixed current n (columns grow with n): iterate n from 0..n2, keep arrays for m in 0..n1
        double[][] f = new double[n1 + 1][];
        for (int m = 0; m <= n1; m++) f[m] = new double[]{1.0}; // n = 0: only U = 0
        for (int nn = 1; nn <= n2; nn++) {
            double[][] g = new double[n1 + 1][];
            g[0] = new double[]{1.0};
            for (int m = 1; m <= n1; m++) {
                double[] out = new double[m * nn + 1];
                double[] a = g[m - 1]; // f(m-1, nn, .) shifted by nn
                for (int k = 0; k < a.length; k++) out[k + nn] += a[k];
                double[] b = f[m]; // f(m, nn-1, .)
                for (int k = 0; k < b.length; k++) out[k] += b[k];
                g[m] = out;
            }
            f = g;
        }
        double[] counts = f[n1];
        double total = 0;
        for (double c : counts) total += c;
        double[] pmf = new double[counts.length];
        for (int k = 0; k < counts.length; k++) pmf[k] = counts[k] / total;
        PMF_CACHE.put(key, pmf);
        return pmf;
    }
}
