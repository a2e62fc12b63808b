package io.genaudit.metrics.detect;

import smile.classification.GradientTreeBoost;
import smile.classification.LinearSVM;
import smile.classification.LogisticRegression;
import smile.classification.SVM;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;
import smile.math.MathEx;

import java.util.Locale;

/**
 * The classifiers a detectability audit can train on standardised features (Smile 4.4): L2-regularised logistic
 * regression (the linear probe of Durall et al.), a linear SVM, and gradient-boosted trees. Each returns a scorer where
 * a higher score means "more likely generated" (label 1).
 */
public enum DetectorClassifier {
    /**
     * Binomial logistic regression, L2 penalty {@link #LOGISTIC_LAMBDA}; score = the logit of P(generated) (monotone in the
     * probability, but it does not saturate to exactly 0 or 1, which would create artificial ties).
     */
    LOGISTIC {
        @Override
        public Scorer fit(double[][] x, int[] y, long seed) {
            LogisticRegression.Binomial m = LogisticRegression.binomial(x, y, new LogisticRegression.Options(LOGISTIC_LAMBDA, 1e-5, 500));
            return new LinearScorer(m.coefficients(), true);
        }
    },
    /** Linear SVM (hinge loss, C = 1); score = signed distance w·x + b. */
    SVM_LINEAR {
        @Override
        public Scorer fit(double[][] x, int[] y, long seed) {
            int[] pm = new int[y.length];
            for (int i = 0; i < y.length; i++) pm[i] = y[i] == 1 ? 1 : -1;
            MathEx.setSeed(seed);
            LinearSVM m = SVM.fit(x, pm, new SVM.Options(1.0));
            double[] w = m.weights();
            double[] wb = java.util.Arrays.copyOf(w, w.length + 1);
            wb[w.length] = m.intercept();
            return new LinearScorer(wb, false);
        }
    },
    /** Gradient tree boosting (100 trees, Smile defaults otherwise, seeded subsampling); score = P(generated). */
    GBT {
        @Override
        public Scorer fit(double[][] x, int[] y, long seed) {
            String[] names = columnNames(x[0].length);
            DataFrame df = DataFrame.of(x, names).add(new IntVector("y", y));
            MathEx.setSeed(seed);
            GradientTreeBoost m = GradientTreeBoost.fit(Formula.lhs("y"), df, new GradientTreeBoost.Options(100));
            return new Scorer() {
                public double score(double[] row) {
                    return scoreAll(new double[][]{row})[0];
                }

                public double[] scoreAll(double[][] rows) {
                    DataFrame test = DataFrame.of(rows, names);
                    double[] out = new double[rows.length];
                    double[] post = new double[2];
                    for (int i = 0; i < rows.length; i++) {
                        m.predict(test.get(i), post);
                        out[i] = post[1];
                    }
                    return out;
                }
            };
        }
    };

    /** L2 penalty of the logistic regression (Smile's lambda: added as lambda/2·|w|² to the negative log-likelihood sum). */
    public static final double LOGISTIC_LAMBDA = 1.0;

    /** Scores one standardised feature row; higher = more likely generated. */
    @FunctionalInterface
    public interface Scorer {
        double score(double[] row);

        /** Scores many rows (overridden where one call per row is slow). */
        default double[] scoreAll(double[][] rows) {
            double[] out = new double[rows.length];
            for (int i = 0; i < rows.length; i++) out[i] = score(rows[i]);
            return out;
        }
    }

    /**
     * A linear model scoring {@code w·x + b} (coefficients with the intercept last); for logistic regression that is the
     * logit, and {@link #probability} gives P(generated).
     */
    public record LinearScorer(double[] coefficients, boolean logistic) implements Scorer {
        @Override
        public double score(double[] row) {
            int p = coefficients.length - 1;
            if (row.length != p) throw new IllegalArgumentException("row has " + row.length + " features, model expects " + p);
            double z = coefficients[p];
            for (int j = 0; j < p; j++) z += coefficients[j] * row[j];
            return z;
        }

        /** P(generated) = sigmoid(score) for logistic regression. */
        public double probability(double[] row) {
            if (!logistic) throw new IllegalStateException("a linear SVM gives no probability");
            return 1 / (1 + Math.exp(-score(row)));
        }
    }

    /** Fits on standardised rows {@code x} with labels 0 (real) / 1 (generated). */
    public abstract Scorer fit(double[][] x, int[] y, long seed);

    /** The plan / CLI name: {@code logistic}, {@code svm}, {@code gbt}. */
    public String id() {
        return this == SVM_LINEAR ? "svm" : name().toLowerCase(Locale.ROOT);
    }

    public static DetectorClassifier parse(String id) {
        for (DetectorClassifier c : values()) if (c.id().equals(id)) return c;
        throw new IllegalArgumentException("unknown classifier '" + id + "'; expected logistic, svm or gbt");
    }

    private static String[] columnNames(int d) {
        String[] n = new String[d];
        for (int j = 0; j < d; j++) n[j] = "f" + j;
        return n;
    }
}
