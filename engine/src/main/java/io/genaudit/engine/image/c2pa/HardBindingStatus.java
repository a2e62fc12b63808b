package io.genaudit.engine.image.c2pa;

/** Outcome of the C2PA hard binding check ({@code c2pa.hash.data}: SHA-2 of the file minus its exclusion ranges). */
public enum HardBindingStatus {
    /** No manifest, or the manifest has no {@code c2pa.hash.data} assertion (e.g. only a BMFF or box hash). */
    NOT_CHECKED,
    /** The file's hash matches the one in the assertion: the image bytes are the ones that were signed. */
    MATCH,
    /** The file's hash differs: the image was changed after signing. */
    MISMATCH
}
