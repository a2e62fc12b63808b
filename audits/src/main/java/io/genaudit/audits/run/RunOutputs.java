package io.genaudit.audits.run;

import io.genaudit.audits.compare.RunStore;
import io.genaudit.audits.compare.TrendCharts;
import io.genaudit.engine.io.AtomicFolder;
import io.genaudit.reports.EmissionsCsvRenderer;
import io.genaudit.reports.output.ReportWriter;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a finished run's outputs (report.html, report.pdf, run.json, junit.xml, summary.md, emissions.csv) as one
 * folder, all or nothing ({@link OutputFolder}), and keeps the run in a run store when asked: the one output path of
 * both engines ({@code genaudit audit} in this JVM and on Spark).
 */
public final class RunOutputs {
    private RunOutputs() {
    }

    /**
     * Writes {@code outcome} into {@code dir}; with a {@code store} (null: none), first adds the store's history to the
     * record (trend charts), then keeps the written run.json in the store. Returns the outcome as written.
     */
    public static RunOutcome write(RunOutcome outcome, OutputFolder dir, Path store, PrintStream out) throws Exception {
        RunStore rs = store == null ? null : new RunStore(store);
        RunOutcome written = rs == null ? outcome : new RunOutcome(TrendCharts.addHistory(outcome.record(), rs), outcome.exitCode());
        boolean[] csv = new boolean[1];
        byte[][] runJson = new byte[1][];
        dir.replace(staging -> {
            ReportWriter.writeAll(written.record(), staging);
            csv[0] = EmissionsCsvRenderer.write(written.record(), staging.resolve(EmissionsCsvRenderer.FILE));
            runJson[0] = Files.readAllBytes(staging.resolve("run.json"));
        });
        out.println("genaudit: verdict " + written.record().verdict() + "; wrote " + dir.location() + "/report.html"
                + ", report.pdf, run.json, junit.xml, summary.md" + (csv[0] ? ", emissions.csv" : ""));
        if (rs != null) out.println("genaudit: stored the run as " + rs.add(written.record(), runJson[0]));
        return written;
    }
}
