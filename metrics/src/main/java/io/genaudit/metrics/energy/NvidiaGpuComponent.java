package io.genaudit.metrics.energy;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Measures GPU energy from NVML power readings: one long-running {@code nvidia-smi -lms} stream (started with the first
 * phase, shared by all phases) is read on a background thread, and each phase integrates its GPUs' power samples over
 * its own window (trapezoid). The samples are kept in the reading's raw record.
 */
public final class NvidiaGpuComponent implements EnergyComponent, AutoCloseable {
    /** nvidia-smi's documented accuracy of power.draw: "accurate to within +/- 5 watts" (nvidia-smi manual page). */
    public static final double ACCURACY_WATTS = 5.0;
    /** At most this many samples per GPU are copied into the raw record (every k-th beyond that). */
    static final int MAX_RAW_SAMPLES = 5000;
    /** Scope of an NVML figure. */
    public static final String SCOPE = "device: NVML power.draw is the whole board's power, including other processes on the GPU";

    private final NvidiaSmi smi;
    private final List<NvidiaSmi.Gpu> gpus;
    private final long intervalMillis;
    private final Clock clock;
    private final List<NvidiaSmi.Sample> samples = new ArrayList<>();
    private CommandLauncher.Streaming stream;
    private Thread reader;
    private String streamFailure;
    private int activeSessions;

    public NvidiaGpuComponent(NvidiaSmi smi, List<NvidiaSmi.Gpu> gpus, long intervalMillis, Clock clock) {
        this.smi = smi;
        this.gpus = List.copyOf(gpus);
        this.intervalMillis = intervalMillis;
        this.clock = clock;
    }

    public List<NvidiaSmi.Gpu> gpus() {
        return gpus;
    }

    /** CodeCarbon-style model summary, e.g. "2 x NVIDIA H100 80GB HBM3". */
    public String modelSummary() {
        Map<String, Integer> byName = new TreeMap<>();
        for (NvidiaSmi.Gpu g : gpus) byName.merge(g.name(), 1, Integer::sum);
        List<String> parts = new ArrayList<>();
        byName.forEach((n, c) -> parts.add(c + " x " + n));
        return String.join(", ", parts);
    }

    private synchronized void ensureStreaming() {
        if (stream != null || streamFailure != null) return;
        try {
            stream = smi.launcher().stream(smi.streamCommand(intervalMillis));
        } catch (IOException e) {
            streamFailure = "could not start nvidia-smi: " + e.getMessage();
            return;
        }
        BufferedReader out = stream.output();
        reader = new Thread(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    Optional<NvidiaSmi.Sample> s = smi.parse(line);
                    if (s.isPresent()) {
                        synchronized (NvidiaGpuComponent.this) {
                            samples.add(s.get());
                            NvidiaGpuComponent.this.notifyAll();
                        }
                    }
                }
            } catch (IOException ignored) {
                // the stream ends when the process is stopped
            }
            synchronized (NvidiaGpuComponent.this) {
                if (stream != null && streamFailure == null) streamFailure = "nvidia-smi stream ended";
                NvidiaGpuComponent.this.notifyAll();
            }
        }, "genaudit-nvidia-smi");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public EnergyComponent.Session start() {
        synchronized (this) {
            activeSessions++;
        }
        ensureStreaming();
        double t0 = clock.millis() / 1000.0;
        return (wall, cpu) -> List.of(stop(t0));
    }

    private ComponentEnergy stop(double t0) {
        double t1 = clock.millis() / 1000.0;
        List<NvidiaSmi.Sample> window = new ArrayList<>();
        String failure;
        synchronized (this) {
            long deadline = System.currentTimeMillis() + intervalMillis + 100;
            // wait (at most one interval) for a sample at or after the end, so the window's end is interpolated
            while (streamFailure == null && !hasSampleAfter(t1)) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) break;
                try {
                    wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            double margin = 2.0 * intervalMillis / 1000.0 + 1.0;
            for (NvidiaSmi.Sample s : samples) {
                if (s.epochSeconds() >= t0 - margin && s.epochSeconds() <= t1 + margin) window.add(s);
            }
            failure = streamFailure;
            activeSessions--;
            trim(t0 - margin);
        }
        return integrate(window, t0, t1, failure);
    }

    private boolean hasSampleAfter(double t) {
        for (int i = samples.size() - 1; i >= 0; i--) if (samples.get(i).epochSeconds() >= t) return true;
        return false;
    }

    /** Forgets samples no running phase can need (older than {@code before}) once no phase is running. */
    private void trim(double before) {
        if (activeSessions == 0) samples.removeIf(s -> s.epochSeconds() < before);
    }

    private ComponentEnergy integrate(List<NvidiaSmi.Sample> window, double t0, double t1, String failure) {
        double total = 0;
        double utilSum = 0;
        int utilN = 0;
        int gpusWithSamples = 0;
        List<Map<String, Object>> perGpu = new ArrayList<>();
        for (NvidiaSmi.Gpu g : gpus) {
            List<NvidiaSmi.Sample> mine = window.stream().filter(s -> s.index() == g.index()).toList();
            double[] ts = new double[mine.size()], ws = new double[mine.size()];
            List<List<Double>> kept = new ArrayList<>();
            int stride = Math.max(1, (mine.size() + MAX_RAW_SAMPLES - 1) / MAX_RAW_SAMPLES);
            for (int i = 0; i < mine.size(); i++) {
                ts[i] = mine.get(i).epochSeconds() - t0;
                ws[i] = mine.get(i).watts();
                if (i % stride == 0) kept.add(List.of(ts[i], ws[i]));
                if (!Double.isNaN(mine.get(i).utilizationPercent()) && ts[i] >= 0 && ts[i] <= t1 - t0) {
                    utilSum += mine.get(i).utilizationPercent();
                    utilN++;
                }
            }
            double j = PowerIntegral.joules(ts, ws, 0, t1 - t0);
            if (!mine.isEmpty()) gpusWithSamples++;
            total += j;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", g.index());
            m.put("name", g.name());
            m.put("joules", j);
            m.put("sampleCount", mine.size());
            if (stride > 1) m.put("samplesStride", stride);
            m.put("samples", kept);
            perGpu.add(m);
        }
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("scope", SCOPE);
        raw.put("windowSeconds", t1 - t0);
        raw.put("sampleIntervalMillis", intervalMillis);
        raw.put("samplesFormat", "[seconds since phase start, watts]");
        raw.put("gpus", perGpu);
        raw.put("gpuModel", modelSummary());
        raw.put("gpuCount", gpus.size());
        if (utilN > 0) raw.put("utilizationPercentMean", utilSum / utilN);
        raw.put("uncertainty", "+/- " + ACCURACY_WATTS + " W per GPU over the window (nvidia-smi manual); on A100/H100 "
                + "the sensor averages only part of each interval (Yang et al., SC24), which this range does not cover");
        if (gpusWithSamples < gpus.size()) {
            raw.put("note", "no nvidia-smi power samples for " + (gpus.size() - gpusWithSamples) + " of " + gpus.size()
                    + " GPUs in this phase" + (failure == null ? "" : " (" + failure + ")") + "; their energy is not included");
            if (gpusWithSamples == 0) return new ComponentEnergy("gpu", "not-measured", 0, 0, 0, raw);
        }
        double err = ACCURACY_WATTS * gpusWithSamples * (t1 - t0);
        return new ComponentEnergy("gpu", "measured-nvml", total, Math.max(0, total - err), total + err, raw);
    }

    /** Stops the nvidia-smi stream. */
    @Override
    public void close() {
        CommandLauncher.Streaming s;
        Thread r;
        synchronized (this) {
            s = stream;
            r = reader;
            streamFailure = streamFailure == null ? "closed" : streamFailure;
        }
        if (s != null) s.close();
        if (r != null) {
            try {
                r.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
