package io.genaudit.audits.cli;

import io.genaudit.audits.GenauditVersion;
import io.genaudit.audits.compare.Comparability;
import io.genaudit.audits.compare.Difference;
import io.genaudit.audits.compare.DifferenceEstimator;
import io.genaudit.audits.compare.ModelComparison;
import io.genaudit.engine.InputException;
import io.genaudit.reports.AuditResult;
import io.genaudit.reports.Provenance;
import io.genaudit.reports.output.ReportWriter;
import io.genaudit.reports.RunRecord;
import io.genaudit.reports.RunRecordFormatException;
import io.genaudit.reports.RunRecordJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code genaudit compare RUN_A RUN_B ...}: compares existing run records audit by audit, refusing numbers computed
 * on different data or settings, and writes a comparison report (report.html, summary.md, run.json, junit.xml).
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare run records (run.json files or folders holding one): differences, intervals, corrected tests.")
public final class CompareCommand implements GenauditSubcommand, Callable<Integer> {
    @Parameters(arity = "2..*", paramLabel = "RUN", description = "run.json files (or folders containing run.json).")
    List<Path> runs;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: genaudit-out/compare).")
    Path out = Path.of("genaudit-out", "compare");

    @Option(names = "--level", description = "Confidence level (default 0.95).")
    double level = 0.95;

    @Option(names = "--alpha", description = "Significance level after Holm's correction (default 0.05).")
    double alpha = 0.05;

    @Option(names = "--resamples", description = "Bootstrap resamples for paired comparisons (default 2000).")
    int resamples = 2000;

    @Option(names = "--seed", description = "Bootstrap seed (default 0).")
    long seed;

    @Override
    public Integer call() throws Exception {
        List<RunRecord> records = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Path p : runs) {
            Path f = Files.isDirectory(p) ? p.resolve("run.json") : p;
            records.add(read(f));
            labels.add(f.toString());
        }
        Map<String, List<ModelComparison.Labelled>> groups = group(records, labels);
        if (groups.isEmpty()) {
            throw new InputException(String.join(", ", labels), "no audit appears in two runs (audits are matched by id, metric and model id)");
        }
        List<String> refusals = new ArrayList<>();
        for (var g : groups.entrySet()) {
            AuditResult first = g.getValue().get(0).result();
            for (int i = 1; i < g.getValue().size(); i++) {
                for (String prob : Comparability.problems(first, g.getValue().get(i).result())) {
                    refusals.add("audit '" + g.getKey() + "' (" + g.getValue().get(0).label() + " vs " + g.getValue().get(i).label() + "): " + prob);
                }
            }
        }
        if (!refusals.isEmpty()) {
            throw new InputException(String.join(", ", labels), "refusing to compare numbers computed differently:\n  "
                    + String.join("\n  ", refusals));
        }
        ModelComparison mc = new ModelComparison(new DifferenceEstimator(level, resamples, seed), alpha);
        List<Difference> diffs = mc.differences(groups);
        List<AuditResult> results = mc.asResults(groups, diffs);
        for (AuditResult r : results) {
            System.out.println(r.id() + ":");
            r.notes().forEach(n -> System.out.println("  " + n));
        }
        Provenance prov = new Provenance(GenauditVersion.get(), null, null, seed, List.of(), Map.of(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name"), null, Runtime.getRuntime().availableProcessors(), null, null,
                Instant.now().toString(), 0, List.of(), Map.of("compared runs", labels));
        RunRecord rec = new RunRecord(RunRecord.SCHEMA_VERSION, "Comparison of " + records.size() + " runs", "compare", "PASS",
                List.of(), results, prov);
        io.genaudit.engine.io.AtomicFolder.replace(out, staging -> ReportWriter.writeAll(rec, staging));
        System.out.println("genaudit: wrote " + out.resolve("report.html") + " and summary.md");
        return ExitCodes.OK;
    }

    static RunRecord read(Path f) {
        try {
            return RunRecordJson.read(f);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InputException(f, "run record not found");
        } catch (RunRecordFormatException e) {
            throw new InputException(f, "not a genaudit run record: " + e.getMessage());
        } catch (IOException e) {
            throw new InputException(f, "cannot be read: " + e.getMessage());
        }
    }

    /**
     * Results matched across runs by audit id, metric and model id (a multi-model audit pairs each model with itself
     * in the other runs, never two different models); each labelled "run N: model".
     */
    static Map<String, List<ModelComparison.Labelled>> group(List<RunRecord> records, List<String> labels) {
        Map<String, List<ModelComparison.Labelled>> all = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            for (AuditResult r : records.get(i).audits()) {
                if (r.id().startsWith("compare:")) continue;
                String label = "run " + (i + 1) + ": " + r.model();
                all.computeIfAbsent(r.id() + " (" + r.metric() + ") on " + r.model(), k -> new ArrayList<>()).add(new ModelComparison.Labelled(label, r));
            }
        }
        all.values().removeIf(l -> l.size() < 2);
        return all;
    }
}
