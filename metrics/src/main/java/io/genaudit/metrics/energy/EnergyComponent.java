package io.genaudit.metrics.energy;

import java.util.List;

/**
 * One source of energy figures inside a composite meter (RAPL counters, nvidia-smi power samples, the TDP or RAM
 * model). Sources are kept apart so that each figure keeps its own method and a measurement never absorbs an estimate.
 */
public interface EnergyComponent {
    /** Starts measuring now. */
    Session start();

    /** A running measurement of this source. */
    interface Session {
        /**
         * Ends the measurement and returns one figure per component this source covers (RAPL may give cpu and ram).
         * Never throws: a source that fails mid-phase returns a fallback estimate that says so in its raw record.
         */
        List<ComponentEnergy> stop(double wallSeconds, double cpuSeconds);
    }
}
