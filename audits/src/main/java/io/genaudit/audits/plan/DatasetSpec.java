package io.genaudit.audits.plan;

/** A dataset as the plan declares it: an id, a path (relative to the plan, or {@code fixture:NAME}) and an optional description. */
public record DatasetSpec(String id, String path, String description) {
}
