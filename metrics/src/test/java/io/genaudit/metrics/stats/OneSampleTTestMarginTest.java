package io.genaudit.metrics.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The minimum-effect p-value of {@link OneSampleTTest.Result#pValueBeyond}: outside the margin it equals the two-sided
 * t-test of mean = +-margin (the t-test itself is checked against scipy in {@link StatsReferenceTest}), inside it is 1,
 * margin 0 gives the ordinary p-value, and it is at most alpha exactly when the interval clears the margin.
 */
class OneSampleTTestMarginTest {
    static final double[] X = {0.61, 0.42, 0.75, 0.38, 0.55, 0.49, 0.70, 0.44, 0.58, 0.52};

    @Test
    void equalsTheTTestAgainstTheNearestMarginBoundary() {
        OneSampleTTest.Result r = OneSampleTTest.test(X, 0, 0.95);
        assertEquals(r.pValue(), r.pValueBeyond(0), 1e-15);
        assertEquals(OneSampleTTest.test(X, 0.4, 0.95).pValue(), r.pValueBeyond(0.4), 1e-12);
        double[] neg = new double[X.length];
        for (int i = 0; i < X.length; i++) neg[i] = -X[i];
        assertEquals(OneSampleTTest.test(neg, -0.4, 0.95).pValue(), OneSampleTTest.test(neg, 0, 0.95).pValueBeyond(0.4), 1e-12);
        assertEquals(1.0, r.pValueBeyond(0.6)); // mean 0.544 lies inside the margin
    }

    @Test
    void significantExactlyWhenTheIntervalClearsTheMargin() {
        OneSampleTTest.Result r = OneSampleTTest.test(X, 0, 0.95);
        double edge = r.ci().low(); // the 95% interval's lower end: margins below it are cleared
        assertTrue(r.pValueBeyond(edge - 1e-9) < 0.05);
        assertTrue(r.pValueBeyond(edge + 1e-9) > 0.05);
        assertEquals(0.05, r.pValueBeyond(edge), 1e-9);
    }

    @Test
    void rejectsNegativeOrInfiniteMargins() {
        OneSampleTTest.Result r = OneSampleTTest.test(X, 0, 0.95);
        assertThrows(IllegalArgumentException.class, () -> r.pValueBeyond(-0.1));
        assertThrows(IllegalArgumentException.class, () -> r.pValueBeyond(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> r.pValueBeyond(Double.NaN));
    }
}
