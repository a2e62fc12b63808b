package io.genaudit.audits.evidence;

import io.genaudit.engine.io.Sha256;
import io.genaudit.values.EnergyFigures;
import io.genaudit.reports.AuditResult;
import io.genaudit.reports.EnergyFigure;
import io.genaudit.reports.FileDigest;
import io.genaudit.reports.GateOutcome;
import io.genaudit.values.Interval;
import io.genaudit.reports.ModelRecord;
import io.genaudit.reports.PhaseRecord;
import io.genaudit.reports.Provenance;
import io.genaudit.reports.output.ReportWriter;
import io.genaudit.reports.RunRecord;
import io.genaudit.reports.Table;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small but realistic run folder for evidence tests, shaped like the demo's: a language model and an image model,
 * a gated perplexity with a bootstrap interval, an FID with a non-comparability note, a bias audit with a per-group
 * table, a measured training phase with energy, a plan file and input digests.
 */
public final class EvidenceTestRuns {
    public static final String PLAN_TEXT = "name: evidence-test\ntitle: Evidence test\nseed: 7\n";

    private EvidenceTestRuns() {
    }

    /** Writes the run's outputs into {@code dir/run} and its plan to {@code dir/plan.yaml}; returns the run folder. */
    public static Path write(Path dir) throws IOException {
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, PLAN_TEXT);
        Path run = dir.resolve("run");
        ReportWriter.writeAll(record(plan.toAbsolutePath().toString()), run);
        return run;
    }

    /** The run record; {@code planPath} is recorded as where the plan was read. */
    public static RunRecord record(String planPath) {
        String planSha = Sha256.of(PLAN_TEXT.getBytes(StandardCharsets.UTF_8));
        String dataSha = Sha256.of("corpus".getBytes(StandardCharsets.UTF_8));
        List<ModelRecord> models = List.of(
                new ModelRecord("lm-small", "transformer", "2-layer character transformer", Sha256.of("lm".getBytes(StandardCharsets.UTF_8)),
                        Map.of("layers", 2, "epochs", 3), List.of(), List.of()),
                new ModelRecord("dcgan-small", "dcgan", "DCGAN on 16x16 shapes", Sha256.of("gan".getBytes(StandardCharsets.UTF_8)),
                        Map.of("epochs", 5), List.of(), List.of()));
        AuditResult ppl = new AuditResult("lm-perplexity", "perplexity", "lm-small", "fixture:markov-corpus", 3.41, "nats",
                new Interval(0.95, 3.35, 3.48, "bootstrap over documents, 1000 resamples"), 12_800L, Map.of("contextLength", 64),
                new GateOutcome("max", 4.0, "value", true, "perplexity = 3.41 (95% CI 3.35 to 3.48) is at or below the maximum of 4: PASS."),
                Map.of(), null, null, null, List.of("Character-level perplexity; not comparable with word-level figures."));
        AuditResult fid = new AuditResult("gan-fid", "fid", "dcgan-small", "fixture:shapes-16", 48.7, null,
                new Interval(0.95, 45.0, 52.9, "bootstrap over images, 200 resamples"), 2_000L, Map.of("featureExtractor", "shapes-cnn-64"),
                null, Map.of(), null, null, null, List.of("Features from the fixture CNN: not comparable with published (Inception) FIDs."));
        Table groups = new Table("Per-group sentiment", List.of("group", "mean", "95% CI", "n"),
                List.of(List.of("she", "0.12", "[0.08, 0.16]", "200"), List.of("he", "0.19", "[0.15, 0.23]", "200")));
        AuditResult bias = new AuditResult("lm-bias", "bias-lm", "lm-small", "fixture:planted-association", 0.07, null,
                new Interval(0.95, 0.01, 0.13, "bootstrap over prompts, 1000 resamples"), 400L, Map.of("probe", "generation"),
                null, Map.of("p", 0.021), null, null, List.of(groups), List.of("Only 200 prompts per group: small effects are not detectable."));
        Map<String, Object> raw = new LinkedHashMap<>();
        new EnergyFigures(3000.0, 0, 600.0, 2.0, null).putInto(raw);
        EnergyFigure e = new EnergyFigure("estimated-tdp", 3600.0, 3000.0, 4200.0, 0.25, 0.2, 0.3, raw);
        PhaseRecord train = new PhaseRecord("train", "train", "lm-small", "2026-01-01T00:00:00Z", 60.0, 55.0, e, Map.of("tokens", 100_000L));
        Map<String, Object> assumptions = new LinkedHashMap<>();
        assumptions.put("pue", 1.0);
        assumptions.put("countryName", "France");
        assumptions.put("countryIso3", "FRA");
        assumptions.put("ramTotalGb", 16.0);
        assumptions.put("trackingMode", "process");
        Provenance prov = new Provenance("0.1.0", planPath, planSha, 7,
                List.of(new FileDigest("plan", planPath, PLAN_TEXT.length(), planSha), new FileDigest("data", "/data/corpus.txt", 6, dataSha)),
                Map.of(), "OpenJDK 25", "Linux", "Test CPU", 2, "PyTorch", "2.7.1", "2026-01-01T00:00:00Z", 75.0, List.of(train), assumptions);
        return new RunRecord(RunRecord.SCHEMA_VERSION, "Evidence test run", "evidence-test", "PASS", models, List.of(ppl, fid, bias), prov);
    }

    /** {@code record} with {@code data_sha256} set in the settings of audit {@code id}, as the plan runner records it. */
    public static RunRecord withDataSha(RunRecord record, String id, String sha) {
        List<AuditResult> audits = record.audits().stream().map(a -> {
            if (!a.id().equals(id)) return a;
            Map<String, Object> s = new LinkedHashMap<>(a.settings());
            s.put("data_sha256", sha);
            return new AuditResult(a.id(), a.metric(), a.model(), a.dataset(), a.value(), a.unit(), a.ci(), a.n(), s, a.gate(),
                    a.details(), a.charts(), a.figures(), a.tables(), a.notes());
        }).toList();
        return new RunRecord(record.schemaVersion(), record.title(), record.planName(), record.verdict(), record.models(), audits,
                record.provenance());
    }
}
