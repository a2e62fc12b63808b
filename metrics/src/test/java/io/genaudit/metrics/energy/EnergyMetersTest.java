package io.genaudit.metrics.energy;

import io.genaudit.values.EnergyFigures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnergyMetersTest {
    @TempDir
    Path tmp;

    /** A fake /proc with a listed CPU model and 16 GB of RAM. */
    private ProcFs fakeProc(String model) throws IOException {
        Path p = Files.createDirectories(tmp.resolve("proc"));
        Files.writeString(p.resolve("cpuinfo"), "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: " + model + "\n\n");
        Files.writeString(p.resolve("meminfo"), "MemTotal:       15625000 kB\nMemFree:   1000 kB\nMemAvailable:   11718750 kB\n");
        return new ProcFs(p);
    }

    private static MemorySource gb(double v) {
        return new MemorySource() {
            @Override
            public OptionalDouble gb() {
                return OptionalDouble.of(v);
            }

            @Override
            public String describe() {
                return v + " GB (test)";
            }
        };
    }

    private EnergyEnvironment env(ProcFs proc, Path powercap, CommandLauncher launcher, Ticker ticker) {
        return new EnergyEnvironment(powercap, SysfsReader.files(), proc, launcher, "nvidia-smi",
                new NvidiaGpuComponentTest.HandClock(Instant.parse("2026-11-25T08:00:00Z")), ZoneOffset.UTC, () -> 0L,
                ticker, 8, gb(2.0));
    }

    private static final CommandLauncher NO_GPU = new FakeNvidiaSmi(null, List.of()) {
        @Override
        public boolean exists(String program) {
            return false;
        }
    };

    @Test
    void fallbackOnThisMachineIsEstimatedTdp() {
        // this machine (CI VM) exposes no readable RAPL counters and no NVIDIA GPU
        org.junit.jupiter.api.Assumptions.assumeFalse(RaplProbe.of(Path.of("/sys/class/powercap"), SysfsReader.files()).available(),
                "RAPL is readable here");
        org.junit.jupiter.api.Assumptions.assumeFalse(CommandLauncher.processes().exists("nvidia-smi"), "nvidia-smi present");
        try (CompositeEnergyMeter meter = EnergyMeters.detect(EnergySettings.defaults().withRegion("FR"))) {
            EnergyReading r = meter.start("evaluate").stop(2.0, 1.5);
            assertEquals("estimated-tdp", r.method());
            assertTrue(r.joules() > 0);
            assertTrue(r.joulesLow() < r.joules() && r.joules() < r.joulesHigh());
            assertEquals("process", meter.assumptions().trackingMode());
            assertEquals(56.0, meter.assumptions().asMap().get("gramsPerKwh"));
        }
    }

    @Test
    void estimateIsCpuTimeTimesTdpPerThreadPlusRamModel() throws IOException {
        Ticker.Manual ticker = Ticker.manual();
        EnergyEnvironment env = env(fakeProc("Intel(R) Xeon(R) Gold 6226R CPU @ 2.90GHz"), tmp.resolve("none"), NO_GPU, ticker);
        EnergySettings settings = EnergySettings.fromPlan(Map.of("region", "DE", "pue", 1.5));
        try (CompositeEnergyMeter meter = EnergyMeters.detect(settings, env)) {
            EnergyReading r = meter.start("sample").stop(10.0, 4.0);
            double cpu = 4.0 * 150.0 / 32;          // CPU seconds x TDP / threads
            double ram = 0.375 * 2.0 * 10.0;        // W/GB x GB x wall seconds
            assertEquals("estimated-tdp", r.method());
            assertEquals(cpu + ram, r.joules(), 1e-9);
            assertEquals(cpu * 0.5 + ram * 0.2, r.joulesLow(), 1e-9);
            assertEquals(cpu * 1.5 + ram * 1.7, r.joulesHigh(), 1e-9);
            assertEquals((cpu + ram) / 3.6e6 * 1.5 * 381, r.gramsCo2e(), 1e-12);
            assertEquals(r.joulesLow() / 3.6e6 * 1.5 * 381, r.gramsCo2eLow(), 1e-12);
            assertEquals(cpu, r.figures().cpuJoules(), 1e-12);
            assertEquals(ram, r.figures().ramJoules(), 1e-12);
            assertEquals(0.0, r.figures().gpuJoules());
            assertEquals(r.figures(), EnergyFigures.from(r.raw()), "the run record's raw map carries the same figures");
            Map<String, Object> a = meter.assumptions().asMap();
            assertEquals(1.5, a.get("pue"));
            assertEquals("DE", a.get("region"));
            assertEquals(2023, a.get("intensityYear"));
            assertEquals(150.0, a.get("cpuTdpWatts"));
            assertEquals(0.375, a.get("ramWattsPerGb"));
            assertEquals(16.0, (Double) a.get("ramTotalGb"), 1e-9);
            assertTrue(String.valueOf(a.get("method")).contains("estimated-tdp"));
            assertTrue(((List<?>) a.get("notes")).stream().anyMatch(n -> String.valueOf(n).contains("does not exist")));
        }
    }

    @Test
    void raplAndGpuAreUsedWhenPresent() throws IOException {
        FakePowercap fake = new FakePowercap(tmp.resolve("powercap"));
        fake.zone("intel-rapl:0", "package-0", 0, FakePowercap.INTEL_MAX).zone("intel-rapl:0:0", "dram", 0, FakePowercap.INTEL_MAX);
        FakeNvidiaSmi smi = new FakeNvidiaSmi(List.of("0, 400.00, NVIDIA A100-SXM4-40GB"), List.of(
                "2026/11/25 08:00:00.000, 0, 100.00, 50", "2026/11/25 08:00:10.000, 0, 100.00, 50"));
        EnergyEnvironment env = env(fakeProc("AMD EPYC 7543 32-Core Processor"), fake.root, smi, Ticker.manual());
        try (CompositeEnergyMeter meter = EnergyMeters.detect(EnergySettings.defaults(), env)) {
            EnergyMeter.Session s = meter.start("train");
            fake.set("intel-rapl:0", 250_000_000L);
            fake.set("intel-rapl:0:0", 20_000_000L);
            ((NvidiaGpuComponentTest.HandClock) env.clock()).now = Instant.parse("2026-11-25T08:00:10Z");
            EnergyReading r = s.stop(10.0, 30.0);
            assertEquals("measured-rapl+measured-nvml", r.method());
            assertEquals(250 + 20 + 1000, r.joules(), 1e-9);
            assertEquals(250 + 20 + 1000 - 5.0 * 10, r.joulesLow(), 1e-9);
            assertEquals("machine", meter.assumptions().trackingMode());
            assertEquals(1, meter.assumptions().gpuCount());
            assertEquals(480.0 * 1270 / 3.6e6, r.gramsCo2e(), 1e-12);
        }
    }

    @Test
    void phasesAreIndependentAndSumToTheTotal() throws IOException {
        Ticker.Manual ticker = Ticker.manual();
        EnergyEnvironment env = env(fakeProc("AMD EPYC 7543 32-Core Processor"), tmp.resolve("none"), NO_GPU, ticker);
        try (CompositeEnergyMeter meter = EnergyMeters.detect(EnergySettings.defaults().withRegion("SE"), env)) {
            EnergyReading a = meter.start("train").stop(5.0, 8.0);
            EnergyReading b = meter.start("sample").stop(2.0, 1.0);
            EnergyReading c = meter.start("evaluate").stop(1.0, 0.5);
            PerUnitEnergy.Summary s = PerUnitEnergy.of(List.of(
                    new PhaseEnergy("train", "train", "m", a, Map.of()),
                    new PhaseEnergy("sample", "sample", "m", b, Map.of("images", 500L)),
                    new PhaseEnergy("evaluate", "evaluate", "m", c, Map.of("images", 500L))));
            assertEquals(a.joules() + b.joules() + c.joules(), s.total().joules(), 1e-12);
            assertEquals(a.gramsCo2eHigh() + b.gramsCo2eHigh() + c.gramsCo2eHigh(), s.total().gramsHigh(), 1e-15);
            assertEquals(a.joules(), s.training().joules(), 1e-12);
            assertEquals((b.joules() + c.joules()) * 1000 / 1000, s.perThousand().get(0).per1000().joules(), 1e-12);
            assertFalse(s.byKind().containsKey("unspecified"));
        }
    }
}
