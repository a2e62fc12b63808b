package io.genaudit.metrics.energy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.function.LongSupplier;

/**
 * Where the meter looks for counters and how it reads them: the powercap root, the sysfs reader, /proc, the command
 * launcher and nvidia-smi's name, clocks, the ticker, the logical CPU count and whose memory the RAM model samples.
 * {@link #system()} is the real machine; tests replace any part.
 */
public record EnergyEnvironment(Path powercapRoot, SysfsReader sysfs, ProcFs proc, CommandLauncher launcher,
                                String nvidiaSmi, Clock clock, ZoneId zone, LongSupplier nanos, Ticker ticker,
                                int logicalCpus, MemorySource processMemory) {
    /** Period of the background ticker (RAPL wrap tracking, memory sampling). */
    public static final long TICK_MILLIS = 1000;

    /** The real machine: /sys/class/powercap, /proc, nvidia-smi on PATH, this JVM's memory. */
    public static EnergyEnvironment system() {
        ProcFs proc = ProcFs.system();
        return new EnergyEnvironment(Path.of("/sys/class/powercap"), SysfsReader.files(), proc, CommandLauncher.processes(),
                "nvidia-smi", Clock.systemUTC(), ZoneId.systemDefault(), System::nanoTime, Ticker.scheduled(TICK_MILLIS),
                Runtime.getRuntime().availableProcessors(), MemorySource.thisProcess(proc));
    }

    /** The same environment sampling {@code memory} for the process-scope RAM model. */
    public EnergyEnvironment withProcessMemory(MemorySource memory) {
        return new EnergyEnvironment(powercapRoot, sysfs, proc, launcher, nvidiaSmi, clock, zone, nanos, ticker, logicalCpus, memory);
    }
}
