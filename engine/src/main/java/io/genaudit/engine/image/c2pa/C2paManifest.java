package io.genaudit.engine.image.c2pa;

/**
 * What genaudit read from an image's active C2PA manifest (the last manifest in the store).
 *
 * @param present           true when the file carries a C2PA manifest store
 * @param claimGenerator    the claim's {@code claim_generator}, else the name and version of {@code claim_generator_info}
 * @param digitalSourceType the first {@code digitalSourceType} of a {@code c2pa.actions}/{@code c2pa.actions.v2} action
 * @param signature         whether the claim signature verifies with the embedded certificate
 * @param trust             what is known about the signing certificate (no trust list is consulted)
 * @param signer            the signing certificate's subject, or null
 * @param hardBinding       whether the {@code c2pa.hash.data} hash matches the file
 * @param assertionHashes   whether the assertions the claim lists are present with the hashes it gives
 * @param problem           why the manifest could not be read or checked in full, or null
 */
public record C2paManifest(boolean present, String claimGenerator, String digitalSourceType, SignatureStatus signature,
                           CertificateTrust trust, String signer, HashCheck hardBinding, HashCheck assertionHashes,
                           String problem) {
    /** A file without a manifest. */
    public static final C2paManifest NONE = new C2paManifest(false, null, null, SignatureStatus.ABSENT,
            CertificateTrust.NONE, null, HashCheck.NOT_CHECKED, HashCheck.NOT_CHECKED, null);

    /** A manifest store that is present but malformed. */
    static C2paManifest malformed(String problem) {
        return new C2paManifest(true, null, null, SignatureStatus.MALFORMED, CertificateTrust.NONE, null,
                HashCheck.NOT_CHECKED, HashCheck.NOT_CHECKED, problem);
    }

    /** True when the signature verifies, the signed claim's assertion hashes match and the file hash (where present) too. */
    public boolean validSignature() {
        return signature == SignatureStatus.VALID && hardBinding != HashCheck.MISMATCH && assertionHashes != HashCheck.MISMATCH;
    }
}
