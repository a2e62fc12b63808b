package io.genaudit.audits.cli;

import io.genaudit.audits.evidence.Ed25519Keys;
import io.genaudit.engine.InputException;
import io.genaudit.reports.AtomicWrite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.concurrent.Callable;

/** {@code genaudit keygen --out KEY}: writes an Ed25519 key pair for signing evidence bundles (KEY and KEY.pub). */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = "Create an Ed25519 signing key: KEY (private, PKCS#8 PEM, owner-only) and KEY.pub (public, PEM).")
public final class KeygenCommand implements GenauditSubcommand, Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "KEY", description = "Private key file; the public key goes to KEY.pub.")
    Path out;

    @Option(names = "--force", description = "Replace existing key files.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        Path pub = out.resolveSibling(out.getFileName() + ".pub");
        for (Path p : new Path[]{out, pub}) {
            if (Files.exists(p) && !force) throw new InputException(p, "exists; refusing to replace a key (use --force)");
        }
        KeyPair kp = Ed25519Keys.generate();
        AtomicWrite.writePrivate(out, Ed25519Keys.privatePem(kp.getPrivate()));
        AtomicWrite.writeString(pub, Ed25519Keys.publicPem(kp.getPublic()));
        System.out.println("genaudit: wrote " + out + " (private, keep it secret) and " + pub + "; key id " + Ed25519Keys.keyId(kp.getPublic()));
        return ExitCodes.OK;
    }
}
