package io.genaudit.metrics.energy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The user's energy settings, from a plan's {@code energy:} block or the {@code energy} command's options: the grid
 * region (ISO 3166-1 alpha-2, or ISO 3166-2 such as {@code US-CA}), an intensity override, the data centre's PUE, a
 * CPU TDP override and the GPU sampling interval.
 *
 * <p>PUE defaults to 1.0 (no facility overhead), as in CodeCarbon: the measured or estimated figure is then the IT
 * equipment's energy only. Set the PUE of your facility (the Uptime Institute's 2023 survey average is 1.58) to count
 * cooling and power distribution.
 *
 * @param region          the grid region code, or null for the world average
 * @param gramsPerKwh     intensity override in gCO2e/kWh, or null to use the table
 * @param pue             power usage effectiveness, at least 1
 * @param cpuTdpWatts     CPU TDP override in watts, or null to use the table
 * @param gpuSampleMillis nvidia-smi sampling interval in milliseconds
 * @param wue             water usage effectiveness of the facility in litres per kWh (CodeCarbon's {@code wue}); 0,
 *                        CodeCarbon's default, counts no water
 */
public record EnergySettings(String region, Double gramsPerKwh, double pue, Double cpuTdpWatts, long gpuSampleMillis, double wue) {
    /** Default WUE: 0 L/kWh, CodeCarbon's default (water not counted). */
    public static final double DEFAULT_WUE = 0.0;
    /** Default PUE: 1.0, CodeCarbon's default (no overhead assumed). */
    public static final double DEFAULT_PUE = 1.0;
    /** Default nvidia-smi sampling interval. */
    public static final long DEFAULT_GPU_SAMPLE_MILLIS = 200;
    /** The keys a plan's {@code energy:} block may hold. */
    public static final List<String> KEYS = List.of("region", "gramsPerKwh", "pue", "cpuTdpWatts", "gpuSampleMillis", "wue");

    /** Settings without a WUE (water not counted). */
    public EnergySettings(String region, Double gramsPerKwh, double pue, Double cpuTdpWatts, long gpuSampleMillis) {
        this(region, gramsPerKwh, pue, cpuTdpWatts, gpuSampleMillis, DEFAULT_WUE);
    }

    public EnergySettings {
        if (region != null) {
            region = region.strip().toUpperCase(Locale.ROOT).replace('_', '-');
            if (region.isEmpty()) throw new IllegalArgumentException("energy.region: empty region code");
            if (CarbonIntensityTable.bundled().find(region).isEmpty()) {
                String country = region.contains("-") ? region.substring(0, region.indexOf('-')) : null;
                String hint = country != null && CarbonIntensityTable.bundled().find(country).isPresent()
                        ? " (the sub-region is not in the bundled table; use region: " + country + " or give gramsPerKwh)"
                        : " (give gramsPerKwh for a grid the table lacks)";
                throw new IllegalArgumentException("energy.region: unknown region '" + region + "'" + hint
                        + "; known: " + String.join(", ", CarbonIntensityTable.bundled().codes()));
            }
        }
        if (gramsPerKwh != null && !(gramsPerKwh >= 0 && gramsPerKwh < 5000)) {
            throw new IllegalArgumentException("energy.gramsPerKwh: expected a number of gCO2e/kWh in [0, 5000), found " + gramsPerKwh);
        }
        if (!(pue >= 1.0 && pue <= 5.0)) {
            throw new IllegalArgumentException("energy.pue: expected a PUE in [1, 5] (facility energy / IT energy), found " + pue);
        }
        if (cpuTdpWatts != null && !(cpuTdpWatts > 0 && cpuTdpWatts <= 2000)) {
            throw new IllegalArgumentException("energy.cpuTdpWatts: expected watts in (0, 2000], found " + cpuTdpWatts);
        }
        if (!(wue >= 0 && wue <= 20)) {
            throw new IllegalArgumentException("energy.wue: expected a water usage effectiveness in [0, 20] litres per kWh, found " + wue);
        }
        if (gpuSampleMillis < 20 || gpuSampleMillis > 10_000) {
            throw new IllegalArgumentException("energy.gpuSampleMillis: expected milliseconds in [20, 10000], found " + gpuSampleMillis);
        }
    }

    /** No region (world average), PUE 1.0, table TDP, 200 ms GPU sampling. */
    public static EnergySettings defaults() {
        return new EnergySettings(null, null, DEFAULT_PUE, null, DEFAULT_GPU_SAMPLE_MILLIS);
    }

    /** The same settings for {@code region}. */
    public EnergySettings withRegion(String region) {
        return new EnergySettings(region, gramsPerKwh, pue, cpuTdpWatts, gpuSampleMillis, wue);
    }

    /**
     * Settings from a plan's {@code energy:} mapping (null or empty: defaults). An unknown key or a bad value throws
     * IllegalArgumentException naming the key ({@code energy.<key>}) and what was expected.
     */
    public static EnergySettings fromPlan(Map<String, Object> energy) {
        if (energy == null || energy.isEmpty()) return defaults();
        Set<String> allowed = Set.copyOf(KEYS);
        for (String k : energy.keySet()) {
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException("energy." + k + ": unknown key; allowed keys: " + String.join(", ", KEYS));
            }
        }
        Object region = energy.get("region");
        if (region != null && !(region instanceof String)) {
            throw new IllegalArgumentException("energy.region: expected a region code such as DE or US-CA, found " + region);
        }
        Double grams = number(energy, "gramsPerKwh");
        Double pue = number(energy, "pue");
        Double tdp = number(energy, "cpuTdpWatts");
        Double ms = number(energy, "gpuSampleMillis");
        Double wue = number(energy, "wue");
        if (ms != null && ms != Math.rint(ms)) throw new IllegalArgumentException("energy.gpuSampleMillis: expected a whole number of milliseconds, found " + ms);
        return new EnergySettings((String) region, grams, pue == null ? DEFAULT_PUE : pue, tdp,
                ms == null ? DEFAULT_GPU_SAMPLE_MILLIS : ms.longValue(), wue == null ? DEFAULT_WUE : wue);
    }

    private static Double number(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) return null;
        if (v instanceof Number n) return n.doubleValue();
        throw new IllegalArgumentException("energy." + key + ": expected a number, found '" + v + "'");
    }

    /** The carbon intensity these settings select: override, table row, or world average. */
    public CarbonIntensity intensity(CarbonIntensityTable table) {
        CarbonIntensity base = region == null ? table.worldAverage() : table.find(region).orElseThrow();
        return gramsPerKwh == null ? base : base.overriddenBy(gramsPerKwh);
    }
}
