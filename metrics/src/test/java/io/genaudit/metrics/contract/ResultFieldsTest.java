package io.genaudit.metrics.contract;

import io.genaudit.values.Interval;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link GateFields} and {@link ResultFields}: the gate fields and output keys derived from a result record. */
class ResultFieldsTest {

    enum Route { CHOLESKY, EIGEN_FALLBACK }

    record Sample(double value, long n, Interval ci, int dim, Double fidInfinity, Float ratio, boolean offsetApplied,
                  String sqrtMethod, Route route, Interval fidInfinityCi, Interval spread, double[] fids, int[] sizes,
                  Integer missing, List<String> notes) implements MetricResult {
    }

    record NoValue(double score, long n) {
    }

    private static final Interval CI = new Interval(0.95, 1, 2, "bootstrap");
    private static final Sample SAMPLE = new Sample(3.5, 100, CI, 64, 2.25, 0.5f, true, "cholesky", Route.EIGEN_FALLBACK,
            new Interval(0.95, 0.5, 4, "refit"), new Interval(0.9, -1, 1, "half-sampling"), new double[]{1, 2}, new int[]{3, 4},
            null, List.of("a note"));

    @Test
    void gateFieldsAreTheNumericComponents() {
        GateFields<Sample> g = GateFields.of(Sample.class);
        assertEquals(Set.of("value", "n", "dim", "fid_infinity", "ratio", "missing"), g.names());
        assertEquals(3.5, g.read(SAMPLE, "value"));
        assertEquals(100, g.read(SAMPLE, "n"));
        assertEquals(2.25, g.read(SAMPLE, "fid_infinity"));
        assertEquals(0.5, g.read(SAMPLE, "ratio"));
        assertTrue(Double.isNaN(g.read(SAMPLE, "missing")), "an absent boxed number reads as NaN");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.read(SAMPLE, "sqrt_method"));
        assertEquals("no gate field sqrt_method", e.getMessage());
    }

    @Test
    void aResultWithoutValueIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> GateFields.of(NoValue.class));
        assertTrue(e.getMessage().endsWith("NoValue has no numeric 'value' component"), e.getMessage());
    }

    @Test
    void detailsUseSnakeCaseKeysAndExpandIntervals() {
        Map<String, Object> d = ResultFields.details(SAMPLE);
        assertEquals(List.of("dim", "fid_infinity", "ratio", "offset_applied", "sqrt_method", "route",
                "fid_infinity_ci_low", "fid_infinity_ci_high", "fid_infinity_ci_method",
                "spread_ci_low", "spread_ci_high", "spread_ci_method", "fids", "sizes"), List.copyOf(d.keySet()));
        assertEquals(64, d.get("dim"));
        assertEquals(true, d.get("offset_applied"));
        assertEquals("eigen-fallback", d.get("route"));
        assertEquals(0.5, d.get("fid_infinity_ci_low"));
        assertEquals(4.0, d.get("fid_infinity_ci_high"));
        assertEquals("refit", d.get("fid_infinity_ci_method"));
        assertEquals(-1.0, d.get("spread_ci_low"));
        assertEquals(List.of(1.0, 2.0), d.get("fids"));
        assertEquals(List.of(3, 4), d.get("sizes"));
    }
}
