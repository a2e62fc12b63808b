package io.genaudit.metrics.energy;

import java.nio.file.Path;

/**
 * One RAPL power zone from /sys/class/powercap: a package (summed), a DRAM domain (kept apart), the platform
 * ({@code psys}, recorded, never summed: it contains the packages) or a sub-domain (core, uncore: inside the package).
 *
 * @param zone             the zone's directory name, e.g. {@code intel-rapl:0} or {@code intel-rapl:0:2}
 * @param name             the zone's {@code name} file, e.g. {@code package-0}, {@code dram}, {@code core}
 * @param maxEnergyRangeUj where the energy counter wraps to zero, from {@code max_energy_range_uj}
 */
public record RaplDomain(String zone, String name, Path dir, Kind kind, long maxEnergyRangeUj) {
    /** How a zone counts in the total. */
    public enum Kind { PACKAGE, DRAM, PSYS, SUBDOMAIN }

    public Path energyFile() {
        return dir.resolve("energy_uj");
    }
}
