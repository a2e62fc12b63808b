package io.genaudit.metrics.energy;

import io.genaudit.values.EnergyFigures;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PerUnitEnergyTest {
    private static EnergyReading r(double j) {
        // grams = J / 3.6e6 x 360 g/kWh = J / 1e4; range +-10 %
        return new EnergyReading("estimated-tdp", j, 0.9 * j, 1.1 * j, j / 1e4, 0.9 * j / 1e4, 1.1 * j / 1e4, new EnergyFigures(j, 0, 0, null, null), Map.of());
    }

    @Test
    void perThousandUnitsAndTotalsByKind() {
        PerUnitEnergy.Summary s = PerUnitEnergy.of(List.of(
                new PhaseEnergy("train", "train", "lm", r(36_000), Map.of("tokens", 1_000_000L)),
                new PhaseEnergy("sample", "sample", "lm", r(2_000), Map.of("tokens", 4_000L)),
                new PhaseEnergy("sample-img", "sample", "gan", r(500), Map.of("images", 250L)),
                new PhaseEnergy("no-energy", "evaluate", "lm", null, Map.of("tokens", 10L))));
        assertEquals(38_500, s.total().joules(), 1e-9);
        assertEquals(38_500 / 3.6e6, s.total().kwh(), 1e-15);
        assertEquals(3, s.phasesWithEnergy());
        assertEquals(36_000, s.training().joules(), 1e-9);
        assertEquals(2_500, s.byKind().get("sample").joules(), 1e-9);
        PerUnitEnergy.PerThousand images = s.perThousand().get(0);
        assertEquals("images", images.unit());
        assertEquals(250, images.units());
        assertEquals(2_000, images.per1000().joules(), 1e-9);
        assertEquals(1_800, images.per1000().joulesLow(), 1e-9);
        assertEquals(0.2, images.per1000().gramsCo2e(), 1e-12);
        PerUnitEnergy.PerThousand tokens = s.perThousand().get(1);
        assertEquals(1_004_000, tokens.units());
        assertEquals(38_000.0 * 1000 / 1_004_000, tokens.per1000().joules(), 1e-9);
        assertEquals(List.of("train", "sample"), tokens.phases());
    }
}
