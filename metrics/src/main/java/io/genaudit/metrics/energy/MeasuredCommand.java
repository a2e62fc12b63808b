package io.genaudit.metrics.energy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs any command as a child process and measures it: RAPL/NVML where available (machine/device scope), otherwise the
 * TDP estimate from the CPU time of the child and every descendant it waited for (this JVM's cutime + cstime, which
 * the kernel credits when the child is reaped) and the RAM model on the child tree's resident memory.
 */
public final class MeasuredCommand {
    private MeasuredCommand() {
    }

    /**
     * The measurement of one command.
     *
     * @param cpuTimeSource how {@code cpuSeconds} was obtained
     */
    public record Result(List<String> command, int exitCode, double wallSeconds, double cpuSeconds, String cpuTimeSource,
                         EnergyReading reading, EnergyAssumptions assumptions) {
    }

    /**
     * Runs {@code command} with inherited standard streams and measures it.
     *
     * @throws IOException when the command cannot be started (not found, not executable)
     */
    public static Result run(List<String> command, EnergySettings settings, EnergyEnvironment env)
            throws IOException, InterruptedException {
        if (command.isEmpty()) throw new IllegalArgumentException("no command given");
        AtomicReference<ProcessHandle> child = new AtomicReference<>();
        MemorySource tree = new MemorySource() {
            @Override
            public OptionalDouble gb() {
                ProcessHandle h = child.get();
                return h == null ? OptionalDouble.empty() : MemorySource.processTree(env.proc(), h).gb();
            }

            @Override
            public String describe() {
                return "summed resident memory (VmRSS) of the measured command and its descendants";
            }
        };
        try (CompositeEnergyMeter meter = EnergyMeters.detect(settings, env.withProcessMemory(tree))) {
            OptionalDouble reaped0 = env.proc().childrenCpuSeconds("self");
            ChildCpuSampler sampler = new ChildCpuSampler(child);
            Ticker.Registration reg = env.ticker().every(sampler::sample);
            EnergyMeter.Session session = meter.start("command");
            long t0 = env.nanos().getAsLong();
            Process p;
            try {
                p = new ProcessBuilder(command).inheritIO().start();
            } catch (IOException e) {
                reg.close();
                session.stop(0, 0);
                throw e;
            }
            child.set(p.toHandle());
            int exit;
            try {
                exit = p.waitFor();
            } catch (InterruptedException e) {
                p.descendants().forEach(ProcessHandle::destroy);
                p.destroy();
                reg.close();
                session.stop(0, 0);
                throw e;
            }
            double wall = (env.nanos().getAsLong() - t0) / 1e9;
            reg.close();
            OptionalDouble reaped1 = env.proc().childrenCpuSeconds("self");
            double cpu;
            String source;
            if (reaped0.isPresent() && reaped1.isPresent()) {
                cpu = Math.max(0, reaped1.getAsDouble() - reaped0.getAsDouble());
                source = "children CPU time of the genaudit JVM (cutime + cstime in /proc/self/stat, "
                        + ProcFs.USER_HZ + " ticks/s): the command and every descendant that was waited for";
            } else {
                cpu = sampler.latest();
                source = "ProcessHandle CPU durations of the command tree sampled every "
                        + EnergyEnvironment.TICK_MILLIS + " ms (the last interval may be missed)";
            }
            EnergyReading r = session.stop(wall, cpu);
            return new Result(List.copyOf(command), exit, wall, cpu, source, r, meter.assumptions());
        }
    }

    /** Keeps the largest summed CPU duration seen of the child and its live descendants (non-Linux fallback). */
    private static final class ChildCpuSampler {
        private final AtomicReference<ProcessHandle> child;
        private volatile double latest;

        ChildCpuSampler(AtomicReference<ProcessHandle> child) {
            this.child = child;
        }

        void sample() {
            ProcessHandle h = child.get();
            if (h == null) return;
            double sum = h.info().totalCpuDuration().map(Duration::toNanos).orElse(0L) / 1e9;
            for (ProcessHandle d : (Iterable<ProcessHandle>) h.descendants()::iterator) {
                sum += d.info().totalCpuDuration().map(Duration::toNanos).orElse(0L) / 1e9;
            }
            if (sum > latest) latest = sum;
        }

        double latest() {
            sample();
            return latest;
        }
    }
}
