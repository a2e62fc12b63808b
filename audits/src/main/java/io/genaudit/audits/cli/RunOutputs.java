package io.genaudit.audits.cli;

import io.genaudit.audits.run.RunOutcome;
import io.genaudit.engine.io.AtomicFolder;
import io.genaudit.reports.EmissionsCsvRenderer;
import io.genaudit.reports.output.ReportWriter;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Writes a finished run's outputs (report.html, report.pdf, run.json, junit.xml, summary.md, emissions.csv) as one folder, all
 * or nothing ({@link AtomicFolder}), and says where.
 */
final class RunOutputs {
    private RunOutputs() {
    }

    static void write(RunOutcome outcome, Path dir, PrintStream out) throws Exception {
        boolean[] csv = new boolean[1];
        AtomicFolder.replace(dir, staging -> {
            ReportWriter.writeAll(outcome.record(), staging);
            csv[0] = EmissionsCsvRenderer.write(outcome.record(), staging.resolve(EmissionsCsvRenderer.FILE));
        });
        out.println("genaudit: verdict " + outcome.record().verdict() + "; wrote " + dir.resolve("report.html")
                + ", report.pdf, run.json, junit.xml, summary.md" + (csv[0] ? ", emissions.csv" : ""));
    }
}
