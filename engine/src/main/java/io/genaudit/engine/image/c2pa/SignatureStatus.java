package io.genaudit.engine.image.c2pa;

/** Outcome of checking a C2PA claim signature (COSE_Sign1) against the certificate it carries. */
public enum SignatureStatus {
    /** No manifest, hence no signature. */
    ABSENT,
    /** The signature verifies with the embedded certificate's public key. */
    VALID,
    /** The signature does not verify: the claim or the signature was changed, or another key signed. */
    INVALID,
    /** The COSE algorithm is not one genaudit checks (ES256/384/512, PS256/384/512, EdDSA). */
    UNSUPPORTED,
    /** The signature box is missing or not a well-formed COSE_Sign1 with an x5chain certificate. */
    MALFORMED
}
