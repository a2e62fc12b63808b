package io.genaudit.metrics.energy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CPU power figures the {@code estimated-tdp} method uses: the model, its TDP and hardware threads, where the TDP
 * came from, and the factors that give the estimate's low/high range (wider when the CPU was not recognised).
 *
 * @param model      CPU model string from /proc/cpuinfo (or "unknown")
 * @param tdpWatts   thermal design power of one package
 * @param threads    hardware threads the TDP is shared by
 * @param source     where the TDP came from, in plain words
 * @param matched    whether the TDP is the model's rated value (table row or user override)
 * @param lowFactor  multiplier giving the low end of the estimate's range
 * @param highFactor multiplier giving the high end of the estimate's range
 */
public record CpuPower(String model, double tdpWatts, int threads, String source, boolean matched,
                       double lowFactor, double highFactor) {
    /** Range factors when the TDP is the model's rated value: power is sub-linear in busy threads, turbo exceeds TDP. */
    public static final double MATCHED_LOW = 0.5, MATCHED_HIGH = 1.5;
    /** Range factors when the CPU is unknown: covers about 1 to 12 W per hardware thread around CodeCarbon's 4 W. */
    public static final double UNKNOWN_LOW = 0.25, UNKNOWN_HIGH = 3.0;

    public CpuPower {
        if (!(tdpWatts > 0)) throw new IllegalArgumentException("TDP must be positive, found " + tdpWatts);
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, found " + threads);
    }

    /** Watts per fully busy hardware thread: TDP shared equally by the package's threads. */
    public double wattsPerThread() {
        return tdpWatts / threads;
    }

    /** Plain values for the run record. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpuModel", model);
        m.put("cpuTdpWatts", tdpWatts);
        m.put("cpuThreads", threads);
        m.put("cpuWattsPerThread", wattsPerThread());
        m.put("cpuTdpSource", source);
        m.put("cpuTdpMatched", matched);
        m.put("cpuRangeFactors", java.util.List.of(lowFactor, highFactor));
        return m;
    }
}
