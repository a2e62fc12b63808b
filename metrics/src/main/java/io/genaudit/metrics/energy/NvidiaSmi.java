package io.genaudit.metrics.energy;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Talks to {@code nvidia-smi}: lists the GPUs, builds the streaming power query, and parses its CSV lines
 * ({@code timestamp, index, power.draw, utilization.gpu}). The NVML counters behind it are read by the driver.
 *
 * @param program  the nvidia-smi program (a name on the PATH or a path)
 * @param launcher how commands are run
 * @param zone     the zone nvidia-smi's local-time timestamps are in (the system default for a real run)
 */
public record NvidiaSmi(String program, CommandLauncher launcher, ZoneId zone) {
    /** nvidia-smi's timestamp column format. */
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss.SSS", Locale.ROOT);

    /** One GPU as listed. */
    public record Gpu(int index, String name, double powerLimitWatts) {
    }

    /** One power sample: epoch seconds, GPU index, watts, utilization percent (NaN when not reported). */
    public record Sample(double epochSeconds, int index, double watts, double utilizationPercent) {
    }

    /** The GPUs nvidia-smi lists, or empty when it is absent, fails, or lists none. */
    public Optional<List<Gpu>> gpus() {
        if (!launcher.exists(program)) return Optional.empty();
        try {
            List<String> lines = launcher.run(List.of(program, "--query-gpu=index,power.limit,name",
                    "--format=csv,noheader,nounits"), Duration.ofSeconds(10));
            List<Gpu> gpus = new ArrayList<>();
            for (String line : lines) {
                String[] f = line.split(",", 3);
                if (f.length < 3) continue;
                try {
                    gpus.add(new Gpu(Integer.parseInt(f[0].strip()), f[2].strip(), number(f[1])));
                } catch (NumberFormatException e) {
                    // not a GPU line (a warning or message): ignore
                }
            }
            return gpus.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(gpus));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The command that streams power samples every {@code millis} ms. */
    public List<String> streamCommand(long millis) {
        return List.of(program, "--query-gpu=timestamp,index,power.draw,utilization.gpu",
                "--format=csv,noheader,nounits", "-lms", Long.toString(millis));
    }

    /** Parses one streamed line; empty for a header, a message or a power reading of N/A. */
    public Optional<Sample> parse(String line) {
        String[] f = line.split(",");
        if (f.length < 3) return Optional.empty();
        try {
            LocalDateTime t = LocalDateTime.parse(f[0].strip(), TIMESTAMP);
            double epoch = t.atZone(zone).toInstant().toEpochMilli() / 1000.0;
            int index = Integer.parseInt(f[1].strip());
            double w = number(f[2]);
            if (Double.isNaN(w)) return Optional.empty();
            double util = f.length > 3 ? number(f[3]) : Double.NaN;
            return Optional.of(new Sample(epoch, index, w, util));
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A number, or NaN for nvidia-smi's "N/A", "[N/A]", "[Not Supported]". */
    static double number(String s) {
        String v = s.strip();
        if (v.isEmpty() || v.startsWith("[") || v.equalsIgnoreCase("N/A")) return Double.NaN;
        return Double.parseDouble(v);
    }
}
