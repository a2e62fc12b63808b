package io.genaudit.metrics.energy;

import io.genaudit.values.EnergyFigures;

import java.util.Map;

/**
 * Energy of one phase in joules with its method ({@code measured-rapl}, {@code measured-nvml}, {@code estimated-tdp})
 * and range, emissions in grams CO2e, the typed split by component ({@link EnergyFigures}, also written into
 * {@code raw} for the run record) and the raw counters or samples behind it.
 */
public record EnergyReading(String method, double joules, double joulesLow, double joulesHigh,
                            double gramsCo2e, double gramsCo2eLow, double gramsCo2eHigh, EnergyFigures figures,
                            Map<String, Object> raw) {
}
