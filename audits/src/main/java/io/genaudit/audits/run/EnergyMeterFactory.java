package io.genaudit.audits.run;

import io.genaudit.audits.plan.Plan;
import io.genaudit.audits.PlanException;
import io.genaudit.metrics.energy.CompositeEnergyMeter;
import io.genaudit.metrics.energy.EnergyMeter;
import io.genaudit.metrics.energy.EnergyMeters;
import io.genaudit.metrics.energy.EnergySettings;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the run's energy meter from the plan's {@code energy:} settings (region or gramsPerKwh, pue, ...): RAPL and
 * NVML where readable, the TDP estimate otherwise. Bad settings are plan errors (exit 2) before anything runs.
 */
public final class EnergyMeterFactory {
    private EnergyMeterFactory() {
    }

    public static EnergyMeter forPlan(Plan plan) {
        EnergySettings s;
        try {
            s = EnergySettings.fromPlan(plan.energy());
        } catch (IllegalArgumentException e) {
            String msg = e.getMessage();
            int colon = msg.indexOf(": ");
            String field = colon > 0 && msg.startsWith("energy.") ? msg.substring(0, colon) : "energy";
            throw new PlanException(plan.file(), field, colon > 0 ? msg.substring(colon + 2) : msg);
        }
        return new Described(EnergyMeters.detect(s));
    }

    /** The composite meter, able to state its assumptions for the report. */
    private record Described(CompositeEnergyMeter meter) implements EnergyMeter, PlanRunner.AssumptionsSource, AutoCloseable {
        @Override
        public Session start(String phase) {
            return meter.start(phase);
        }

        @Override
        public Map<String, Object> assumptions() {
            return new LinkedHashMap<>(meter.assumptions().asMap());
        }

        @Override
        public void close() {
            meter.close();
        }
    }
}
