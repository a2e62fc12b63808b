package io.genaudit.audits.run;

import io.genaudit.reports.RunRecord;

/** A finished run: its record and the exit code it implies (0 all gates passed, 1 a gate failed). */
public record RunOutcome(RunRecord record, int exitCode) {
}
