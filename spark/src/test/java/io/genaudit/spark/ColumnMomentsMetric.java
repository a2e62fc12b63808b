package io.genaudit.spark;

import io.genaudit.metrics.contract.Metric;
import io.genaudit.metrics.contract.MetricInfo;
import io.genaudit.metrics.contract.MetricResult;
import io.genaudit.metrics.contract.Param;

import java.io.Serializable;

/**
 * A test-only metric with an exactly known merge: per-column count, mean and sum of squared deviations (Chan et al.'s
 * pairwise update), so the distributed runner can be checked without any production metric.
 */
public final class ColumnMomentsMetric implements Metric<ColumnMomentsMetric.Params, double[][], ColumnMomentsMetric.State, ColumnMomentsMetric.Result> {

    /** Delta degrees of freedom of the variance. */
    public record Params(@Param(help = "Delta degrees of freedom.", dflt = "1", min = 0, max = 1) int ddof) {
    }

    /** Mean of the column variances, with every column's mean and variance. */
    public record Result(double value, long n, int dim, double[] mean, double[] variance) implements MetricResult {
    }

    /** Count, means and M2 per column. */
    public static final class State implements Serializable {
        long n;
        double[] mean;
        double[] m2;
    }

    @Override
    public MetricInfo info() {
        return new MetricInfo("column-moments", "Column moments", "Mean column variance (test metric).",
                MetricInfo.Direction.NEITHER, "docs/spark.md", MetricInfo.Mergeability.SUMMARY);
    }

    @Override
    public Class<Params> parameterType() {
        return Params.class;
    }

    @Override
    public Class<double[][]> inputType() {
        return double[][].class;
    }

    @Override
    public Class<Result> resultType() {
        return Result.class;
    }

    @Override
    public State newState(Params params) {
        return new State();
    }

    @Override
    public State update(State s, double[][] batch) {
        for (double[] row : batch) {
            if (s.mean == null) {
                s.mean = new double[row.length];
                s.m2 = new double[row.length];
            }
            s.n++;
            for (int j = 0; j < row.length; j++) {
                double d = row[j] - s.mean[j];
                s.mean[j] += d / s.n;
                s.m2[j] += d * (row[j] - s.mean[j]);
            }
        }
        return s;
    }

    @Override
    public State merge(State a, State b) {
        if (b.n == 0) return a;
        if (a.n == 0) return b;
        long n = a.n + b.n;
        for (int j = 0; j < a.mean.length; j++) {
            double d = b.mean[j] - a.mean[j];
            a.m2[j] += b.m2[j] + d * d * a.n * (double) b.n / n;
            a.mean[j] += d * b.n / n;
        }
        a.n = n;
        return a;
    }

    @Override
    public Result compute(State s, Params p) {
        int d = s.mean.length;
        double[] var = new double[d];
        double sum = 0;
        for (int j = 0; j < d; j++) {
            var[j] = s.m2[j] / (s.n - p.ddof());
            sum += var[j];
        }
        return new Result(sum / d, s.n, d, s.mean.clone(), var);
    }
}
