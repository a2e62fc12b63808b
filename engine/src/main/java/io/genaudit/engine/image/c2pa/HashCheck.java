package io.genaudit.engine.image.c2pa;

/**
 * Outcome of a C2PA hash check: the hard binding ({@code c2pa.hash.data}: SHA-2 of the file minus its exclusion
 * ranges) or the assertion hashes the claim lists (SHA-2 of each assertion superbox's payload).
 */
public enum HashCheck {
    /** Nothing to check: no manifest, or no such hash in it (e.g. only a BMFF or box hash). */
    NOT_CHECKED,
    /** Every hash matches: the bytes are the ones that were signed. */
    MATCH,
    /** A hash differs (or a listed assertion is missing): something was changed after signing. */
    MISMATCH
}
