package io.genaudit.metrics.energy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures CPU (and, where the platform has the domain, DRAM) energy with RAPL counters: energy_uj before and after,
 * polled on a ticker so that a wrap at max_energy_range_uj is never missed, package domains summed, sub-domains
 * (core, uncore) ignored because the package contains them. RAPL counts the whole package: every process, not only
 * genaudit. If a counter becomes unreadable mid-phase the session falls back to the TDP estimate and says so.
 */
public final class RaplComponent implements EnergyComponent {
    /** What a RAPL figure covers, stated in every reading. */
    public static final String SCOPE = "machine: RAPL package counters include the energy of every process running on the "
            + "CPU packages during the phase, not only genaudit's";

    private final List<RaplDomain> domains;
    private final SysfsReader reader;
    private final Ticker ticker;
    private final TdpCpuEstimate fallback;
    private final EnergyComponent ramFallback;

    /**
     * @param fallback    CPU estimate used if the counters fail mid-phase
     * @param ramFallback RAM model used when there is no DRAM domain (or it fails)
     */
    public RaplComponent(RaplProbe probe, SysfsReader reader, Ticker ticker, TdpCpuEstimate fallback, EnergyComponent ramFallback) {
        if (!probe.available()) throw new IllegalArgumentException("RAPL not available: " + probe.note());
        this.domains = probe.counted();
        this.reader = reader;
        this.ticker = ticker;
        this.fallback = fallback;
        this.ramFallback = ramFallback;
    }

    /** Whether a DRAM domain is measured (else RAM is modelled). */
    public boolean measuresDram() {
        return domains.stream().anyMatch(d -> d.kind() == RaplDomain.Kind.DRAM);
    }

    @Override
    public EnergyComponent.Session start() {
        return new Run();
    }

    private final class Run implements EnergyComponent.Session {
        private final long[] first = new long[domains.size()];
        private final long[] last = new long[domains.size()];
        private final long[] accumulated = new long[domains.size()];
        private final int[] wraps = new int[domains.size()];
        private final EnergyComponent.Session ram;
        private final Ticker.Registration reg;
        private String failure;

        Run() {
            this.ram = measuresDram() ? null : ramFallback.start();
            try {
                for (int i = 0; i < domains.size(); i++) {
                    first[i] = last[i] = read(domains.get(i));
                }
            } catch (IOException | RuntimeException e) {
                failure = "reading " + e.getMessage();
            }
            reg = ticker.every(this::poll);
        }

        private long read(RaplDomain d) throws IOException {
            try {
                return Long.parseLong(reader.read(d.energyFile()));
            } catch (NumberFormatException e) {
                throw new IOException(d.energyFile() + ": not a number");
            }
        }

        /** Adds each counter's advance since the last poll, unwrapping at max_energy_range_uj. */
        synchronized void poll() {
            if (failure != null) return;
            try {
                long[] now = new long[domains.size()];
                for (int i = 0; i < now.length; i++) now[i] = read(domains.get(i));
                for (int i = 0; i < now.length; i++) {
                    long delta = now[i] - last[i];
                    if (delta < 0) {
                        delta += domains.get(i).maxEnergyRangeUj();
                        wraps[i]++;
                    }
                    accumulated[i] += delta;
                    last[i] = now[i];
                }
            } catch (IOException | RuntimeException e) {
                failure = "reading " + e.getMessage();
            }
        }

        @Override
        public List<ComponentEnergy> stop(double wallSeconds, double cpuSeconds) {
            reg.close();
            poll();
            List<ComponentEnergy> out = new ArrayList<>();
            synchronized (this) {
                if (failure != null) {
                    ComponentEnergy est = fallback.estimate(wallSeconds, cpuSeconds);
                    Map<String, Object> raw = new LinkedHashMap<>(est.raw());
                    raw.put("note", "RAPL counters failed during the phase (" + failure + "); CPU energy estimated instead");
                    out.add(new ComponentEnergy("cpu", est.method(), est.joules(), est.joulesLow(), est.joulesHigh(), raw));
                    if (ram == null) out.addAll(ramFallback.start().stop(wallSeconds, cpuSeconds));
                } else {
                    long pkg = 0, dram = 0;
                    List<Map<String, Object>> counters = new ArrayList<>();
                    for (int i = 0; i < domains.size(); i++) {
                        RaplDomain d = domains.get(i);
                        if (d.kind() == RaplDomain.Kind.PACKAGE) pkg += accumulated[i];
                        else dram += accumulated[i];
                        Map<String, Object> c = new LinkedHashMap<>();
                        c.put("zone", d.zone());
                        c.put("name", d.name());
                        c.put("startUj", first[i]);
                        c.put("endUj", last[i]);
                        c.put("maxEnergyRangeUj", d.maxEnergyRangeUj());
                        c.put("wraps", wraps[i]);
                        c.put("deltaUj", accumulated[i]);
                        counters.add(c);
                    }
                    Map<String, Object> raw = new LinkedHashMap<>();
                    raw.put("scope", SCOPE);
                    raw.put("counters", counters);
                    raw.put("wallSeconds", wallSeconds);
                    raw.put("uncertainty", "none stated: RAPL publishes no error bound; the range is the counter value");
                    double pj = pkg / 1e6;
                    out.add(new ComponentEnergy("cpu", "measured-rapl", pj, pj, pj, raw));
                    if (ram == null) {
                        double dj = dram / 1e6;
                        Map<String, Object> draw = new LinkedHashMap<>();
                        draw.put("scope", "machine: RAPL DRAM domain, all processes");
                        draw.put("zones", domains.stream().filter(d -> d.kind() == RaplDomain.Kind.DRAM).map(RaplDomain::zone).toList());
                        out.add(new ComponentEnergy("ram", "measured-rapl", dj, dj, dj, draw));
                    }
                }
            }
            if (ram != null) out.addAll(ram.stop(wallSeconds, cpuSeconds));
            return out;
        }
    }
}
