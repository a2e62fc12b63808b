package io.genaudit.reports;

/** A file read during the run: its role ("plan", "model", "data"), path, size and SHA-256. */
public record FileDigest(String role, String path, long bytes, String sha256) {
}
