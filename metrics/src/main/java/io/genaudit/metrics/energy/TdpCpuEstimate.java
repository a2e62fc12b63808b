package io.genaudit.metrics.energy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Estimates CPU energy from process CPU time where no counter is readable: CPU seconds x (TDP / hardware threads), the
 * time integral of CodeCarbon's process-mode power model (power = TDP x load / cores, linear, no idle floor).
 */
public final class TdpCpuEstimate implements EnergyComponent {
    private final CpuPower power;

    public TdpCpuEstimate(CpuPower power) {
        this.power = power;
    }

    public CpuPower power() {
        return power;
    }

    /** The estimate for {@code cpuSeconds} of process CPU time. */
    public ComponentEnergy estimate(double wallSeconds, double cpuSeconds) {
        double cpu = Double.isNaN(cpuSeconds) || cpuSeconds < 0 ? 0 : cpuSeconds;
        double j = cpu * power.wattsPerThread();
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("cpuSeconds", cpu);
        raw.put("wallSeconds", wallSeconds);
        raw.putAll(power.asMap());
        raw.put("formula", "cpuSeconds x tdpWatts / threads");
        if (Double.isNaN(cpuSeconds)) raw.put("note", "process CPU time unavailable; CPU energy set to 0");
        return new ComponentEnergy("cpu", "estimated-tdp", j, j * power.lowFactor(), j * power.highFactor(), raw);
    }

    @Override
    public EnergyComponent.Session start() {
        return (wall, cpu) -> List.of(estimate(wall, cpu));
    }
}
