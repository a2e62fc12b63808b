package io.genaudit.audits.run;

import io.genaudit.audits.AuditModule;
import io.genaudit.audits.AuditSpec;
import io.genaudit.audits.LoadedModel;
import io.genaudit.audits.ModelProvider;
import io.genaudit.audits.ModelSpec;
import io.genaudit.audits.registry.Registry;
import io.genaudit.audits.GenauditVersion;
import io.genaudit.audits.compare.DifferenceEstimator;
import io.genaudit.audits.compare.ModelComparison;
import io.genaudit.audits.plan.Plan;
import io.genaudit.audits.PlanException;
import io.genaudit.audits.plan.PlannedAudit;
import io.genaudit.audits.plan.Problems;
import io.genaudit.engine.InputException;
import io.genaudit.reports.AuditResult;
import io.genaudit.reports.GateOutcome;
import io.genaudit.reports.ModelRecord;
import io.genaudit.reports.Provenance;
import io.genaudit.reports.RunRecord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a plan end to end: resolves datasets, trains or loads every model (contract violations stop the run before
 * any audit), runs each audit module, applies the gates, and assembles the run record with its provenance.
 */
public final class PlanRunner {
    private final Registry registry;

    public PlanRunner(Registry registry) {
        this.registry = registry;
    }

    public RunOutcome run(Plan planIn, RunOptions opts) throws Exception {
        Plan plan = opts.seedOverride() == null ? planIn : planIn.withSeed(opts.seedOverride());
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Files.createDirectories(opts.cacheDir());
        PhaseRecorder phases = new PhaseRecorder(opts.meter());
        RunContext ctx = new RunContext(plan.file(), plan.seed(), opts.outputDir(), opts.cacheDir(), opts.progress(), phases);
        if (plan.baseDir() != null && Files.isRegularFile(Path.of(plan.file()))) ctx.recordFile("plan", Path.of(plan.file()));

        DatasetResolver datasets = new DatasetResolver(opts.cacheDir());
        for (int i = 0; i < plan.datasets().size(); i++) {
            ctx.addDataset(datasets.resolve(plan, plan.datasets().get(i), i, ctx));
        }
        List<ModelRecord> modelRecords = new ArrayList<>();
        Map<String, Map<String, Object>> modelProv = new LinkedHashMap<>();
        try {
            // models loaded from files first: their contract checks run before any model trains
            Map<String, LoadedModel> loaded = new LinkedHashMap<>();
            for (boolean training : new boolean[]{false, true}) {
                for (ModelSpec ms : plan.models()) {
                    if (ms.params().has("train") != training) continue;
                    ModelProvider p = registry.providers().get(ms.type());
                    opts.log().println("genaudit: preparing model " + ms.id() + " (" + ms.type() + ")");
                    LoadedModel m = p.load(ms, ctx);
                    ctx.addModel(m);
                    loaded.put(ms.id(), m);
                }
            }
            for (ModelSpec ms : plan.models()) {
                LoadedModel m = loaded.get(ms.id());
                modelRecords.add(new ModelRecord(m.id(), m.type(), m.description(), m.sha256(), m.info(), m.charts(), m.figures()));
                Map<String, Object> mp = new LinkedHashMap<>();
                mp.put("type", m.type());
                mp.put("sha256", m.sha256());
                mp.put("description", m.description());
                modelProv.put(m.id(), mp);
            }

            List<AuditResult> results = new ArrayList<>();
            boolean allPassed = true;
            for (PlannedAudit pa : plan.audits()) {
                AuditModule module = registry.modules().get(pa.spec().metric());
                List<AuditResult> rs = new ArrayList<>();
                for (AuditSpec one : perModel(pa.spec())) {
                    opts.log().println("genaudit: audit " + one.id() + " (" + one.metric() + ")"
                            + (one.models().isEmpty() ? "" : " on " + one.models()));
                    for (AuditResult r : module.run(ctx, one)) rs.add(InputDigests.with(r, one, ctx.datasets().keySet(), id -> ctx.dataset(id).sha256()));
                }
                for (AuditResult r : rs) {
                    if (pa.gate() != null) {
                        GateOutcome g = GateEvaluator.evaluate(pa.gate(), r, plan);
                        r = r.withGate(g);
                        allPassed &= g.passed();
                        opts.log().println("genaudit:   gate " + (g.passed() ? "PASS" : "FAIL") + ": " + g.explanation());
                    }
                    results.add(r);
                }
            }
            results.addAll(sideBySide(results, plan.seed()));
            MachineInfo mi = MachineInfo.current();
            String engine = "PyTorch";
            String engineVersion = "unknown";
            try {
                ai.djl.engine.Engine e = ai.djl.engine.Engine.getInstance();
                engine = e.getEngineName();
                engineVersion = e.getVersion() + " (DJL " + ai.djl.engine.Engine.getDjlVersion() + "), device " + io.genaudit.engine.ComputeDevice.current();
            } catch (RuntimeException e) {
                engineVersion = "unavailable: " + e.getMessage();
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            Provenance prov = new Provenance(GenauditVersion.get(), plan.file(), plan.sha256(), plan.seed(), ctx.files(),
                    modelProv, mi.jvm(), mi.os(), mi.cpuModel(), mi.cores(), engine, engineVersion, started.toString(), wall,
                    phases.phases(), energyAssumptions(opts));
            RunRecord rec = new RunRecord(RunRecord.SCHEMA_VERSION, plan.title(), plan.name(), allPassed ? "PASS" : "FAIL",
                    modelRecords, results, prov);
            return new RunOutcome(rec, allPassed ? 0 : 1);
        } catch (PlanException e) {
            // a parameter found wrong while running: name its plan line too
            Problems withLine = new Problems(plan.lines());
            withLine.add(e);
            throw withLine.all().get(0);
        } finally {
            if (opts.meter() instanceof AutoCloseable c) c.close();
            for (LoadedModel m : ctx.models().values()) {
                try {
                    m.close();
                } catch (Exception e) {
                    opts.log().println("genaudit: warning: closing model " + m.id() + ": " + e);
                }
            }
        }
    }

    /** For every audit run on several models: the side-by-side table and the pairwise differences (Holm-corrected). */
    static List<AuditResult> sideBySide(List<AuditResult> results, long seed) {
        Map<String, List<ModelComparison.Labelled>> groups = new LinkedHashMap<>();
        for (AuditResult r : results) {
            groups.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(new ModelComparison.Labelled(r.model(), r));
        }
        groups.values().removeIf(l -> l.size() < 2);
        if (groups.isEmpty()) return List.of();
        ModelComparison mc = new ModelComparison(new DifferenceEstimator(0.95, 2000, seed), 0.05);
        return mc.asResults(groups, mc.differences(groups));
    }

    /**
     * An audit naming several models ({@code model: [a, b]}) runs once per model with the same parameters, so the
     * report can show them side by side; results share the audit id.
     */
    static List<AuditSpec> perModel(AuditSpec spec) {
        if (spec.models().size() <= 1) return List.of(spec);
        List<AuditSpec> out = new ArrayList<>();
        for (String m : spec.models()) {
            out.add(new AuditSpec(spec.id(), spec.metric(), List.of(m), spec.data(), spec.params(), spec.planFile()));
        }
        return out;
    }

    private static Map<String, Object> energyAssumptions(RunOptions opts) {
        return opts.meter() instanceof AssumptionsSource a ? a.assumptions() : Map.of("method", "not measured");
    }

    /** An energy meter that can state its assumptions (PUE, intensity and its source) for the report. */
    public interface AssumptionsSource {
        Map<String, Object> assumptions();
    }

    static void require(boolean cond, String file, String msg) {
        if (!cond) throw new InputException(file, msg);
    }
}
