package io.genaudit.audits.cli;

import io.genaudit.audits.compare.HistoryEntry;
import io.genaudit.audits.compare.RunStore;
import io.genaudit.audits.compare.TrendReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code genaudit history METRIC}: the stored results of a metric over time, as a table and an HTML trend chart. */
@Command(name = "history", mixinStandardHelpOptions = true, description = "Show a metric's history from a run store.")
public final class HistoryCommand implements GenauditSubcommand, Callable<Integer> {
    @Parameters(index = "0", paramLabel = "METRIC", description = "Metric name, e.g. perplexity, fid.")
    String metric;

    @Option(names = "--model", paramLabel = "ID", description = "Only this model id.")
    String model;

    @Option(names = "--store", paramLabel = "DIR", description = "Run store (default: genaudit-runs).")
    Path store = Path.of("genaudit-runs");

    @Option(names = "--out", paramLabel = "FILE.html", description = "Also write a self-contained trend report.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!java.nio.file.Files.isDirectory(store)) {
            throw new io.genaudit.engine.InputException("--store " + store, "no run store here (a folder written by audit --store expected)");
        }
        List<HistoryEntry> h = new RunStore(store).history(metric, model);
        if (h.isEmpty()) {
            System.out.println("genaudit: no stored results of " + metric + (model == null ? "" : " for " + model) + " in " + store);
            return ExitCodes.OK;
        }
        System.out.println(String.format(Locale.ROOT, "%-28s %-12s %-16s %-14s %12s %25s %8s", "started", "plan", "audit", "model",
                "value", "interval", "verdict"));
        for (HistoryEntry e : h) {
            String ci = e.low() == null ? "-" : String.format(Locale.ROOT, "[%.4g, %.4g]", e.low(), e.high());
            System.out.println(String.format(Locale.ROOT, "%-28s %-12s %-16s %-14s %12.5g %25s %8s", e.startedAt(), e.plan(),
                    e.auditId(), e.model(), e.value() == null ? Double.NaN : e.value(), ci, e.verdict()));
        }
        if (out != null) {
            TrendReport.write(metric, model, h, out);
            System.out.println("genaudit: wrote " + out);
        }
        return ExitCodes.OK;
    }
}
