package io.genaudit.reports;

import io.genaudit.values.EnergyFigures;
import io.genaudit.values.EnergySite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Writes a run's energy as CodeCarbon-compatible CSV (CodeCarbon 3.3 {@code EmissionsData} column names and order:
 * water_consumed, CPU/GPU/RAM utilisation, ram_used_gb, on_cloud, pue, wue), so existing CodeCarbon
 * dashboards and notebooks read genaudit runs. {@code emissions.csv} gets one row per run, as CodeCarbon appends one
 * row per tracker run (summing a project's rows must not double count); the per-phase file mirrors CodeCarbon's task
 * file ({@code task_name} first, no experiment_id/pue/wue). Units as CodeCarbon: energy in kWh including PUE,
 * emissions in kg CO2e, power in W (mean over the measured time, without PUE), durations in seconds.
 *
 * <p>It reads the phases' typed {@link EnergyFigures} (joules per component, mean RAM and GPU load) and the run's
 * {@link EnergySite} (PUE, WUE, location, tracking mode, RAM size, GPUs), as written by the metrics module's energy
 * meter. Columns genaudit has no value for (python_version, codecarbon_version, cloud, coordinates) are left empty.
 * {@code water_consumed} is estimated as CodeCarbon does: the stated {@code wue} (L/kWh, from
 * {@code energyAssumptions.wue}, plan {@code energy.wue}; 0, CodeCarbon's default, when not stated) times
 * {@code energy_consumed} (kWh including PUE), in litres; {@code energyAssumptions.wueSource} labels the method.
 */
public final class EmissionsCsvRenderer {
    /** CodeCarbon's emissions.csv columns, in its order (EmissionsData, CodeCarbon 3.3.0, mlco2/codecarbon b05965e). */
    public static final List<String> RUN_COLUMNS = List.of("timestamp", "project_name", "run_id", "experiment_id",
            "duration", "emissions", "emissions_rate", "cpu_power", "gpu_power", "ram_power", "cpu_energy", "gpu_energy",
            "ram_energy", "energy_consumed", "water_consumed", "country_name", "country_iso_code", "region",
            "cloud_provider", "cloud_region", "os", "python_version", "codecarbon_version", "cpu_count", "cpu_model",
            "gpu_count", "gpu_model", "longitude", "latitude", "ram_total_size", "tracking_mode",
            "cpu_utilization_percent", "gpu_utilization_percent", "ram_utilization_percent", "ram_used_gb", "on_cloud",
            "pue", "wue");
    /** CodeCarbon's per-task file columns (TaskEmissionsData). */
    public static final List<String> TASK_COLUMNS = List.of("task_name", "timestamp", "project_name", "run_id",
            "duration", "emissions", "emissions_rate", "cpu_power", "gpu_power", "ram_power", "cpu_energy", "gpu_energy",
            "ram_energy", "energy_consumed", "water_consumed", "country_name", "country_iso_code", "region",
            "cloud_provider", "cloud_region", "os", "python_version", "codecarbon_version", "cpu_count", "cpu_model",
            "gpu_count", "gpu_model", "longitude", "latitude", "ram_total_size", "tracking_mode",
            "cpu_utilization_percent", "gpu_utilization_percent", "ram_utilization_percent", "ram_used_gb", "on_cloud");

    /** File name CodeCarbon uses for the per-run rows. */
    public static final String FILE = "emissions.csv";

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private EmissionsCsvRenderer() {
    }

    /** Sums of the phases' figures that a row needs. */
    private record Totals(double wall, double cpuSeconds, double cpuJ, double gpuJ, double ramJ, double grams,
                          double gpuUtilWeighted, double gpuUtilWall, double ramGbWeighted, double ramGbWall, String end) {
    }

    /** The header and one row for the run; null when no phase has an energy figure. */
    public static String render(RunRecord record) {
        List<PhaseRecord> phases = measured(record);
        if (phases.isEmpty()) return null;
        StringBuilder sb = new StringBuilder(String.join(",", RUN_COLUMNS)).append('\n');
        sb.append(String.join(",", runRow(record, phases))).append('\n');
        return sb.toString();
    }

    /** The header and one row per phase with an energy figure (CodeCarbon's task file); null when there is none. */
    public static String renderPhases(RunRecord record) {
        List<PhaseRecord> phases = measured(record);
        if (phases.isEmpty()) return null;
        StringBuilder sb = new StringBuilder(String.join(",", TASK_COLUMNS)).append('\n');
        for (PhaseRecord p : phases) {
            List<String> row = new ArrayList<>();
            String task = p.model() == null || p.model().isBlank() ? p.name() : p.name() + " (" + p.model() + ")";
            row.add(cell(task));
            List<String> common = common(record, List.of(p));
            // TASK_COLUMNS has no experiment_id: drop it (index 3 of the run layout), and pue/wue at the end
            common.remove(3);
            row.addAll(common.subList(0, common.size() - 2));
            sb.append(String.join(",", row)).append('\n');
        }
        return sb.toString();
    }

    private static List<String> runRow(RunRecord record, List<PhaseRecord> phases) {
        return common(record, phases);
    }

    /** Writes {@link #render} to {@code file}; appends the row when the file exists with the same header (as CodeCarbon does). */
    public static boolean write(RunRecord record, Path file) throws IOException {
        String text = render(record);
        if (text == null) return false;
        String header = String.join(",", RUN_COLUMNS);
        if (Files.isRegularFile(file) && Files.size(file) > 0) {
            String old = Files.readString(file, StandardCharsets.UTF_8);
            String firstLine = old.lines().findFirst().orElse("");
            if (firstLine.equals(header)) {
                String row = text.substring(text.indexOf('\n') + 1);
                AtomicWrite.writeString(file, (old.endsWith("\n") ? old : old + "\n") + row);
                return true;
            }
            // another format: keep it beside, as CodeCarbon's backup does
            Files.copy(file, file.resolveSibling(file.getFileName() + ".bak"), StandardCopyOption.REPLACE_EXISTING);
        }
        AtomicWrite.writeString(file, text);
        return true;
    }

    /** Writes {@link #renderPhases} to {@code file} (replacing it). */
    public static boolean writePhases(RunRecord record, Path file) throws IOException {
        String text = renderPhases(record);
        if (text == null) return false;
        AtomicWrite.writeString(file, text);
        return true;
    }

    private static List<PhaseRecord> measured(RunRecord record) {
        Provenance p = record.provenance();
        if (p == null || p.phases() == null) return List.of();
        return p.phases().stream().filter(ph -> ph.energy() != null).toList();
    }

    private static Totals totals(List<PhaseRecord> phases) {
        double wall = 0, cpuS = 0, cpuJ = 0, gpuJ = 0, ramJ = 0, grams = 0, gu = 0, guw = 0, rg = 0, rgw = 0;
        String end = null;
        Instant last = null;
        for (PhaseRecord ph : phases) {
            EnergyFigure e = ph.energy();
            // a meter that gave only a total: book it as CPU energy
            EnergyFigures f = e.figures() != null ? e.figures() : new EnergyFigures(e.joules(), 0, 0, null, null);
            wall += ph.wallSeconds();
            cpuS += Double.isNaN(ph.cpuSeconds()) ? 0 : ph.cpuSeconds();
            cpuJ += f.cpuJoules();
            gpuJ += f.gpuJoules();
            ramJ += f.ramJoules();
            grams += e.gramsCo2e();
            if (f.gpuUtilizationPercentMean() != null) {
                gu += f.gpuUtilizationPercentMean() * ph.wallSeconds();
                guw += ph.wallSeconds();
            }
            if (f.ramUsedGbMean() != null) {
                rg += f.ramUsedGbMean() * ph.wallSeconds();
                rgw += ph.wallSeconds();
            }
            try {
                Instant stop = Instant.parse(ph.start()).plusNanos((long) (ph.wallSeconds() * 1e9));
                if (last == null || stop.isAfter(last)) last = stop;
            } catch (RuntimeException ignored) {
                // a phase without a parseable start does not move the timestamp
            }
        }
        if (last != null) end = TIMESTAMP.format(last);
        return new Totals(wall, cpuS, cpuJ, gpuJ, ramJ, grams, gu, guw, rg, rgw, end);
    }

    /** The run layout's cells for {@code phases}. */
    private static List<String> common(RunRecord record, List<PhaseRecord> phases) {
        Provenance prov = record.provenance();
        EnergySite site = EnergySite.from(prov.energyAssumptions());
        Totals t = totals(phases);
        double pue = site.pue();
        double wue = site.wue();
        double kwh = (t.cpuJ() + t.gpuJ() + t.ramJ()) / 3.6e6 * pue;
        double ramTotal = site.ramTotalGb() == null ? Double.NaN : site.ramTotalGb();
        double kg = t.grams() / 1000;
        List<String> row = new ArrayList<>();
        row.add(cell(t.end() == null ? "" : t.end()));
        row.add(cell(record.planName() == null ? "genaudit" : record.planName()));
        row.add(cell(runId(prov).toString()));
        row.add(cell(UUID.nameUUIDFromBytes(("genaudit-plan:" + prov.planSha256()).getBytes(StandardCharsets.UTF_8)).toString()));
        row.add(n(t.wall()));
        row.add(n(kg));
        row.add(n(t.wall() > 0 ? kg / t.wall() : 0));
        row.add(n(t.wall() > 0 ? t.cpuJ() / t.wall() : 0));
        row.add(n(t.wall() > 0 ? t.gpuJ() / t.wall() : 0));
        row.add(n(t.wall() > 0 ? t.ramJ() / t.wall() : 0));
        row.add(n(t.cpuJ() / 3.6e6 * pue));
        row.add(n(t.gpuJ() / 3.6e6 * pue));
        row.add(n(t.ramJ() / 3.6e6 * pue));
        row.add(n(kwh));
        row.add(n(wue * kwh));
        row.add(cell(str(site.countryName())));
        row.add(cell(str(site.countryIso3())));
        row.add(cell(str(site.regionName()).toLowerCase(Locale.ROOT)));
        row.add("");
        row.add("");
        row.add(cell(prov.os() == null ? "" : prov.os()));
        row.add("");
        row.add("");
        row.add(prov.cores() > 0 ? Integer.toString(prov.cores()) : "");
        row.add(cell(prov.cpuModel() == null ? "" : prov.cpuModel()));
        row.add(site.gpuCount() == 0 ? "" : Integer.toString(site.gpuCount()));
        row.add(cell(str(site.gpuModel())));
        row.add("");
        row.add("");
        row.add(Double.isNaN(ramTotal) ? "" : n(ramTotal));
        row.add(cell(str(site.trackingMode())));
        row.add(t.wall() > 0 && prov.cores() > 0 ? n(100 * t.cpuSeconds() / (t.wall() * prov.cores())) : "");
        row.add(t.gpuUtilWall() > 0 ? n(t.gpuUtilWeighted() / t.gpuUtilWall()) : "");
        double ramUsed = t.ramGbWall() > 0 ? t.ramGbWeighted() / t.ramGbWall() : Double.NaN;
        row.add(!Double.isNaN(ramUsed) && ramTotal > 0 ? n(100 * ramUsed / ramTotal) : "");
        row.add(Double.isNaN(ramUsed) ? "" : n(ramUsed));
        row.add("N");
        row.add(n(pue));
        row.add(n(wue));
        return row;
    }

    /** A stable run id: a name-based UUID of the plan hash and the start time. */
    public static UUID runId(Provenance prov) {
        return UUID.nameUUIDFromBytes(("genaudit-run:" + prov.planSha256() + ":" + prov.startedAt()).getBytes(StandardCharsets.UTF_8));
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    private static String n(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "" : Double.toString(v);
    }

    /** RFC 4180 quoting where needed. */
    static String cell(String s) {
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
