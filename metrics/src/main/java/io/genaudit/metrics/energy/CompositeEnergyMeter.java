package io.genaudit.metrics.energy;

import io.genaudit.values.EnergyFigures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's energy meter: sums its sources (RAPL or the TDP estimate for the CPU, RAPL DRAM or the RAM model, NVML for
 * GPUs) per phase, labels the result with the methods used (an estimate is never labelled as a measurement), and turns
 * energy into emissions with the PUE and carbon intensity stated in its {@link EnergyAssumptions}.
 *
 * @param components  the sources summed per phase
 * @param intensity   the grid carbon intensity emissions are computed with
 * @param pue         the power usage effectiveness applied to the energy
 * @param assumptions what the figures rest on, for the run's provenance
 */
public record CompositeEnergyMeter(List<EnergyComponent> components, CarbonIntensity intensity, double pue,
                                   EnergyAssumptions assumptions) implements EnergyMeter, AutoCloseable {
    public CompositeEnergyMeter {
        components = List.copyOf(components);
    }

    @Override
    public Session start(String phase) {
        List<EnergyComponent.Session> sessions = new ArrayList<>();
        for (EnergyComponent c : components) sessions.add(c.start());
        return (wall, cpu) -> {
            List<ComponentEnergy> parts = new ArrayList<>();
            for (EnergyComponent.Session s : sessions) parts.addAll(s.stop(wall, cpu));
            return combine(phase, parts, wall, cpu);
        };
    }

    /** Sums components into a reading; public so the method-label rule can be checked directly. */
    public EnergyReading combine(String phase, List<ComponentEnergy> parts, double wall, double cpu) {
        double j = 0, lo = 0, hi = 0;
        Map<String, Double> byComponent = new LinkedHashMap<>();
        List<Map<String, Object>> list = new ArrayList<>();
        for (ComponentEnergy p : parts) {
            j += p.joules();
            lo += p.joulesLow();
            hi += p.joulesHigh();
            byComponent.merge(p.component(), p.joules(), Double::sum);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("component", p.component());
            m.put("method", p.method());
            m.put("joules", p.joules());
            m.put("joulesLow", p.joulesLow());
            m.put("joulesHigh", p.joulesHigh());
            m.putAll(p.raw());
            list.add(m);
        }
        String method = methodLabel(parts);
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("phase", phase);
        raw.put("trackingMode", assumptions.trackingMode());
        raw.put("wallSeconds", wall);
        raw.put("cpuSeconds", cpu);
        EnergyFigures figures = figures(parts, byComponent);
        figures.putInto(raw);
        raw.put("pue", pue);
        raw.put("gramsPerKwh", intensity.gramsPerKwh());
        raw.put("region", intensity.code());
        raw.put("components", list);
        return new EnergyReading(method, j, lo, hi, intensity.grams(j, pue), intensity.grams(lo, pue), intensity.grams(hi, pue), figures, raw);
    }

    /** Joules per component, and the RAM and GPU components' mean load when they sampled it. */
    private static EnergyFigures figures(List<ComponentEnergy> parts, Map<String, Double> byComponent) {
        Double ramGb = null, gpuUtil = null;
        for (ComponentEnergy p : parts) {
            if (p.component().equals("ram") && p.raw().get("meanGb") instanceof Double gb) ramGb = gb;
            if (p.component().equals("gpu") && p.raw().get("utilizationPercentMean") instanceof Double u) gpuUtil = u;
        }
        return new EnergyFigures(byComponent.getOrDefault("cpu", 0.0), byComponent.getOrDefault("gpu", 0.0),
                byComponent.getOrDefault("ram", 0.0), ramGb, gpuUtil);
    }

    /**
     * The reading's method: estimated parts first, so a label starts with {@code measured} only when every included
     * component was measured. CPU estimated: {@code estimated-tdp} (it includes the RAM model); CPU measured but RAM
     * modelled: {@code estimated-ram}; then {@code measured-rapl} and {@code measured-nvml} as they apply, joined by '+'.
     */
    public static String methodLabel(List<ComponentEnergy> parts) {
        boolean cpuEstimated = false, ramEstimated = false, rapl = false, nvml = false;
        for (ComponentEnergy p : parts) {
            switch (p.method()) {
                case "estimated-tdp" -> cpuEstimated = true;
                case "estimated-ram-model" -> ramEstimated = true;
                case "measured-rapl" -> rapl = true;
                case "measured-nvml" -> nvml = true;
                default -> {
                    // not-measured parts add nothing and claim nothing
                }
            }
        }
        List<String> labels = new ArrayList<>();
        if (cpuEstimated) labels.add("estimated-tdp");
        else if (ramEstimated) labels.add("estimated-ram");
        if (rapl) labels.add("measured-rapl");
        if (nvml) labels.add("measured-nvml");
        return labels.isEmpty() ? "not-measured" : String.join("+", labels);
    }

    /** Stops background samplers (the nvidia-smi stream). */
    @Override
    public void close() {
        for (EnergyComponent c : components) {
            if (c instanceof AutoCloseable a) {
                try {
                    a.close();
                } catch (Exception ignored) {
                    // closing a sampler never fails the run
                }
            }
        }
    }
}
