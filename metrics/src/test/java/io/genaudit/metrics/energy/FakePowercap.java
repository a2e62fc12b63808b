package io.genaudit.metrics.energy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Lays out a fake /sys/class/powercap the way the kernel does: one flat directory per zone with name/energy files. */
final class FakePowercap {
    /** Intel's usual max_energy_range_uj (2^32 energy units of 61 uJ). */
    static final long INTEL_MAX = 262143328850L;

    final Path root;

    FakePowercap(Path root) throws IOException {
        this.root = Files.createDirectories(root);
    }

    /** Adds zone {@code zone} (e.g. intel-rapl:0:1) named {@code name} with counter {@code uj}. */
    FakePowercap zone(String zone, String name, long uj, long max) throws IOException {
        Path d = Files.createDirectories(root.resolve(zone));
        Files.writeString(d.resolve("name"), name + "\n");
        Files.writeString(d.resolve("energy_uj"), uj + "\n");
        Files.writeString(d.resolve("max_energy_range_uj"), max + "\n");
        Files.writeString(d.resolve("enabled"), "1\n");
        return this;
    }

    /** Sets zone {@code zone}'s counter. */
    void set(String zone, long uj) throws IOException {
        Files.writeString(root.resolve(zone).resolve("energy_uj"), uj + "\n");
    }

    /** A two-socket Intel server: packages with core, uncore and dram sub-zones, the control-type directory, and an MMIO duplicate. */
    static FakePowercap intelTwoSockets(Path root) throws IOException {
        FakePowercap p = new FakePowercap(root);
        Files.createDirectories(root.resolve("intel-rapl"));
        Files.writeString(root.resolve("intel-rapl").resolve("enabled"), "1\n");
        p.zone("intel-rapl:0", "package-0", 1_000_000_000L, INTEL_MAX)
                .zone("intel-rapl:0:0", "core", 500_000_000L, INTEL_MAX)
                .zone("intel-rapl:0:1", "uncore", 100_000_000L, INTEL_MAX)
                .zone("intel-rapl:0:2", "dram", 300_000_000L, 65712999613L)
                .zone("intel-rapl:1", "package-1", 2_000_000_000L, INTEL_MAX)
                .zone("intel-rapl:1:0", "core", 900_000_000L, INTEL_MAX)
                .zone("intel-rapl:1:1", "dram", 400_000_000L, 65712999613L)
                .zone("intel-rapl-mmio:0", "package-0", 1_000_000_000L, INTEL_MAX);
        return p;
    }
}
