package io.genaudit.values;

import java.util.Map;

/**
 * How one phase's energy splits, as the energy meter (metrics) measures it and the emissions CSV and report (reports)
 * read it: joules per component and the mean RAM and GPU load over the phase. The run record stores it inside the
 * phase's {@code energy.raw} object under the keys below, so {@link #putInto} and {@link #from} are the only code that
 * knows those keys and run.json keeps its layout.
 *
 * @param cpuJoules                 CPU package energy (measured or estimated), J
 * @param gpuJoules                 GPU energy, J (0 when no GPU was metered)
 * @param ramJoules                 RAM energy, J (0 when not modelled)
 * @param ramUsedGbMean             mean RAM in use over the phase, GB, or null when not sampled
 * @param gpuUtilizationPercentMean mean GPU utilisation over the phase, %, or null when not sampled
 */
public record EnergyFigures(double cpuJoules, double gpuJoules, double ramJoules, Double ramUsedGbMean,
                            Double gpuUtilizationPercentMean) {
    /** Key of {@link #cpuJoules()} in {@code energy.raw}. */
    public static final String CPU_JOULES = "cpuJoules";
    /** Key of {@link #gpuJoules()}. */
    public static final String GPU_JOULES = "gpuJoules";
    /** Key of {@link #ramJoules()}. */
    public static final String RAM_JOULES = "ramJoules";
    /** Key of {@link #ramUsedGbMean()}. */
    public static final String RAM_USED_GB_MEAN = "ramUsedGbMean";
    /** Key of {@link #gpuUtilizationPercentMean()}. */
    public static final String GPU_UTILIZATION_PERCENT_MEAN = "gpuUtilizationPercentMean";

    /** The sum of the three components, J. */
    public double totalJoules() {
        return cpuJoules + gpuJoules + ramJoules;
    }

    /** Writes the figures into a phase's raw map (optional means only when present). */
    public void putInto(Map<String, Object> raw) {
        raw.put(CPU_JOULES, cpuJoules);
        raw.put(RAM_JOULES, ramJoules);
        raw.put(GPU_JOULES, gpuJoules);
        if (ramUsedGbMean != null) raw.put(RAM_USED_GB_MEAN, ramUsedGbMean);
        if (gpuUtilizationPercentMean != null) raw.put(GPU_UTILIZATION_PERCENT_MEAN, gpuUtilizationPercentMean);
    }

    /**
     * The figures in a phase's raw map as read back from run.json (numbers may arrive as any Number or as the strings
     * "NaN"/"Infinity"); null when the map carries no component joules at all (a run record from an estimator that
     * gave only a total: callers then book the total as CPU energy).
     */
    public static EnergyFigures from(Map<String, ?> raw) {
        if (raw == null) return null;
        Double cpu = number(raw.get(CPU_JOULES));
        Double gpu = number(raw.get(GPU_JOULES));
        Double ram = number(raw.get(RAM_JOULES));
        if (cpu == null && gpu == null && ram == null) return null;
        return new EnergyFigures(orZero(cpu), orZero(gpu), orZero(ram), number(raw.get(RAM_USED_GB_MEAN)),
                number(raw.get(GPU_UTILIZATION_PERCENT_MEAN)));
    }

    /** A finite number from a JSON value, or null. */
    static Double number(Object o) {
        double v;
        if (o instanceof Number n) v = n.doubleValue();
        else if (o instanceof String s) {
            try {
                v = Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        } else return null;
        return Double.isFinite(v) ? v : null;
    }

    private static double orZero(Double v) {
        return v == null ? 0 : v;
    }
}
