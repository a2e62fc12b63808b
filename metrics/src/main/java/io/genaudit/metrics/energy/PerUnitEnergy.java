package io.genaudit.metrics.energy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Energy and emissions per 1,000 units (images, tokens) and totals per phase kind (training totals), from a run's
 * phases. A unit's figure divides the energy of the phases that produced that unit by the units they produced; ranges
 * are divided alike. Totals are exact sums of the phases.
 */
public final class PerUnitEnergy {
    private PerUnitEnergy() {
    }

    /** Energy and emissions with their ranges. */
    public record Amount(double joules, double joulesLow, double joulesHigh, double gramsCo2e, double gramsLow, double gramsHigh) {
        static final Amount ZERO = new Amount(0, 0, 0, 0, 0, 0);

        /** The energy and emissions of one reading. */
        public static Amount of(EnergyReading r) {
            return new Amount(r.joules(), r.joulesLow(), r.joulesHigh(), r.gramsCo2e(), r.gramsCo2eLow(), r.gramsCo2eHigh());
        }

        Amount plus(EnergyReading r) {
            return new Amount(joules + r.joules(), joulesLow + r.joulesLow(), joulesHigh + r.joulesHigh(),
                    gramsCo2e + r.gramsCo2e(), gramsLow + r.gramsCo2eLow(), gramsHigh + r.gramsCo2eHigh());
        }

        Amount scaled(double f) {
            return new Amount(joules * f, joulesLow * f, joulesHigh * f, gramsCo2e * f, gramsLow * f, gramsHigh * f);
        }

        /** Kilowatt-hours of {@link #joules()}. */
        public double kwh() {
            return joules / 3.6e6;
        }

        /** The run record's keys: joules with its range, kWh, grams CO2e with its range. */
        public Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("joules", joules);
            m.put("joulesLow", joulesLow);
            m.put("joulesHigh", joulesHigh);
            m.put("kwh", kwh());
            m.put("gramsCo2e", gramsCo2e);
            m.put("gramsCo2eLow", gramsLow);
            m.put("gramsCo2eHigh", gramsHigh);
            return m;
        }
    }

    /** Per-1,000-unit figure for one unit type, with the units and phases it was computed on. */
    public record PerThousand(String unit, long units, List<String> phases, Amount per1000) {
    }

    /** The run's totals, totals by phase kind, and per-1,000-unit figures. */
    public record Summary(Amount total, Map<String, Amount> byKind, List<PerThousand> perThousand, int phasesWithEnergy,
                          List<String> methods) {
        /** Training totals (phases of kind {@code train}), zero when the run trained nothing. */
        public Amount training() {
            return byKind.getOrDefault("train", Amount.ZERO);
        }

        /** Plain values for a report or JSON. */
        public Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("total", total.asMap());
            Map<String, Object> k = new LinkedHashMap<>();
            byKind.forEach((kind, a) -> k.put(kind, a.asMap()));
            m.put("byKind", k);
            List<Map<String, Object>> pt = new ArrayList<>();
            for (PerThousand p : perThousand) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("unit", p.unit());
                x.put("units", p.units());
                x.put("phases", p.phases());
                x.put("per1000", p.per1000().asMap());
                pt.add(x);
            }
            m.put("perThousandUnits", pt);
            m.put("phasesWithEnergy", phasesWithEnergy);
            m.put("methods", methods);
            return m;
        }
    }

    /** Summarises {@code phases}; phases without an energy reading are skipped. */
    public static Summary of(List<PhaseEnergy> phases) {
        Amount total = Amount.ZERO;
        Map<String, Amount> byKind = new TreeMap<>();
        Map<String, Amount> energyByUnit = new TreeMap<>();
        Map<String, Long> unitsByUnit = new TreeMap<>();
        Map<String, List<String>> phasesByUnit = new TreeMap<>();
        List<String> methods = new ArrayList<>();
        int n = 0;
        for (PhaseEnergy p : phases) {
            EnergyReading r = p.energy();
            if (r == null) continue;
            n++;
            total = total.plus(r);
            byKind.merge(p.kind() == null ? "unspecified" : p.kind(), Amount.ZERO.plus(r), PerUnitEnergy::add);
            if (!methods.contains(r.method())) methods.add(r.method());
            for (var u : p.units().entrySet()) {
                if (u.getValue() == null || u.getValue() <= 0) continue;
                energyByUnit.merge(u.getKey(), Amount.ZERO.plus(r), PerUnitEnergy::add);
                unitsByUnit.merge(u.getKey(), u.getValue(), Long::sum);
                phasesByUnit.computeIfAbsent(u.getKey(), x -> new ArrayList<>()).add(p.name());
            }
        }
        List<PerThousand> per = new ArrayList<>();
        for (var e : energyByUnit.entrySet()) {
            long units = unitsByUnit.get(e.getKey());
            per.add(new PerThousand(e.getKey(), units, List.copyOf(phasesByUnit.get(e.getKey())), e.getValue().scaled(1000.0 / units)));
        }
        return new Summary(total, byKind, per, n, methods);
    }

    private static Amount add(Amount a, Amount b) {
        return new Amount(a.joules() + b.joules(), a.joulesLow() + b.joulesLow(), a.joulesHigh() + b.joulesHigh(),
                a.gramsCo2e() + b.gramsCo2e(), a.gramsLow() + b.gramsLow(), a.gramsHigh() + b.gramsHigh());
    }
}
