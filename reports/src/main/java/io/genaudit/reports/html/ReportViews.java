package io.genaudit.reports.html;

import io.genaudit.reports.AuditResult;
import io.genaudit.reports.Chart;
import io.genaudit.reports.EnergyFigure;
import io.genaudit.reports.FileDigest;
import io.genaudit.reports.GateOutcome;
import io.genaudit.reports.ModelRecord;
import io.genaudit.reports.PhaseRecord;
import io.genaudit.reports.ExecutionRecord;
import io.genaudit.reports.Provenance;
import io.genaudit.reports.RunRecord;
import io.genaudit.reports.Table;
import io.genaudit.reports.chart.SvgCharts;
import io.genaudit.reports.format.Numbers;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Builds the report's view model from a {@link RunRecord}. Each piece (an overview row, an audit section, a chart) has
 * its own public method so another report, such as a comparison of runs, can assemble the same pieces differently.
 */
public final class ReportViews {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'", Locale.ROOT);

    private ReportViews() {
    }

    /** The view of a whole run. */
    public static Views.ReportView of(RunRecord r) {
        List<AuditResult> audits = r.audits() == null ? List.of() : r.audits();
        Provenance p = r.provenance();
        List<String> anchors = anchors(audits);
        List<Views.OverviewRow> overview = new ArrayList<>();
        List<Views.AuditView> sections = new ArrayList<>();
        for (int i = 0; i < audits.size(); i++) {
            overview.add(overviewRow(audits.get(i), anchors.get(i)));
            sections.add(audit(audits.get(i), anchors.get(i), "a" + (i + 1)));
        }
        List<Views.ModelView> models = new ArrayList<>();
        List<ModelRecord> modelRecords = r.models() == null ? List.of() : r.models();
        for (int i = 0; i < modelRecords.size(); i++) models.add(model(modelRecords.get(i), "m" + (i + 1)));
        int gated = (int) audits.stream().filter(a -> a.gate() != null).count();
        int passed = (int) audits.stream().filter(a -> a.gate() != null && a.gate().passed()).count();
        List<PhaseRecord> phases = p == null || p.phases() == null ? List.of() : p.phases();
        Views.Summary summary = new Views.Summary(audits.size(), gated, passed, gated - passed,
                p == null ? Numbers.MISSING : Numbers.seconds(p.wallSeconds()), energyHeadline(phases), energyNote(phases));
        String verdict = r.verdict() == null ? "UNKNOWN" : r.verdict();
        return new Views.ReportView(
                r.title() == null || r.title().isBlank() ? "genaudit report" : r.title(),
                r.planName(), verdict, verdictClass(verdict),
                p == null ? Numbers.MISSING : date(p.startedAt()),
                p == null ? Numbers.MISSING : p.genauditVersion(),
                p == null ? Numbers.MISSING : Long.toString(p.seed()),
                summary, overview, sections, models, energy(p), provenance(p, r.execution()));
    }

    /** HTML ids for the audits' sections: "audit-" plus the id reduced to safe characters, de-duplicated. */
    public static List<String> anchors(List<AuditResult> audits) {
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (AuditResult a : audits) {
            String base = "audit-" + slug(a.id());
            String anchor = base;
            for (int k = 2; !seen.add(anchor); k++) anchor = base + "-" + k;
            out.add(anchor);
        }
        return out;
    }

    /** The overview table's row for one audit. */
    public static Views.OverviewRow overviewRow(AuditResult a, String anchor) {
        GateOutcome g = a.gate();
        return new Views.OverviewRow(anchor, a.id(), a.model(), a.metric(), a.dataset(),
                Numbers.withUnit(a.value(), a.unit()),
                a.ci() == null ? Numbers.MISSING : Numbers.level(a.ci()) + " " + Numbers.bounds(a.ci()),
                Numbers.count(a.n()),
                g == null ? "not gated" : fieldLabel(g.field()) + " " + Numbers.gateCondition(g.op(), g.threshold()),
                g == null ? "—" : g.passed() ? "PASS" : "FAIL",
                g == null ? "none" : g.passed() ? "pass" : "fail");
    }

    /** One audit's section; {@code chartIdPrefix} keeps the SVG ids of its charts unique within the page. */
    public static Views.AuditView audit(AuditResult a, String anchor, String chartIdPrefix) {
        GateOutcome g = a.gate();
        Views.GateView gate = g == null ? null : new Views.GateView(
                fieldLabel(g.field()) + " " + Numbers.gateCondition(g.op(), g.threshold()),
                g.passed(), g.passed() ? "PASS" : "FAIL", g.explanation());
        return new Views.AuditView(anchor, a.id(), a.metric(), a.model(), a.dataset(),
                a.value() == null ? Numbers.MISSING : Numbers.format(a.value().doubleValue()),
                a.unit(), Numbers.bounds(a.ci()), Numbers.level(a.ci()), a.ci() == null ? null : a.ci().method(), Numbers.estimandSentence(a.ci()),
                Numbers.count(a.n()),
                g == null ? "not gated" : g.passed() ? "PASS" : "FAIL",
                g == null ? "none" : g.passed() ? "pass" : "fail",
                gate, DisplayValues.rows(a.settings()), DisplayValues.rows(a.details()),
                charts(a.charts(), chartIdPrefix),
                a.figures().stream().map(FigureUris::view).toList(),
                a.tables().stream().map(ReportViews::table).toList(),
                a.notes());
    }

    /** One model's card. */
    public static Views.ModelView model(ModelRecord m, String chartIdPrefix) {
        return new Views.ModelView("model-" + slug(m.id()), m.id(), m.type(), m.description(), m.sha256(),
                DisplayValues.rows(m.info()), charts(m.charts(), chartIdPrefix),
                m.figures() == null ? List.of() : m.figures().stream().map(FigureUris::view).toList());
    }

    /** Charts rendered to inline SVG, their titles shown by the page rather than inside the SVG. */
    public static List<Views.ChartView> charts(List<Chart> charts, String idPrefix) {
        List<Views.ChartView> out = new ArrayList<>();
        if (charts == null) return out;
        for (int i = 0; i < charts.size(); i++) {
            Chart c = charts.get(i);
            String svg = SvgCharts.render(c, SvgCharts.Options.DEFAULT.withoutTitle().withIdPrefix(idPrefix + "c" + (i + 1)));
            out.add(new Views.ChartView(c.title(), svg));
        }
        return out;
    }

    /** A run-record table as a view, rows padded or cut to the number of columns. */
    public static Views.TableView table(Table t) {
        List<String> cols = t.columns() == null ? List.of() : t.columns();
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : t.rows() == null ? List.<List<String>>of() : t.rows()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < Math.max(cols.size(), row.size()); i++) cells.add(i < row.size() ? nullToDash(row.get(i)) : "");
            rows.add(cells);
        }
        return new Views.TableView(t.title(), cols, rows);
    }

    /** Energy and cost of the run's phases. */
    public static Views.EnergyView energy(Provenance p) {
        List<PhaseRecord> phases = p == null || p.phases() == null ? List.of() : p.phases();
        List<Views.PhaseRow> rows = new ArrayList<>();
        for (PhaseRecord ph : phases) {
            EnergyFigure e = ph.energy();
            String units = ph.units() == null ? "" : ph.units().entrySet().stream()
                    .map(u -> String.format(Locale.ROOT, "%,d %s", u.getValue(), u.getKey())).collect(Collectors.joining(", "));
            rows.add(new Views.PhaseRow(ph.name(), ph.kind(), ph.model() == null ? "" : ph.model(), time(ph.start()),
                    Numbers.seconds(ph.wallSeconds()), Numbers.seconds(ph.cpuSeconds()),
                    e == null ? Numbers.MISSING : Numbers.format(e.joules()) + " J",
                    e == null ? "" : range(e.joulesLow(), e.joulesHigh()),
                    e == null ? "not measured" : e.method(), methodClass(e),
                    e == null ? Numbers.MISSING : Numbers.format(e.gramsCo2e()) + " g",
                    e == null ? "" : range(e.gramsCo2eLow(), e.gramsCo2eHigh()), units));
        }
        List<Views.Tile> totals = new ArrayList<>();
        double wall = phases.stream().mapToDouble(PhaseRecord::wallSeconds).filter(Double::isFinite).sum();
        double cpu = phases.stream().mapToDouble(PhaseRecord::cpuSeconds).filter(Double::isFinite).sum();
        totals.add(new Views.Tile("Phases", Integer.toString(phases.size()), ""));
        totals.add(new Views.Tile("Wall time", Numbers.seconds(wall), "sum over phases"));
        totals.add(new Views.Tile("CPU time", Numbers.seconds(cpu), "process, all threads"));
        totals.add(new Views.Tile("Energy", energyHeadline(phases), energyNote(phases)));
        totals.add(new Views.Tile("Emissions", co2Headline(phases), co2Note(phases)));
        totals.addAll(perUnitTiles(phases));
        Views.ChartView chart = null;
        List<PhaseRecord> withEnergy = phases.stream().filter(ph -> ph.energy() != null).toList();
        if (!withEnergy.isEmpty()) {
            Chart c = new Chart(Chart.Type.BAR, "Energy per phase", "phase", "energy (J)",
                    withEnergy.stream().map(ph -> ph.model() == null || ph.model().isBlank() ? ph.name() : ph.name() + " · " + ph.model()).toList(),
                    List.of(new Chart.Series("energy (J)", null,
                            withEnergy.stream().mapToDouble(ph -> ph.energy().joules()).toArray(),
                            withEnergy.stream().mapToDouble(ph -> ph.energy().joulesLow()).toArray(),
                            withEnergy.stream().mapToDouble(ph -> ph.energy().joulesHigh()).toArray())));
            chart = new Views.ChartView(null, SvgCharts.render(c,
                    new SvgCharts.Options(1000, 300, false, "energy-chart")));
        }
        return new Views.EnergyView(totals, rows, chart,
                DisplayValues.rows(p == null ? Map.of() : p.energyAssumptions()));
    }

    /**
     * Figures a reviewer compares across models: energy and emissions per 1,000 units (tokens, images) over the
     * phases that produced those units, and the training total.
     */
    static List<Views.Tile> perUnitTiles(List<PhaseRecord> phases) {
        List<Views.Tile> out = new ArrayList<>();
        Map<String, double[]> perUnit = new java.util.TreeMap<>();
        for (PhaseRecord ph : phases) {
            if (ph.energy() == null || ph.units() == null) continue;
            for (var u : ph.units().entrySet()) {
                double[] acc = perUnit.computeIfAbsent(u.getKey(), k -> new double[3]);
                acc[0] += ph.energy().joules();
                acc[1] += ph.energy().gramsCo2e();
                acc[2] += u.getValue();
            }
        }
        for (var e : perUnit.entrySet()) {
            double[] a = e.getValue();
            if (a[2] <= 0) continue;
            out.add(new Views.Tile("Per 1,000 " + e.getKey(), Numbers.format(1000 * a[0] / a[2]) + " J",
                    Numbers.format(1000 * a[1] / a[2]) + " g CO2e, over " + String.format(Locale.ROOT, "%,d", (long) a[2]) + " " + e.getKey()));
        }
        double trainJ = 0;
        double trainG = 0;
        boolean any = false;
        for (PhaseRecord ph : phases) {
            if (!"train".equals(ph.kind()) || ph.energy() == null) continue;
            trainJ += ph.energy().joules();
            trainG += ph.energy().gramsCo2e();
            any = true;
        }
        if (any) out.add(new Views.Tile("Training", Numbers.format(trainJ) + " J", Numbers.format(trainG) + " g CO2e, all train phases"));
        return out;
    }

    /** Versions, hashes, seed, machine and files of the run. */
    public static Views.ProvenanceView provenance(Provenance p) {
        return provenance(p, null);
    }

    /** Versions, hashes, seed, machine and files of the run, and where a distributed run happened ({@code execution}, or null). */
    public static Views.ProvenanceView provenance(Provenance p, ExecutionRecord execution) {
        if (p == null) return new Views.ProvenanceView(List.of(), ExecutionFacts.facts(execution), List.of());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("genaudit version", p.genauditVersion());
        facts.put("Plan file", p.planPath());
        facts.put("Plan SHA-256", p.planSha256());
        facts.put("Seed", Long.toString(p.seed()));
        facts.put("Started", date(p.startedAt()));
        facts.put("Wall time", Numbers.seconds(p.wallSeconds()));
        facts.put("Engine", join(p.engine(), p.engineVersion()));
        facts.put("JVM", p.jvm());
        facts.put("OS", p.os());
        facts.put("CPU", p.cpuModel() + (p.cores() > 0 ? " (" + p.cores() + " cores)" : ""));
        List<Views.KeyValue> kv = new ArrayList<>();
        facts.forEach((k, v) -> kv.add(new Views.KeyValue(k, v == null ? Numbers.MISSING : String.valueOf(v))));
        List<Views.TableView> tables = new ArrayList<>();
        Views.TableView merges = ExecutionFacts.merges(execution);
        if (merges != null) tables.add(merges);
        if (p.files() != null && !p.files().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (FileDigest f : p.files()) {
                rows.add(List.of(nullToDash(f.role()), nullToDash(f.path()), String.format(Locale.ROOT, "%,d", f.bytes()),
                        nullToDash(f.sha256())));
            }
            tables.add(new Views.TableView("Files read", List.of("Role", "Path", "Bytes", "SHA-256"), rows));
        }
        if (p.models() != null && !p.models().isEmpty()) {
            Set<String> keys = new LinkedHashSet<>();
            p.models().values().forEach(m -> { if (m != null) keys.addAll(m.keySet()); });
            List<String> cols = new ArrayList<>();
            cols.add("Model");
            cols.addAll(keys);
            List<List<String>> rows = new ArrayList<>();
            p.models().forEach((id, m) -> {
                List<String> row = new ArrayList<>();
                row.add(id);
                for (String k : keys) row.add(m == null ? "" : DisplayValues.text(m.get(k)));
                rows.add(row);
            });
            tables.add(new Views.TableView("Models loaded", cols, rows));
        }
        return new Views.ProvenanceView(kv, ExecutionFacts.facts(execution), tables);
    }

    /** "pass", "fail" or "none", the CSS class of a verdict. */
    public static String verdictClass(String verdict) {
        if ("PASS".equalsIgnoreCase(verdict)) return "pass";
        if ("FAIL".equalsIgnoreCase(verdict)) return "fail";
        return "none";
    }

    /** The energy figures of the phases that have one. */
    private static List<EnergyFigure> energies(List<PhaseRecord> phases) {
        return phases.stream().map(PhaseRecord::energy).filter(e -> e != null).toList();
    }

    /** Total energy of the phases in J, or "not measured". */
    static String energyHeadline(List<PhaseRecord> phases) {
        return total(phases, EnergyFigure::joules, " J");
    }

    /** The range of the total and whether it includes estimates. */
    static String energyNote(List<PhaseRecord> phases) {
        List<EnergyFigure> es = energies(phases);
        if (es.isEmpty()) return "";
        boolean estimated = es.stream().anyMatch(e -> e.method() == null || !e.method().startsWith("measured"));
        return totalRange(es, EnergyFigure::joulesLow, EnergyFigure::joulesHigh) + (estimated ? ", includes estimates" : ", measured");
    }

    static String co2Headline(List<PhaseRecord> phases) {
        return total(phases, EnergyFigure::gramsCo2e, " g CO₂e");
    }

    static String co2Note(List<PhaseRecord> phases) {
        List<EnergyFigure> es = energies(phases);
        return es.isEmpty() ? "" : totalRange(es, EnergyFigure::gramsCo2eLow, EnergyFigure::gramsCo2eHigh);
    }

    /** The sum of one figure over the phases that have energy figures, with its unit, or "not measured". */
    private static String total(List<PhaseRecord> phases, ToDoubleFunction<EnergyFigure> figure, String unit) {
        List<EnergyFigure> es = energies(phases);
        return es.isEmpty() ? "not measured" : Numbers.format(es.stream().mapToDouble(figure).sum()) + unit;
    }

    /** The summed low and high bounds as a range. */
    private static String totalRange(List<EnergyFigure> es, ToDoubleFunction<EnergyFigure> low, ToDoubleFunction<EnergyFigure> high) {
        return range(es.stream().mapToDouble(low).sum(), es.stream().mapToDouble(high).sum());
    }

    static String methodClass(EnergyFigure e) {
        if (e == null || e.method() == null) return "none";
        return e.method().startsWith("measured") ? "measured" : "estimated";
    }

    static String range(double lo, double hi) {
        return "[" + Numbers.format(lo) + " – " + Numbers.format(hi) + "]";
    }

    /** An ISO-8601 timestamp as "yyyy-MM-dd HH:mm UTC"; anything unparseable as it is. */
    public static String date(String iso) {
        if (iso == null || iso.isBlank()) return Numbers.MISSING;
        try {
            return DATE.format(OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            try {
                return DATE.format(java.time.Instant.parse(iso).atOffset(ZoneOffset.UTC));
            } catch (DateTimeParseException e2) {
                return iso;
            }
        }
    }

    /** An ISO-8601 timestamp as "HH:mm:ss UTC" (the date is in the report's header); anything unparseable as it is. */
    public static String time(String iso) {
        if (iso == null || iso.isBlank()) return Numbers.MISSING;
        try {
            return TIME.format(OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    static String fieldLabel(String field) {
        return field == null || field.isBlank() ? "value" : field;
    }

    static String slug(String s) {
        String out = s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
        return out.isEmpty() ? "x" : out;
    }

    private static String nullToDash(String s) {
        return s == null ? Numbers.MISSING : s;
    }

    private static String join(String a, String b) {
        if (a == null) return b;
        return b == null ? a : a + " " + b;
    }
}
