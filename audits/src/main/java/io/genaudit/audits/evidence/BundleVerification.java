package io.genaudit.audits.evidence;

import java.util.List;

/**
 * The outcome of verifying a bundle: whether it is intact, each problem found (one line naming the member or the
 * signature), and what was signed (signer, date, key id) for the reviewer to read.
 *
 * @param problems   empty when the bundle is intact and the signature verifies
 * @param signer     the signer as recorded in the statement ("name, role"), or null when it could not be read
 * @param signedAt   the signing time as recorded, or null
 * @param keyId      the id of the key the signature was checked against
 * @param keySource  where that key came from ("--pubkey FILE" or the bundle's own signer.pub)
 * @param subjects   number of subjects in the statement
 */
public record BundleVerification(List<String> problems, String signer, String signedAt, String keyId, String keySource,
                                 int subjects) {
    public BundleVerification {
        problems = List.copyOf(problems);
    }

    /** Whether nothing was changed, missing or added and the signature verifies. */
    public boolean intact() {
        return problems.isEmpty();
    }
}
