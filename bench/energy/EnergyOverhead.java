import io.genaudit.metrics.energy.CompositeEnergyMeter;
import io.genaudit.metrics.energy.EnergyMeter;
import io.genaudit.metrics.energy.EnergyMeters;
import io.genaudit.metrics.energy.EnergyReading;
import io.genaudit.metrics.energy.EnergySettings;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

/**
 * Overhead of energy measurement on a CPU-bound phase: the same fixed workload run bare and inside
 * meter.start()/stop(), interleaved (bare, measured, bare, ...) to share drift, repeated; reports medians, minima and
 * their ratios for wall time, process CPU time and the work thread's CPU time, and the meter's own CPU cost measured
 * directly (CPU time of the ticker thread plus that spent inside start()/stop()). Requirement: overhead within 1 %.
 * Usage: bench/energy/run.sh [repetitions] [work-units]
 */
public class EnergyOverhead {
    static volatile double sink;

    /** A deterministic CPU-bound workload (an LCG driving sqrt/log), about 0.1 s per unit on a 2020s core. */
    static double work(int units) {
        long x = 0x9E3779B97F4A7C15L;
        double acc = 0;
        for (int u = 0; u < units; u++) {
            for (int i = 0; i < 2_000_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
                acc += Math.sqrt((x >>> 11) * 0x1.0p-53) + Math.log1p((x & 0xFFFF) * 1e-5);
            }
        }
        return acc;
    }

    static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static double threadCpu() {
        return THREADS.getCurrentThreadCpuTime() / 1e9;
    }

    /** CPU seconds used so far by the meter's background ticker thread (0 when it never started). */
    static double tickerCpu() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("genaudit-energy-ticker")) return THREADS.getThreadCpuTime(t.threadId()) / 1e9;
        }
        return 0;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int units = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        long d0 = System.nanoTime();
        CompositeEnergyMeter meter = EnergyMeters.detect(EnergySettings.defaults().withRegion("DE"));
        double detectMs = (System.nanoTime() - d0) / 1e6;
        System.out.printf(Locale.ROOT, "meter: %s%ndetect(): %.1f ms (once per run)%n", meter.assumptions().method(), detectMs);
        for (int i = 0; i < 3; i++) sink += work(units); // warm-up (JIT)
        double[] bareWall = new double[reps], bareCpu = new double[reps], measWall = new double[reps], measCpu = new double[reps];
        double[] bareThread = new double[reps], measThread = new double[reps];
        double meterCallsCpu = 0;
        double ticker0 = tickerCpu();
        EnergyReading last = null;
        for (int r = 0; r < reps; r++) {
            for (int mode = 0; mode < 2; mode++) {
                boolean measured = (mode + r) % 2 == 1; // alternate which goes first
                double c0 = cpuSeconds();
                double th0 = threadCpu();
                long t0 = System.nanoTime();
                EnergyMeter.Session s = measured ? meter.start("bench") : null;
                double th1 = threadCpu();
                sink += work(units);
                double wall = (System.nanoTime() - t0) / 1e9;
                double cpu = cpuSeconds() - c0;
                if (measured) {
                    double th2 = threadCpu();
                    last = s.stop(wall, cpu);
                    double th3 = threadCpu();
                    meterCallsCpu += (th1 - th0) + (th3 - th2);
                    wall = (System.nanoTime() - t0) / 1e9;
                    cpu = cpuSeconds() - c0;
                    measWall[r] = wall;
                    measCpu[r] = cpu;
                    measThread[r] = th3 - th0;
                } else {
                    bareWall[r] = wall;
                    bareCpu[r] = cpu;
                    bareThread[r] = threadCpu() - th0;
                }
            }
        }
        double tickerUsed = tickerCpu() - ticker0;
        meter.close();
        System.out.printf(Locale.ROOT, "repetitions %d x %d work units; last reading: %.3f J [%s]%n", reps, units, last.joules(), last.method());
        System.out.printf(Locale.ROOT, "wall  bare median %.4f s  measured median %.4f s  ratio %.4f | min %.4f vs %.4f ratio %.4f%n",
                median(bareWall), median(measWall), median(measWall) / median(bareWall),
                Arrays.stream(bareWall).min().orElseThrow(), Arrays.stream(measWall).min().orElseThrow(),
                Arrays.stream(measWall).min().orElseThrow() / Arrays.stream(bareWall).min().orElseThrow());
        System.out.printf(Locale.ROOT, "cpu   bare median %.4f s  measured median %.4f s  ratio %.4f | min %.4f vs %.4f ratio %.4f%n",
                median(bareCpu), median(measCpu), median(measCpu) / median(bareCpu),
                Arrays.stream(bareCpu).min().orElseThrow(), Arrays.stream(measCpu).min().orElseThrow(),
                Arrays.stream(measCpu).min().orElseThrow() / Arrays.stream(bareCpu).min().orElseThrow());
        double[] pairedCpu = new double[reps];
        for (int r = 0; r < reps; r++) pairedCpu[r] = measCpu[r] / bareCpu[r];
        System.out.printf(Locale.ROOT, "cpu   median of paired ratios %.4f%n", median(pairedCpu));
        System.out.printf(Locale.ROOT, "thread bare median %.4f s  measured median %.4f s  ratio %.4f (work thread CPU, ns clock)%n",
                median(bareThread), median(measThread), median(measThread) / median(bareThread));
        double workCpu = Arrays.stream(measThread).sum();
        System.out.printf(Locale.ROOT, "meter's own CPU: start()/stop() %.6f s + ticker thread %.6f s over %.3f s of measured work = %.5f %%%n",
                meterCallsCpu, tickerUsed, workCpu, 100 * (meterCallsCpu + tickerUsed) / workCpu);
        System.out.println("sink " + (sink == 42 ? "!" : "ok"));
    }
}
