package io.genaudit.audits.plan;

import io.genaudit.audits.AuditSpec;

/** An audit entry of a plan: what to run, and the gate to apply to its result (null when ungated). */
public record PlannedAudit(AuditSpec spec, GateSpec gate) {
}
