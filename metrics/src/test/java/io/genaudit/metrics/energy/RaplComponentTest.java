package io.genaudit.metrics.energy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RaplComponentTest {
    @TempDir
    Path tmp;

    private static final CpuPower CPU = new CpuPower("test cpu", 100, 10, "test", true, 0.5, 1.5);

    private static RamPowerModel constantRam(Ticker t, double gb) {
        MemorySource m = new MemorySource() {
            @Override
            public java.util.OptionalDouble gb() {
                return java.util.OptionalDouble.of(gb);
            }

            @Override
            public String describe() {
                return "fixed";
            }
        };
        return new RamPowerModel(m, t, () -> 0L);
    }

    private static ComponentEnergy part(List<ComponentEnergy> parts, String component) {
        return parts.stream().filter(p -> p.component().equals(component)).findFirst().orElseThrow();
    }

    @Test
    void findsPackagesAndDramIgnoresSubdomainsAndMmio() throws IOException {
        FakePowercap fake = FakePowercap.intelTwoSockets(tmp.resolve("powercap"));
        RaplProbe probe = RaplProbe.of(fake.root, SysfsReader.files());
        assertTrue(probe.available(), probe.note());
        assertEquals(List.of("intel-rapl:0", "intel-rapl:0:2", "intel-rapl:1", "intel-rapl:1:1"),
                probe.counted().stream().map(RaplDomain::zone).toList());
        assertTrue(probe.note().contains("intel-rapl-mmio:0"), probe.note());
        assertEquals(RaplDomain.Kind.SUBDOMAIN, probe.domains().stream().filter(d -> d.zone().equals("intel-rapl:0:0")).findFirst().orElseThrow().kind());
    }

    @Test
    void sumsPackageDeltasKeepsDramApartAndUnwrapsAtMaxRange() throws IOException {
        FakePowercap fake = FakePowercap.intelTwoSockets(tmp.resolve("powercap"));
        // package-0 starts 1 J below its wrap point
        fake.set("intel-rapl:0", FakePowercap.INTEL_MAX - 1_000_000L);
        Ticker.Manual ticker = Ticker.manual();
        RaplProbe probe = RaplProbe.of(fake.root, SysfsReader.files());
        RaplComponent rapl = new RaplComponent(probe, SysfsReader.files(), ticker, new TdpCpuEstimate(CPU), constantRam(ticker, 8));
        assertTrue(rapl.measuresDram());
        EnergyComponent.Session s = rapl.start();
        // package-0: +1 J to the wrap, then 4 J after it; package-1: +10 J; core sub-domain moves too (ignored)
        fake.set("intel-rapl:0", 4_000_000L);
        fake.set("intel-rapl:1", 2_010_000_000L);
        fake.set("intel-rapl:0:0", 600_000_000L);
        ticker.tick();
        fake.set("intel-rapl:1", 2_012_500_000L);
        fake.set("intel-rapl:0:2", 302_000_000L);
        fake.set("intel-rapl:1:1", 401_000_000L);
        List<ComponentEnergy> parts = s.stop(3.0, 1.0);
        ComponentEnergy cpu = part(parts, "cpu");
        assertEquals("measured-rapl", cpu.method());
        assertEquals(1.0 + 4.0 + 12.5, cpu.joules(), 1e-9);
        assertEquals(cpu.joules(), cpu.joulesLow());
        assertEquals(cpu.joules(), cpu.joulesHigh());
        assertTrue(String.valueOf(cpu.raw().get("scope")).contains("every process"));
        @SuppressWarnings("unchecked") List<Map<String, Object>> counters = (List<Map<String, Object>>) cpu.raw().get("counters");
        assertEquals(1, counters.get(0).get("wraps"));
        ComponentEnergy ram = part(parts, "ram");
        assertEquals("measured-rapl", ram.method());
        assertEquals(2.0 + 1.0, ram.joules(), 1e-9);
        assertEquals(0, ticker.registered());
    }

    @Test
    void withoutDramDomainRamIsModelled() throws IOException {
        // AMD (kernel 5.8+): same intel-rapl control type, package-0 only, a core sub-zone, no dram
        FakePowercap fake = new FakePowercap(tmp.resolve("amd"));
        fake.zone("intel-rapl:0", "package-0", 5_000_000L, 65532610987L).zone("intel-rapl:0:0", "core", 1_000L, 65532610987L);
        Ticker.Manual ticker = Ticker.manual();
        RaplProbe probe = RaplProbe.of(fake.root, SysfsReader.files());
        assertTrue(probe.available(), probe.note());
        RaplComponent rapl = new RaplComponent(probe, SysfsReader.files(), ticker, new TdpCpuEstimate(CPU), constantRam(ticker, 8));
        assertFalse(rapl.measuresDram());
        EnergyComponent.Session s = rapl.start();
        fake.set("intel-rapl:0", 65_000_000L);
        List<ComponentEnergy> parts = s.stop(10.0, 2.0);
        assertEquals(60.0, part(parts, "cpu").joules(), 1e-9);
        ComponentEnergy ram = part(parts, "ram");
        assertEquals("estimated-ram-model", ram.method());
        assertEquals(0.375 * 8 * 10.0, ram.joules(), 1e-9);
        assertEquals("estimated-ram+measured-rapl", CompositeEnergyMeter.methodLabel(parts));
    }

    @Test
    void otherRaplControlTypesAreAccepted() throws IOException {
        FakePowercap fake = new FakePowercap(tmp.resolve("amd-rapl"));
        fake.zone("amd-rapl:0", "package-0", 0L, 1_000_000_000L);
        RaplProbe probe = RaplProbe.of(fake.root, SysfsReader.files());
        assertTrue(probe.available(), probe.note());
    }

    @Test
    void unreadableCountersGiveANoteWithTheFixAndNoMeasurement() throws IOException {
        FakePowercap fake = FakePowercap.intelTwoSockets(tmp.resolve("powercap"));
        SysfsReader denied = file -> {
            if (file.getFileName().toString().equals("energy_uj")) throw new AccessDeniedException(file.toString());
            return SysfsReader.files().read(file);
        };
        RaplProbe probe = RaplProbe.of(fake.root, denied);
        assertEquals("unreadable", probe.status());
        assertTrue(probe.note().contains("chmod a+r"), probe.note());
        assertTrue(probe.note().contains("udev"), probe.note());
        assertTrue(probe.note().contains("intel-rapl:0/energy_uj"), probe.note());
    }

    @Test
    void missingRootIsAbsent() {
        RaplProbe probe = RaplProbe.of(tmp.resolve("nope"), SysfsReader.files());
        assertEquals("absent", probe.status());
        assertTrue(probe.note().contains("does not exist"));
    }

    @Test
    void counterFailingMidPhaseFallsBackToTheEstimateAndSaysSo() throws IOException {
        FakePowercap fake = new FakePowercap(tmp.resolve("p"));
        fake.zone("intel-rapl:0", "package-0", 5_000_000L, FakePowercap.INTEL_MAX);
        boolean[] deny = {false};
        SysfsReader reader = file -> {
            if (deny[0] && file.getFileName().toString().equals("energy_uj")) throw new AccessDeniedException(file.toString());
            return SysfsReader.files().read(file);
        };
        Ticker.Manual ticker = Ticker.manual();
        RaplComponent rapl = new RaplComponent(RaplProbe.of(fake.root, reader), reader, ticker, new TdpCpuEstimate(CPU), constantRam(ticker, 1));
        EnergyComponent.Session s = rapl.start();
        deny[0] = true;
        ComponentEnergy cpu = part(s.stop(2.0, 4.0), "cpu");
        assertEquals("estimated-tdp", cpu.method());
        assertEquals(4.0 * 100 / 10, cpu.joules(), 1e-12);
        assertTrue(String.valueOf(cpu.raw().get("note")).contains("RAPL counters failed"));
    }
}
