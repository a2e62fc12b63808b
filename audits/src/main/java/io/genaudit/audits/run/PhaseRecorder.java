package io.genaudit.audits.run;

import io.genaudit.audits.AuditContext;
import io.genaudit.metrics.energy.EnergyMeter;
import io.genaudit.metrics.energy.EnergyReading;
import io.genaudit.reports.EnergyFigure;
import io.genaudit.reports.PhaseRecord;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records the cost of every phase of a run: start, wall time, process CPU time, and energy through the
 * {@link EnergyMeter} (measured where the hardware allows, estimated otherwise; the reading says which).
 */
public final class PhaseRecorder {
    private final EnergyMeter meter;
    private final List<PhaseRecord> phases = new ArrayList<>();

    /** @param meter the energy meter, or null to record time only */
    public PhaseRecorder(EnergyMeter meter) {
        this.meter = meter;
    }

    /** Process CPU time in seconds (all threads), from the JVM. */
    public static double processCpuSeconds() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    public AuditContext.Phase start(String name, String kind, String model) {
        return new Running(name, kind, model);
    }

    public synchronized List<PhaseRecord> phases() {
        return List.copyOf(phases);
    }

    private synchronized void add(PhaseRecord r) {
        phases.add(r);
    }

    private final class Running implements AuditContext.Phase {
        private final String name;
        private final String kind;
        private final String model;
        private final Instant start = Instant.now();
        private final long t0 = System.nanoTime();
        private final double cpu0 = processCpuSeconds();
        private final EnergyMeter.Session session;
        private final Map<String, Long> units = new LinkedHashMap<>();
        private boolean closed;

        Running(String name, String kind, String model) {
            this.name = name;
            this.kind = kind;
            this.model = model;
            this.session = meter == null ? null : meter.start(name);
        }

        @Override
        public void units(String unit, long count) {
            units.merge(unit, count, Long::sum);
        }

        @Override
        public void close() {
            if (closed) return;
            closed = true;
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = processCpuSeconds() - cpu0;
            EnergyFigure e = null;
            if (session != null) {
                EnergyReading r = session.stop(wall, cpu);
                e = new EnergyFigure(r.method(), r.joules(), r.joulesLow(), r.joulesHigh(), r.gramsCo2e(),
                        r.gramsCo2eLow(), r.gramsCo2eHigh(), r.raw());
            }
            add(new PhaseRecord(name, kind, model, start.toString(), wall, cpu, e, Map.copyOf(units)));
        }
    }
}
