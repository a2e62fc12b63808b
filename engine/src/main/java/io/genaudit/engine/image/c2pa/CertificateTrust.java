package io.genaudit.engine.image.c2pa;

/**
 * What can be said about the signing certificate without a trust list (genaudit ships none): kept apart from
 * {@link SignatureStatus} so that "validly signed by an unknown party" is never reported as "invalid".
 */
public enum CertificateTrust {
    /** No certificate was read. */
    NONE,
    /** The certificate signs itself (a test or private signer; anyone can make one). */
    SELF_SIGNED,
    /** Issued by another certificate; not checked against any trust list. */
    UNTRUSTED_CHAIN
}
