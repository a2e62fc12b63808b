package io.genaudit.metrics.energy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Reads the few /proc figures energy estimates need: the CPU model, total and available memory, a process's resident
 * memory and its children's CPU time. The root is injectable so tests can lay out a fake /proc.
 */
public final class ProcFs {
    /** Linux's USER_HZ: the unit of the clock-tick fields of /proc/[pid]/stat, 100 on every mainstream kernel. */
    public static final double USER_HZ = 100.0;

    private final Path root;

    public ProcFs(Path root) {
        this.root = root;
    }

    /** The real /proc. */
    public static ProcFs system() {
        return new ProcFs(Path.of("/proc"));
    }

    /** The first "model name" in cpuinfo, or null where there is none (non-Linux, some ARM kernels). */
    public String cpuModel() {
        String text = read(root.resolve("cpuinfo"));
        if (text == null) return null;
        for (String line : text.split("\n")) {
            int c = line.indexOf(':');
            if (c > 0 && line.substring(0, c).strip().equals("model name")) {
                String v = line.substring(c + 1).strip();
                return v.isEmpty() ? null : v;
            }
        }
        return null;
    }

    /** Total memory in GB (10^9 bytes, as CodeCarbon's ram_total_size), from meminfo MemTotal. */
    public OptionalDouble memTotalGb() {
        OptionalLong kb = kb(read(root.resolve("meminfo")), "MemTotal");
        return kb.isPresent() ? OptionalDouble.of(kb.getAsLong() * 1024.0 / 1e9) : OptionalDouble.empty();
    }

    /** Memory in use by the whole machine in GB: MemTotal minus MemAvailable. */
    public OptionalDouble memUsedGb() {
        String text = read(root.resolve("meminfo"));
        OptionalLong total = kb(text, "MemTotal"), avail = kb(text, "MemAvailable");
        if (total.isEmpty() || avail.isEmpty()) return OptionalDouble.empty();
        return OptionalDouble.of((total.getAsLong() - avail.getAsLong()) * 1024.0 / 1e9);
    }

    /** Resident memory (VmRSS) of process {@code pid} ("self" allowed) in GB; empty when the process is gone. */
    public OptionalDouble rssGb(String pid) {
        OptionalLong kb = kb(read(root.resolve(pid).resolve("status")), "VmRSS");
        return kb.isPresent() ? OptionalDouble.of(kb.getAsLong() * 1024.0 / 1e9) : OptionalDouble.empty();
    }

    /**
     * CPU seconds of the waited-for children of {@code pid} (cutime + cstime of /proc/[pid]/stat): every child the
     * process has reaped, with the children those reaped in turn. Empty when unreadable.
     */
    public OptionalDouble childrenCpuSeconds(String pid) {
        String text = read(root.resolve(pid).resolve("stat"));
        if (text == null) return OptionalDouble.empty();
        int close = text.lastIndexOf(')');
        if (close < 0) return OptionalDouble.empty();
        String[] f = text.substring(close + 1).strip().split("\\s+");
        // after the command name: field 3 (state) is f[0]; cutime is field 16, cstime field 17
        if (f.length < 15) return OptionalDouble.empty();
        try {
            return OptionalDouble.of((Long.parseLong(f[13]) + Long.parseLong(f[14])) / USER_HZ);
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    private static OptionalLong kb(String text, String key) {
        if (text == null) return OptionalLong.empty();
        for (String line : text.split("\n")) {
            if (line.startsWith(key + ":")) {
                String[] f = line.substring(key.length() + 1).strip().split("\\s+");
                try {
                    return OptionalLong.of(Long.parseLong(f[0]));
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
