package io.genaudit.audits.cli;

import io.genaudit.audits.evidence.BundleWriter;
import io.genaudit.audits.evidence.Ed25519Keys;
import io.genaudit.audits.evidence.RunFolder;
import io.genaudit.audits.evidence.Signer;
import io.genaudit.engine.InputException;
import io.genaudit.reports.AtomicWrite;
import io.genaudit.engine.io.Sha256;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code genaudit bundle RUN_DIR --key KEY --out FILE}: a signed, tamper-evident evidence bundle of a finished run
 * (outputs, plan, manifest of digests, DSSE-signed in-toto statement).
 */
@Command(name = "bundle", mixinStandardHelpOptions = true,
        description = "Sign a run's outputs and plan into a tamper-evident evidence bundle (zip with a DSSE/in-toto statement).")
public final class BundleCommand implements GenauditSubcommand, Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A genaudit output folder (holding run.json).")
    Path runDir;

    @Option(names = "--key", required = true, paramLabel = "KEY", description = "Ed25519 private key (genaudit keygen); KEY.pub must sit beside it.")
    Path key;

    @Option(names = "--signer", paramLabel = "\"NAME, ROLE\"", description = "Who signs, e.g. \"Jane Doe, model risk officer\" (default: the user name).")
    String signer;

    @Option(names = "--plan", paramLabel = "FILE", description = "The plan file, when it is neither in RUN_DIR nor at its recorded path.")
    Path plan;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The bundle to write (a zip, e.g. evidence.zip).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Signer who = Signer.parse(signer != null ? signer : System.getProperty("user.name", "unknown"));
        PrivateKey priv = Ed25519Keys.readPrivate(key);
        Path pubFile = key.resolveSibling(key.getFileName() + ".pub");
        if (!Files.isRegularFile(pubFile)) throw new InputException(pubFile, "public key not found beside the private key (genaudit keygen writes both)");
        PublicKey pub = Ed25519Keys.readPublic(pubFile);
        if (!matches(priv, pub)) throw new InputException(pubFile, "does not belong to the private key " + key);
        RunFolder run = RunFolder.read(runDir, plan, List.of(DemoCommand.planText()));
        if (out.toAbsolutePath().normalize().startsWith(runDir.toAbsolutePath().normalize())) {
            throw new InputException(out, "inside RUN_DIR; write the bundle elsewhere so it does not bundle itself next time");
        }
        byte[] zip = BundleWriter.build(run.record(), run.files(), who, new KeyPair(pub, priv), Instant.now().truncatedTo(ChronoUnit.SECONDS));
        AtomicWrite.writeBytes(out, zip);
        System.out.println("genaudit: wrote " + out + " (" + run.files().size() + " files, signed by " + who.label() + ", key "
                + Ed25519Keys.keyId(pub).substring(0, 16) + "…); bundle SHA-256 " + Sha256.of(zip));
        return ExitCodes.OK;
    }

    private static boolean matches(PrivateKey priv, PublicKey pub) {
        byte[] probe = "genaudit key pair check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return Ed25519Keys.verify(pub, probe, Ed25519Keys.sign(priv, probe));
    }
}
