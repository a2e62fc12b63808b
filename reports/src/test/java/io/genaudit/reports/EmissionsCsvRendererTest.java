package io.genaudit.reports;

import io.genaudit.values.EnergyFigures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmissionsCsvRendererTest {
    @TempDir
    Path tmp;

    /**
     * The header of an emissions.csv written by CodeCarbon 3.x (copied from a real run's file); the same fields, in the
     * same order, as EmissionsData in CodeCarbon 3.3.0 (mlco2/codecarbon b05965e, codecarbon/output_methods/emissions_data.py).
     */
    private static final String CODECARBON_3_HEADER = "timestamp,project_name,run_id,experiment_id,duration,emissions,"
            + "emissions_rate,cpu_power,gpu_power,ram_power,cpu_energy,gpu_energy,ram_energy,energy_consumed,water_consumed,"
            + "country_name,country_iso_code,region,cloud_provider,cloud_region,os,python_version,codecarbon_version,"
            + "cpu_count,cpu_model,gpu_count,gpu_model,longitude,latitude,ram_total_size,tracking_mode,"
            + "cpu_utilization_percent,gpu_utilization_percent,ram_utilization_percent,ram_used_gb,on_cloud,pue,wue";

    private static Map<String, Object> raw(double cpuJ, double gpuJ, double ramJ, double ramGb) {
        Map<String, Object> m = new LinkedHashMap<>();
        new EnergyFigures(cpuJ, gpuJ, ramJ, ramGb, null).putInto(m);
        return m;
    }

    /** Two measured phases at 400 g/kWh and PUE 1.5; one phase without energy. */
    static RunRecord record() {
        double g1 = (7200 + 360) / 3.6e6 * 1.5 * 400, g2 = (3600 + 1800 + 180) / 3.6e6 * 1.5 * 400;
        Map<String, Object> assumptions = new LinkedHashMap<>();
        assumptions.put("pue", 1.5);
        assumptions.put("countryName", "United States");
        assumptions.put("countryIso3", "USA");
        assumptions.put("regionName", "California");
        assumptions.put("trackingMode", "process");
        assumptions.put("ramTotalGb", 16.0);
        assumptions.put("gpuCount", 1);
        assumptions.put("gpuModel", "1 x NVIDIA A100, 40GB");
        Provenance prov = new Provenance("0.1.0", "plan.yaml", "ab".repeat(32), 1L, List.of(), Map.of(), "java 21",
                "Linux 6.1 amd64", "AMD EPYC 7543 32-Core Processor", 4, "PyTorch", "2.7.1", "2026-11-25T07:00:00Z", 100.0,
                List.of(new PhaseRecord("train", "train", "dcgan", "2026-11-25T07:00:00Z", 60.0, 120.0,
                                new EnergyFigure("estimated-tdp", 7560, 3800, 11000, g1, g1 / 2, g1 * 1.5, raw(7200, 0, 360, 2.0)), Map.of()),
                        new PhaseRecord("sample", "sample", "dcgan", "2026-11-25T07:01:00Z", 30.0, 30.0,
                                new EnergyFigure("estimated-tdp+measured-nvml", 5580, 4000, 7000, g2, g2 / 2, g2 * 1.5, raw(3600, 1800, 180, 4.0)), Map.of()),
                        new PhaseRecord("evaluate", "evaluate", "dcgan", "2026-11-25T07:01:30Z", 5.0, 5.0, null, Map.of())),
                assumptions);
        return new RunRecord(RunRecord.SCHEMA_VERSION, "t", "nightly", "PASS", List.of(), List.of(), prov);
    }

    /** Minimal RFC 4180 reader for the test. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') quoted = false;
                else cell.append(c);
            } else if (c == '"') quoted = true;
            else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else cell.append(c);
        }
        return rows;
    }

    private static Map<String, String> asMap(List<String> header, List<String> row) {
        assertEquals(header.size(), row.size());
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) m.put(header.get(i), row.get(i));
        return m;
    }

    @Test
    void headerMatchesCodeCarbonExactly() {
        assertEquals(CODECARBON_3_HEADER, String.join(",", EmissionsCsvRenderer.RUN_COLUMNS));
        String csv = EmissionsCsvRenderer.render(record());
        assertTrue(csv.startsWith(CODECARBON_3_HEADER + "\n"));
        assertEquals(List.of("task_name", "timestamp", "project_name", "run_id", "duration"), EmissionsCsvRenderer.TASK_COLUMNS.subList(0, 5));
    }

    @Test
    void oneRunRowInCodeCarbonUnits() {
        List<List<String>> rows = parse(EmissionsCsvRenderer.render(record()));
        assertEquals(2, rows.size());
        Map<String, String> r = asMap(rows.get(0), rows.get(1));
        double kwh = (7200 + 360 + 3600 + 1800 + 180) / 3.6e6 * 1.5;
        assertEquals(kwh, Double.parseDouble(r.get("energy_consumed")), 1e-15);
        assertEquals(kwh * 400 / 1000, Double.parseDouble(r.get("emissions")), 1e-15);
        assertEquals(90.0, Double.parseDouble(r.get("duration")));
        assertEquals(kwh * 0.4 / 90, Double.parseDouble(r.get("emissions_rate")), 1e-18);
        assertEquals((7200 + 3600) / 90.0, Double.parseDouble(r.get("cpu_power")), 1e-12);
        assertEquals(1800 / 90.0, Double.parseDouble(r.get("gpu_power")), 1e-12);
        assertEquals(10800 / 3.6e6 * 1.5, Double.parseDouble(r.get("cpu_energy")), 1e-15);
        assertEquals("2026-11-25T07:01:30", r.get("timestamp"));
        assertEquals("nightly", r.get("project_name"));
        assertEquals("USA", r.get("country_iso_code"));
        assertEquals("california", r.get("region"));
        assertEquals("1 x NVIDIA A100, 40GB", r.get("gpu_model"));
        assertEquals("1", r.get("gpu_count"));
        assertEquals("process", r.get("tracking_mode"));
        assertEquals(100 * 150.0 / (90 * 4), Double.parseDouble(r.get("cpu_utilization_percent")), 1e-12);
        assertEquals((2.0 * 60 + 4.0 * 30) / 90, Double.parseDouble(r.get("ram_used_gb")), 1e-12);
        assertEquals("N", r.get("on_cloud"));
        assertEquals("1.5", r.get("pue"));
        assertEquals("0.0", r.get("wue"));
        assertEquals(36, r.get("run_id").length());
    }

    @Test
    void waterIsTheStatedWueTimesEnergyIncludingPue() {
        Map<String, String> none = asMap(EmissionsCsvRenderer.RUN_COLUMNS, parse(EmissionsCsvRenderer.render(record())).get(1));
        assertEquals(0.0, Double.parseDouble(none.get("water_consumed")));
        RunRecord base = record();
        Map<String, Object> a = new LinkedHashMap<>(base.provenance().energyAssumptions());
        a.put("wue", 1.8);
        Provenance p = base.provenance();
        RunRecord withWue = new RunRecord(base.schemaVersion(), base.title(), base.planName(), base.verdict(), base.models(), base.audits(),
                new Provenance(p.genauditVersion(), p.planPath(), p.planSha256(), p.seed(), p.files(), p.models(), p.jvm(), p.os(),
                        p.cpuModel(), p.cores(), p.engine(), p.engineVersion(), p.startedAt(), p.wallSeconds(), p.phases(), a));
        Map<String, String> r = asMap(EmissionsCsvRenderer.RUN_COLUMNS, parse(EmissionsCsvRenderer.render(withWue)).get(1));
        double kwh = (7200 + 360 + 3600 + 1800 + 180) / 3.6e6 * 1.5;
        assertEquals(1.8 * kwh, Double.parseDouble(r.get("water_consumed")), 1e-15);
        assertEquals("1.8", r.get("wue"));
    }

    @Test
    void phaseRowsSumToTheRunRow() {
        List<List<String>> phases = parse(EmissionsCsvRenderer.renderPhases(record()));
        assertEquals(EmissionsCsvRenderer.TASK_COLUMNS, phases.get(0));
        assertEquals(3, phases.size());
        Map<String, String> a = asMap(phases.get(0), phases.get(1)), b = asMap(phases.get(0), phases.get(2));
        assertEquals("train (dcgan)", a.get("task_name"));
        Map<String, String> run = asMap(EmissionsCsvRenderer.RUN_COLUMNS, parse(EmissionsCsvRenderer.render(record())).get(1));
        for (String col : List.of("duration", "emissions", "cpu_energy", "gpu_energy", "ram_energy", "energy_consumed", "water_consumed")) {
            assertEquals(Double.parseDouble(run.get(col)), Double.parseDouble(a.get(col)) + Double.parseDouble(b.get(col)), 1e-12, col);
        }
        assertEquals(run.get("run_id"), a.get("run_id"));
    }

    @Test
    void appendsRowsToAnExistingFileAtomically() throws IOException {
        Path f = tmp.resolve("emissions.csv");
        assertTrue(EmissionsCsvRenderer.write(record(), f));
        assertTrue(EmissionsCsvRenderer.write(record(), f));
        List<List<String>> rows = parse(Files.readString(f));
        assertEquals(3, rows.size());
        Files.writeString(f, "timestamp,project_name,duration\nx,y,1\n");
        assertTrue(EmissionsCsvRenderer.write(record(), f));
        assertEquals(2, parse(Files.readString(f)).size());
        assertTrue(Files.exists(tmp.resolve("emissions.csv.bak")));
        try (var s = Files.list(tmp)) {
            assertEquals(2, s.count());
        }
    }

    @Test
    void noEnergyNoFile() throws IOException {
        RunRecord r = record();
        Provenance p = r.provenance();
        Provenance none = new Provenance(p.genauditVersion(), p.planPath(), p.planSha256(), p.seed(), p.files(), p.models(),
                p.jvm(), p.os(), p.cpuModel(), p.cores(), p.engine(), p.engineVersion(), p.startedAt(), p.wallSeconds(),
                List.of(new PhaseRecord("x", "evaluate", null, "2026-11-25T07:00:00Z", 1, 1, null, Map.of())), Map.of());
        RunRecord empty = new RunRecord(r.schemaVersion(), r.title(), r.planName(), r.verdict(), r.models(), r.audits(), none);
        assertNull(EmissionsCsvRenderer.render(empty));
        assertTrue(!EmissionsCsvRenderer.write(empty, tmp.resolve("e.csv")));
        assertTrue(Files.notExists(tmp.resolve("e.csv")));
    }
}
