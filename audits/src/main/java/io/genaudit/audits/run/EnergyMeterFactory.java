package io.genaudit.audits.run;

import io.genaudit.audits.plan.Plan;
import io.genaudit.metrics.energy.EnergyMeter;

/** Builds the run's energy meter from the plan's {@code energy:} settings. */
public final class EnergyMeterFactory {
    private EnergyMeterFactory() {
    }

    public static EnergyMeter forPlan(Plan plan) {
        return null;
    }
}
