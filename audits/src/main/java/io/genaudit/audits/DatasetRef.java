package io.genaudit.audits;

import java.nio.file.Path;

/** A dataset the plan names, resolved to a local path (fixtures materialized), with its recorded SHA-256. */
public record DatasetRef(String id, Path path, String description, String sha256) {
}
