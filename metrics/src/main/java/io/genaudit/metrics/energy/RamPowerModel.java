package io.genaudit.metrics.energy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.LongSupplier;

/**
 * Estimates RAM energy as CodeCarbon did before v3: a constant power per GB of memory in use (3 W per 8 GB), times the
 * time-averaged memory sampled during the phase, times the phase's wall time. There is no RAM power counter to read.
 *
 * @param memory where the memory in use is read
 * @param ticker what samples it during a phase
 * @param nanos  the clock of the samples' times
 */
public record RamPowerModel(MemorySource memory, Ticker ticker, LongSupplier nanos) implements EnergyComponent {
    /** 3 W per 8 GB of DDR3/DDR4 (Crucial, "How much power does memory use?"), CodeCarbon's RAM heuristic before v3. */
    public static final double WATTS_PER_GB = 3.0 / 8.0;
    /** Source of {@link #WATTS_PER_GB}. */
    public static final String SOURCE = "3 W per 8 GB (0.375 W/GB): Crucial, 'How much power does memory use?', "
            + "CodeCarbon's RAM model before v3 (codecarbon/external/ram.py)";
    /**
     * Range factors: CodeCarbon v3's per-DIMM model (5 W per DIMM) spans about 0.08 W/GB (64 GB DIMMs) to 0.63 W/GB
     * (8 GB DIMMs), i.e. about 0.2x to 1.7x of 0.375 W/GB.
     */
    public static final double LOW = 0.2, HIGH = 1.7;

    /** What is sampled, in plain words. */
    public String describe() {
        return memory.describe();
    }

    @Override
    public EnergyComponent.Session start() {
        return new Run();
    }

    private final class Run implements EnergyComponent.Session {
        private final List<Long> times = new ArrayList<>();
        private final List<Double> values = new ArrayList<>();
        private final Ticker.Registration reg;

        Run() {
            sample();
            reg = ticker.every(this::sample);
        }

        private synchronized void sample() {
            OptionalDouble gb = memory.gb();
            if (gb.isPresent()) {
                times.add(nanos.getAsLong());
                values.add(gb.getAsDouble());
            }
        }

        @Override
        public List<ComponentEnergy> stop(double wallSeconds, double cpuSeconds) {
            reg.close();
            sample();
            double meanGb;
            int n;
            synchronized (this) {
                n = values.size();
                meanGb = timeWeightedMean();
            }
            Map<String, Object> raw = new LinkedHashMap<>();
            raw.put("memory", memory.describe());
            raw.put("samples", n);
            raw.put("meanGb", meanGb);
            raw.put("wattsPerGb", WATTS_PER_GB);
            raw.put("wallSeconds", wallSeconds);
            if (n == 0) raw.put("note", "memory could not be read; RAM energy set to 0");
            double j = Double.isNaN(meanGb) ? 0 : WATTS_PER_GB * meanGb * wallSeconds;
            return List.of(new ComponentEnergy("ram", "estimated-ram-model", j, j * LOW, j * HIGH, raw));
        }

        /** Trapezoid average of the samples over their time span; the plain mean when they share one instant. */
        private double timeWeightedMean() {
            int n = values.size();
            if (n == 0) return Double.NaN;
            long span = times.get(n - 1) - times.get(0);
            if (n == 1 || span <= 0) return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double area = 0;
            for (int i = 1; i < n; i++) {
                area += (values.get(i) + values.get(i - 1)) / 2 * (times.get(i) - times.get(i - 1));
            }
            return area / span;
        }
    }
}
