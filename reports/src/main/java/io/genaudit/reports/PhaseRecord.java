package io.genaudit.reports;

import java.util.Map;

/**
 * Cost of one phase of a run (train, sample, evaluate): when it started, wall and process CPU time, energy, and
 * units produced ({@code images}, {@code tokens}) for per-unit figures.
 */
public record PhaseRecord(String name, String kind, String model, String start, double wallSeconds, double cpuSeconds,
                          EnergyFigure energy, Map<String, Long> units) {
}
