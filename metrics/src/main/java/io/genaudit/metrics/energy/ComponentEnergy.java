package io.genaudit.metrics.energy;

import java.util.Map;

/**
 * Energy of one hardware component (cpu, ram or gpu) over one phase, with the method that produced it and its range;
 * the composite meter sums components into an {@link EnergyReading} and keeps each one in the reading's raw record.
 *
 * @param component {@code cpu}, {@code ram} or {@code gpu}
 * @param method    {@code measured-rapl}, {@code measured-nvml}, {@code estimated-tdp} or {@code estimated-ram-model}
 * @param raw       the counters, samples or constants behind the figure
 */
public record ComponentEnergy(String component, String method, double joules, double joulesLow, double joulesHigh,
                              Map<String, Object> raw) {
    /** Whether the figure comes from a hardware counter or sensor rather than a model. */
    public boolean measured() {
        return method.startsWith("measured");
    }
}
