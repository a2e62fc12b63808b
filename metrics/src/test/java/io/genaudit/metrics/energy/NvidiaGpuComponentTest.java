package io.genaudit.metrics.energy;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NvidiaGpuComponentTest {
    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now;

        HandClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static final List<String> LISTING = List.of("0, 700.00, NVIDIA H100 80GB HBM3", "1, 700.00, NVIDIA H100 80GB HBM3");

    @Test
    void listsGpusAndIgnoresMessages() {
        NvidiaSmi smi = new NvidiaSmi("nvidia-smi", new FakeNvidiaSmi(List.of("0, 300.00, NVIDIA A100-SXM4-40GB", "No devices were found"), List.of()), ZoneOffset.UTC);
        Optional<List<NvidiaSmi.Gpu>> gpus = smi.gpus();
        assertEquals(1, gpus.orElseThrow().size());
        assertEquals("NVIDIA A100-SXM4-40GB", gpus.get().get(0).name());
        assertEquals(300.0, gpus.get().get(0).powerLimitWatts());
        assertTrue(new NvidiaSmi("nvidia-smi", new FakeNvidiaSmi(null, List.of()), ZoneOffset.UTC).gpus().isEmpty());
        assertTrue(new NvidiaSmi("nvidia-smi", new FakeNvidiaSmi(List.of("No devices were found"), List.of()), ZoneOffset.UTC).gpus().isEmpty());
        assertTrue(new NvidiaSmi("not-there", new FakeNvidiaSmi(LISTING, List.of()), ZoneOffset.UTC).gpus().isEmpty());
    }

    @Test
    void parsesSamplesAndSkipsNotAvailable() {
        NvidiaSmi smi = new NvidiaSmi("nvidia-smi", new FakeNvidiaSmi(LISTING, List.of()), ZoneOffset.UTC);
        NvidiaSmi.Sample s = smi.parse("2026/11/25 08:00:01.250, 1, 312.47, 97").orElseThrow();
        assertEquals(Instant.parse("2026-11-25T08:00:01.250Z").toEpochMilli() / 1000.0, s.epochSeconds(), 1e-9);
        assertEquals(1, s.index());
        assertEquals(312.47, s.watts());
        assertEquals(97.0, s.utilizationPercent());
        assertTrue(smi.parse("2026/11/25 08:00:01.250, 0, [N/A], [N/A]").isEmpty());
        assertTrue(smi.parse("timestamp, index, power.draw [W], utilization.gpu [%]").isEmpty());
    }

    @Test
    void integratesEachGpusPowerOverThePhaseWindow() {
        // GPU 0 ramps linearly 100 -> 300 W over 2 s (integral 400 J); GPU 1 holds 50 W (100 J).
        // Window [08:00:00.000, 08:00:02.000]; samples every 0.5 s, plus one after the end for interpolation.
        List<String> stream = List.of(
                "2026/11/25 08:00:00.000, 0, 100.00, 10",
                "2026/11/25 08:00:00.000, 1, 50.00, 0",
                "2026/11/25 08:00:00.500, 0, 150.00, 20",
                "2026/11/25 08:00:00.500, 1, 50.00, 0",
                "2026/11/25 08:00:01.000, 0, 200.00, 30",
                "2026/11/25 08:00:01.000, 1, [N/A], 0",
                "2026/11/25 08:00:01.500, 0, 250.00, 40",
                "2026/11/25 08:00:01.500, 1, 50.00, 0",
                "2026/11/25 08:00:02.500, 0, 350.00, 50",
                "2026/11/25 08:00:02.500, 1, 50.00, 0");
        FakeNvidiaSmi fake = new FakeNvidiaSmi(LISTING, stream);
        ComponentEnergy e = phase(fake, 500, 2);
        assertEquals("measured-nvml", e.method());
        assertEquals(400.0 + 100.0, e.joules(), 1e-9);
        assertEquals(500.0 - 2 * 5.0 * 2.0, e.joulesLow(), 1e-9);
        assertEquals(500.0 + 2 * 5.0 * 2.0, e.joulesHigh(), 1e-9);
        assertEquals("2 x NVIDIA H100 80GB HBM3", e.raw().get("gpuModel"));
        // utilization mean over valid samples inside the window: GPU0 10,20,30,40 and GPU1 0,0,0 (N/A line skipped)
        assertEquals(100.0 / 7, (Double) e.raw().get("utilizationPercentMean"), 1e-12);
        @SuppressWarnings("unchecked") List<Map<String, Object>> per = (List<Map<String, Object>>) e.raw().get("gpus");
        assertEquals(400.0, (Double) per.get(0).get("joules"), 1e-9);
        assertEquals(5, ((List<?>) per.get(0).get("samples")).size());
        assertTrue(fake.commands.get(1).containsAll(List.of("-lms", "500")), fake.commands.get(1).toString());
        assertTrue(fake.closed);
    }

    /** One phase from 08:00:00 lasting {@code seconds} (on the hand clock), nvidia-smi sampling every {@code periodMs}. */
    private static ComponentEnergy phase(FakeNvidiaSmi fake, int periodMs, int seconds) {
        NvidiaSmi smi = new NvidiaSmi("nvidia-smi", fake, ZoneOffset.UTC);
        Instant start = Instant.parse("2026-11-25T08:00:00Z");
        HandClock clock = new HandClock(start);
        try (NvidiaGpuComponent gpu = new NvidiaGpuComponent(smi, smi.gpus().orElseThrow(), periodMs, clock)) {
            EnergyComponent.Session s = gpu.start();
            clock.now = start.plusSeconds(seconds);
            return s.stop(seconds, 0.1).get(0);
        }
    }

    @Test
    void aPhaseWithoutSamplesClaimsNoMeasurement() {
        ComponentEnergy e = phase(new FakeNvidiaSmi(LISTING, List.of()), 100, 1);
        assertEquals("not-measured", e.method());
        assertEquals(0.0, e.joules());
        assertTrue(String.valueOf(e.raw().get("note")).contains("no nvidia-smi power samples"));
        assertEquals("estimated-tdp", CompositeEnergyMeter.methodLabel(List.of(
                new ComponentEnergy("cpu", "estimated-tdp", 1, 1, 1, Map.of()), e)));
    }
}
