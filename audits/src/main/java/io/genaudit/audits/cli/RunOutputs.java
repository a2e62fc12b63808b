package io.genaudit.audits.cli;

import io.genaudit.audits.run.RunOutcome;

import java.io.PrintStream;
import java.nio.file.Path;

/** Writes a finished run's outputs (report.html, report.pdf, run.json, junit.xml, summary.md, emissions.csv) and says where. */
final class RunOutputs {
    private RunOutputs() {
    }

    static void write(RunOutcome outcome, Path dir, PrintStream out) throws Exception {
        io.genaudit.reports.ReportWriter.writeAll(outcome.record(), dir);
        boolean csv = io.genaudit.reports.EmissionsCsvRenderer.write(outcome.record(), dir.resolve(io.genaudit.reports.EmissionsCsvRenderer.FILE));
        out.println("genaudit: verdict " + outcome.record().verdict() + "; wrote " + dir.resolve("report.html")
                + ", report.pdf, run.json, junit.xml, summary.md" + (csv ? ", emissions.csv" : ""));
    }
}
