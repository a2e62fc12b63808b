package io.genaudit.metrics.energy;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the RAPL zones under a powercap root (normally /sys/class/powercap, where the kernel lists every zone flat:
 * {@code intel-rapl:0}, {@code intel-rapl:0:0}, ...; nested layouts under /sys/devices/virtual/powercap are found
 * too) and checks that the counters that count are readable. AMD CPUs (kernel 5.8+) use the same {@code intel-rapl}
 * control type; other control types named {@code *-rapl} are accepted, the MMIO duplicate interface is skipped.
 *
 * @param status {@code available}, {@code absent} or {@code unreadable}
 * @param note   what was found and, when unreadable, how to fix it
 */
public record RaplProbe(String status, List<RaplDomain> domains, String note) {
    private static final Pattern ZONE = Pattern.compile("^([a-z0-9-]*rapl[a-z0-9-]*):(\\d+)(?::(\\d+))?$");

    public boolean available() {
        return status.equals("available");
    }

    /** Domains whose energy is summed or kept (packages and DRAM). */
    public List<RaplDomain> counted() {
        return domains.stream().filter(d -> d.kind() == RaplDomain.Kind.PACKAGE || d.kind() == RaplDomain.Kind.DRAM).toList();
    }

    /** Probes {@code root} with {@code reader}. */
    public static RaplProbe of(Path root, SysfsReader reader) {
        if (!Files.isDirectory(root)) {
            return new RaplProbe("absent", List.of(), "no RAPL counters: " + root + " does not exist (not Linux, a VM "
                    + "without powercap, or the intel_rapl_common/intel_rapl_msr modules are not loaded)");
        }
        Map<String, Path> zones = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root, 3)) {
            s.filter(Files::isDirectory).sorted(Comparator.comparing(p -> p.getFileName().toString())).forEach(p -> {
                String n = p.getFileName() == null ? "" : p.getFileName().toString();
                Matcher m = ZONE.matcher(n);
                if (!m.matches()) return;
                if (m.group(1).contains("mmio")) {
                    skipped.add(n);
                    return;
                }
                zones.putIfAbsent(n, p);
            });
        } catch (IOException | RuntimeException e) {
            return new RaplProbe("absent", List.of(), "no RAPL counters: cannot list " + root + ": " + e.getMessage());
        }
        List<RaplDomain> domains = new ArrayList<>();
        for (var e : zones.entrySet()) {
            Matcher m = ZONE.matcher(e.getKey());
            m.matches();
            boolean top = m.group(3) == null;
            String name;
            try {
                name = reader.read(e.getValue().resolve("name")).toLowerCase(Locale.ROOT);
            } catch (IOException ex) {
                continue;
            }
            RaplDomain.Kind kind;
            if (name.equals("dram")) kind = RaplDomain.Kind.DRAM;
            else if (top && name.startsWith("package")) kind = RaplDomain.Kind.PACKAGE;
            else if (top && name.equals("psys")) kind = RaplDomain.Kind.PSYS;
            else kind = RaplDomain.Kind.SUBDOMAIN;
            long max;
            try {
                max = Long.parseLong(reader.read(e.getValue().resolve("max_energy_range_uj")));
            } catch (IOException | NumberFormatException ex) {
                max = -1;
            }
            domains.add(new RaplDomain(e.getKey(), name, e.getValue(), kind, max));
        }
        String skippedNote = skipped.isEmpty() ? "" : "; skipped " + String.join(", ", skipped) + " (MMIO duplicate of the package counters)";
        List<RaplDomain> packages = domains.stream().filter(d -> d.kind() == RaplDomain.Kind.PACKAGE).toList();
        if (packages.isEmpty()) {
            return new RaplProbe("absent", domains, "no RAPL package domain under " + root + skippedNote);
        }
        List<String> unreadable = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        for (RaplDomain d : domains) {
            if (d.kind() != RaplDomain.Kind.PACKAGE && d.kind() != RaplDomain.Kind.DRAM) continue;
            try {
                Long.parseLong(reader.read(d.energyFile()));
                if (d.maxEnergyRangeUj() <= 0) broken.add(d.dir().resolve("max_energy_range_uj") + " unreadable");
            } catch (AccessDeniedException ex) {
                unreadable.add(d.energyFile().toString());
            } catch (IOException ex) {
                if (String.valueOf(ex.getMessage()).toLowerCase(Locale.ROOT).contains("permission denied")) {
                    unreadable.add(d.energyFile().toString());
                } else {
                    broken.add(d.energyFile() + ": " + ex.getMessage());
                }
            } catch (NumberFormatException ex) {
                broken.add(d.energyFile() + ": not a number");
            }
        }
        if (!unreadable.isEmpty()) {
            return new RaplProbe("unreadable", domains, "RAPL counters exist but are not readable by this user: "
                    + String.join(", ", unreadable) + ". Since the fix for CVE-2020-8694 (PLATYPUS, Nov 2020) the kernel "
                    + "makes energy_uj readable by root only. To measure instead of estimating, run "
                    + "`sudo chmod a+r " + root + "/intel-rapl:*/energy_uj " + root + "/intel-rapl:*:*/energy_uj` "
                    + "(until reboot) or add a udev rule, e.g. /etc/udev/rules.d/99-rapl.rules: "
                    + "ACTION==\"add\", SUBSYSTEM==\"powercap\", RUN+=\"/bin/chmod a+r /sys%p/energy_uj\". "
                    + "Note that readable RAPL counters let any local user observe power (the reason for the restriction). "
                    + "Falling back to the estimated-tdp method" + skippedNote);
        }
        if (!broken.isEmpty()) {
            return new RaplProbe("absent", domains, "RAPL counters present but unusable: " + String.join("; ", broken)
                    + ". Falling back to the estimated-tdp method" + skippedNote);
        }
        StringBuilder sb = new StringBuilder("RAPL: ");
        for (RaplDomain d : domains) {
            sb.append(d.zone()).append('=').append(d.name()).append(" (").append(d.kind().name().toLowerCase(Locale.ROOT)).append(") ");
        }
        return new RaplProbe("available", domains, sb.toString().strip() + skippedNote);
    }
}
