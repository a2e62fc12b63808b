package io.genaudit.metrics.energy;

import io.genaudit.values.EnergySite;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything an energy or emission figure of a run rests on, in plain words: the method, PUE, carbon intensity (value,
 * region, source, year), CPU TDP and its source, the RAM W/GB constant and its source, and the uncertainty rule. The
 * harness stores {@link #asMap()} as the run's {@code provenance.energyAssumptions}; the report shows it.
 */
public record EnergyAssumptions(String method, String trackingMode, double pue, String pueSource,
                                CarbonIntensity intensity, CpuPower cpu, String ramMemory, String rapl, String gpu,
                                int gpuCount, String gpuModel, Double ramTotalGb, List<String> notes, double wue, String wueSource) {
    /** How the low/high range of a figure is set, stated once for the report. */
    public static final String UNCERTAINTY_RULE = "Ranges are stated bounds, not statistical intervals. CPU estimate: "
            + CpuPower.MATCHED_LOW + "x-" + CpuPower.MATCHED_HIGH + "x when the CPU's TDP is known (power is sub-linear in "
            + "busy threads; turbo can exceed TDP), " + CpuPower.UNKNOWN_LOW + "x-" + CpuPower.UNKNOWN_HIGH
            + "x when it is not. RAM model: " + RamPowerModel.LOW + "x-" + RamPowerModel.HIGH + "x (per-DIMM power "
            + "varies with DIMM size). NVML: +/- " + NvidiaGpuComponent.ACCURACY_WATTS + " W per GPU over the phase. "
            + "RAPL: no published error bound, the counter value is given as is. Component bounds are added (treated as "
            + "fully correlated). Emissions bounds are the energy bounds times PUE and intensity; the intensity itself "
            + "is an annual average and carries no range.";

    /** How water is estimated (CodeCarbon 3.x: WUE times the energy including PUE). */
    public static final String WATER_FORMULA = "litres = WUE (L/kWh) x joules / 3.6e6 x PUE (estimated from the stated WUE, not metered)";

    /** How emissions are computed. */
    public static final String EMISSIONS_FORMULA = "gCO2e = joules / 3.6e6 x PUE x gCO2e/kWh";

    public EnergyAssumptions {
        notes = List.copyOf(notes);
    }

    /** The figures the reports and cards read back from the run record (location, PUE/WUE, intensity, hardware). */
    public EnergySite site() {
        return new EnergySite(trackingMode, pue, wue, intensity.gramsPerKwh(), intensity.code(), intensity.countryName(),
                intensity.countryAlpha3(), intensity.regionName(), ramTotalGb, gpuCount, gpuModel);
    }

    /** Plain values (stable camelCase keys) for the run record's provenance.energyAssumptions. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", method);
        site().putInto(m);
        m.put("pueSource", pueSource);
        m.put("wueSource", wueSource);
        m.put("waterFormula", WATER_FORMULA);
        m.put("intensityYear", intensity.year() == 0 ? null : intensity.year());
        m.put("intensitySource", intensity.source());
        m.put("intensityBasis", intensity.basis());
        m.putAll(cpu.asMap());
        m.put("ramWattsPerGb", RamPowerModel.WATTS_PER_GB);
        m.put("ramSource", RamPowerModel.SOURCE);
        m.put("ramMemory", ramMemory);
        m.put("rapl", rapl);
        m.put("gpu", gpu);
        m.put("emissionsFormula", EMISSIONS_FORMULA);
        m.put("uncertaintyRule", UNCERTAINTY_RULE);
        m.put("notes", notes);
        return m;
    }
}
