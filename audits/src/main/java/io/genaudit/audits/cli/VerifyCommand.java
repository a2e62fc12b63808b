package io.genaudit.audits.cli;

import io.genaudit.audits.evidence.BundleMembers;
import io.genaudit.audits.evidence.BundleVerification;
import io.genaudit.audits.evidence.BundleVerifier;
import io.genaudit.audits.evidence.Ed25519Keys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.security.PublicKey;
import java.util.concurrent.Callable;

/**
 * {@code genaudit verify FILE [--pubkey KEY]}: checks an evidence bundle. Exit 0 when intact, 1 naming every changed,
 * missing or extra member and a bad signature, 2 when the bundle or key cannot be read.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify an evidence bundle's signature and every member's digest (exit 0 intact, 1 tampered, 2 unreadable).")
public final class VerifyCommand implements GenauditSubcommand, Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The bundle (genaudit bundle --out FILE).")
    Path bundle;

    @Option(names = "--pubkey", paramLabel = "KEY", description = "The signer's public key you trust (KEY.pub); without it the bundle's own key is used.")
    Path pubkey;

    @Override
    public Integer call() {
        PublicKey trusted = pubkey == null ? null : Ed25519Keys.readPublic(pubkey);
        BundleMembers members = BundleMembers.read(bundle);
        BundleVerification v = BundleVerifier.verify(members, trusted, pubkey == null ? null : "--pubkey " + pubkey);
        if (v.intact()) {
            System.out.println("genaudit: " + bundle + " is intact: " + v.subjects() + " signed digests, signed by "
                    + v.signer() + " at " + v.signedAt() + " with key " + v.keyId() + " (" + v.keySource() + ")");
            return ExitCodes.OK;
        }
        System.out.println("genaudit: " + bundle + " FAILED verification (" + v.problems().size() + " problem"
                + (v.problems().size() == 1 ? "" : "s") + "):");
        v.problems().forEach(p -> System.out.println("  " + p));
        return ExitCodes.GATE_FAILED;
    }
}
