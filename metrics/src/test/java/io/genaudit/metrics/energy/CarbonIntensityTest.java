package io.genaudit.metrics.energy;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CarbonIntensityTest {
    private final CarbonIntensityTable table = CarbonIntensityTable.bundled();

    @Test
    void tableIsDatedAndSourced() {
        CarbonIntensity de = table.find("de").orElseThrow();
        assertEquals("DEU", de.countryAlpha3());
        assertEquals("Germany", de.countryName());
        assertEquals(2023, de.year());
        assertTrue(de.source().startsWith("ember-owid-2023: Ember"), de.source());
        assertTrue(de.source().contains("Our World in Data"), de.source());
        assertEquals("table", de.basis());
        CarbonIntensity ca = table.find("us_ca").orElseThrow();
        assertEquals("California", ca.regionName());
        assertEquals("USA", ca.countryAlpha3());
        assertTrue(ca.source().contains("Energy Information Administration"), ca.source());
        assertTrue(table.codes().size() > 60);
        assertTrue(table.sources().keySet().containsAll(java.util.List.of("ember-owid-2023", "eia-2022", "nir-2024", "nga-2023")));
    }

    @Test
    void worldAverageIsTheFallback() {
        CarbonIntensity w = EnergySettings.defaults().intensity(table);
        assertEquals(480.0, w.gramsPerKwh());
        assertEquals("world-average", w.basis());
    }

    @Test
    void emissionsAreEnergyTimesPueTimesIntensity() {
        CarbonIntensity fr = table.find("FR").orElseThrow();
        // 3.6 MJ = 1 kWh; x PUE 1.5 x 56 g/kWh
        assertEquals(1.5 * fr.gramsPerKwh(), fr.grams(3.6e6, 1.5), 1e-9);
        assertEquals(0.0, fr.grams(0, 1.2));
    }

    @Test
    void overridesFromThePlan() {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("region", "DE");
        plan.put("gramsPerKwh", 350L);
        plan.put("pue", 1.2);
        plan.put("wue", 1.8);
        EnergySettings s = EnergySettings.fromPlan(plan);
        assertEquals(1.8, s.wue());
        assertEquals(EnergySettings.DEFAULT_WUE, EnergySettings.fromPlan(Map.of("region", "DE")).wue());
        CarbonIntensity i = s.intensity(table);
        assertEquals(350.0, i.gramsPerKwh());
        assertEquals("override", i.basis());
        assertEquals("DE", i.code());
        assertEquals(1.2, s.pue());
        assertEquals(table.find("DE").orElseThrow().gramsPerKwh(), EnergySettings.fromPlan(Map.of("region", "DE")).intensity(table).gramsPerKwh());
    }

    @Test
    void badPlanValuesNameTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EnergySettings.fromPlan(Map.of("regoin", "DE")));
        assertTrue(e.getMessage().startsWith("energy.regoin: unknown key"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EnergySettings.fromPlan(Map.of("region", "XX")));
        assertTrue(e.getMessage().startsWith("energy.region: unknown region 'XX'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EnergySettings.fromPlan(Map.of("region", "US-FL")));
        assertTrue(e.getMessage().contains("use region: US"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EnergySettings.fromPlan(Map.of("wue", -0.5)));
        assertTrue(e.getMessage().startsWith("energy.wue:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EnergySettings.fromPlan(Map.of("pue", 0.9)));
        assertTrue(e.getMessage().startsWith("energy.pue:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EnergySettings.fromPlan(Map.of("pue", "high")));
        assertTrue(e.getMessage().startsWith("energy.pue: expected a number"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EnergySettings.fromPlan(Map.of("gramsPerKwh", -1L)));
        assertTrue(e.getMessage().startsWith("energy.gramsPerKwh:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EnergySettings.fromPlan(Map.of("cpuTdpWatts", 0L)));
        assertTrue(e.getMessage().startsWith("energy.cpuTdpWatts:"), e.getMessage());
        assertEquals(EnergySettings.defaults(), EnergySettings.fromPlan(Map.of()));
        assertEquals(EnergySettings.defaults(), EnergySettings.fromPlan(null));
    }
}
