package io.genaudit.metrics.energy;

import java.util.Map;

/**
 * One phase's energy with what it produced, the input of {@link PerUnitEnergy}: mirrors the run record's PhaseRecord
 * (name, kind, model, energy, units) without depending on the reports module.
 *
 * @param kind  {@code train}, {@code sample} or {@code evaluate}
 * @param units produced units, e.g. {@code images -> 1000}, {@code tokens -> 51200}
 */
public record PhaseEnergy(String name, String kind, String model, EnergyReading energy, Map<String, Long> units) {
    public PhaseEnergy {
        units = units == null ? Map.of() : Map.copyOf(units);
    }
}
