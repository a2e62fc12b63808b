package io.genaudit.metrics.energy;

/**
 * Measures (or, where the hardware gives no counters, estimates) the energy of one phase. The harness opens a
 * {@link Session} when a phase starts and closes it when the phase ends.
 */
public interface EnergyMeter {
    /** Starts measuring a phase now. */
    Session start(String phase);

    /** A running measurement. */
    interface Session {
        /**
         * Ends the measurement. {@code cpuSeconds} and {@code wallSeconds} are the phase's process CPU and wall time,
         * which estimating methods need.
         */
        EnergyReading stop(double wallSeconds, double cpuSeconds);
    }
}
