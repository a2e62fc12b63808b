package io.genaudit.reports;

import io.genaudit.values.EnergyFigures;

import java.util.Map;

/**
 * Energy and emissions of one phase. {@code method} says how the energy was obtained ({@code measured-rapl},
 * {@code measured-nvml}, {@code estimated-tdp}); an estimate is never presented as a measurement. Low/high give the
 * range the method's uncertainty implies. {@code raw} keeps the counters or samples behind the figure, among them the
 * split by component that {@link #figures()} reads.
 */
public record EnergyFigure(String method, double joules, double joulesLow, double joulesHigh,
                           double gramsCo2e, double gramsCo2eLow, double gramsCo2eHigh, Map<String, Object> raw) {

    /** The split by component (CPU/GPU/RAM joules, mean RAM and GPU load), or null when the meter gave only a total. */
    public EnergyFigures figures() {
        return EnergyFigures.from(raw);
    }
}
