package io.genaudit.values;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@link EnergyFigures} and {@link EnergySite} through the run record's maps, as written and as read back from JSON. */
class EnergyFiguresTest {

    @Test
    void figuresRoundTripThroughTheRawMap() {
        EnergyFigures f = new EnergyFigures(7200, 1800, 360, 4.0, 37.5);
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("components", "kept");
        f.putInto(raw);
        assertEquals(f, EnergyFigures.from(raw));
        assertEquals(9360, f.totalJoules());
        assertEquals(7200.0, raw.get("cpuJoules"));
        assertEquals("kept", raw.get("components"));
    }

    @Test
    void jsonShapedValuesAreRead() {
        // Jackson gives integers for whole numbers and the run record writes non-finite numbers as strings
        EnergyFigures f = EnergyFigures.from(Map.of("cpuJoules", 12, "ramJoules", "NaN", "gpuUtilizationPercentMean", "55.5"));
        assertEquals(new EnergyFigures(12, 0, 0, null, 55.5), f);
        assertNull(EnergyFigures.from(Map.of("tdpWatts", 120)), "no component joules: no split");
        assertNull(EnergyFigures.from(null));
    }

    @Test
    void siteRoundTripsAndDefaults() {
        EnergySite s = new EnergySite("process", 1.5, 1.8, 381.0, "DE", "Germany", "DEU", null, 16.0, 2, "H100");
        Map<String, Object> m = new LinkedHashMap<>();
        s.putInto(m);
        assertEquals(s, EnergySite.from(m));
        EnergySite none = EnergySite.from(Map.of("countryName", " ", "gpuCount", 0.0));
        assertEquals(new EnergySite(null, 1.0, 0.0, null, null, null, null, null, null, 0, null), none);
    }
}
