package io.genaudit.audits.cli;

import io.genaudit.audits.evidence.BundleLayout;
import io.genaudit.audits.evidence.BundleMembers;
import io.genaudit.audits.evidence.EvidenceTestRuns;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** keygen, bundle and verify end to end through the command line: files written and the exit-code contract. */
class EvidenceCommandsTest {
    @TempDir
    Path tmp;

    @Tag("integration")
    @Test
    void keygenBundleVerifyAndTheExitCodes() throws IOException {
        Path run = EvidenceTestRuns.write(tmp);
        Path key = tmp.resolve("keys/reviewer");
        assertEquals(0, CliRun.execute(true, "keygen", "--out", key.toString()).code());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertTrue(Files.readString(tmp.resolve("keys/reviewer.pub")).startsWith("-----BEGIN PUBLIC KEY-----"));
        CliRun again = CliRun.execute(false, "keygen", "--out", key.toString());
        assertEquals(2, again.code());
        assertTrue(again.err().contains("refusing to replace a key"), again.err());

        Path bundle = tmp.resolve("evidence.zip");
        assertEquals(0, CliRun.execute(true, "bundle", run.toString(), "--key", key.toString(), "--signer", "Jane Doe, reviewer",
                "--out", bundle.toString()).code());
        assertEquals(0, CliRun.execute(true, "verify", bundle.toString()).code());
        assertEquals(0, CliRun.execute(true, "verify", bundle.toString(), "--pubkey", key + ".pub").code());

        // one member rewritten: tampered (1)
        Map<String, byte[]> members = BundleMembers.read(bundle).members();
        Path tampered = tmp.resolve("tampered.zip");
        Files.write(tampered, zip(members, "run/summary.md", "All gates passed.".getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, CliRun.execute(true, "verify", tampered.toString(), "--pubkey", key + ".pub").code());

        // another reviewer's key: bad signature (1)
        Path other = tmp.resolve("other");
        assertEquals(0, CliRun.execute(false, "keygen", "--out", other.toString()).code());
        assertEquals(1, CliRun.execute(true, "verify", bundle.toString(), "--pubkey", other + ".pub").code());

        // unreadable input (2): no such bundle, not a zip, a private key given as public key, bundle without a key
        assertEquals(2, CliRun.execute(false, "verify", tmp.resolve("nope.zip").toString()).code());
        assertEquals(2, CliRun.execute(false, "verify", run.resolve("run.json").toString()).code());
        CliRun wrongKey = CliRun.execute(false, "verify", bundle.toString(), "--pubkey", key.toString());
        assertEquals(2, wrongKey.code());
        assertTrue(wrongKey.err().contains("BEGIN PUBLIC KEY"), wrongKey.err());
        assertEquals(2, CliRun.execute(false, "bundle", tmp.toString(), "--key", key.toString(), "--out", tmp.resolve("x.zip").toString()).code());
        // an --out that names a folder is refused before any work, by name
        CliRun toFolder = CliRun.execute(false, "bundle", run.toString(), "--key", key.toString(), "--out", tmp.toString());
        assertEquals(2, toFolder.code());
        assertTrue(toFolder.err().contains("names a folder"), toFolder.err());
        CliRun cardToFolder = CliRun.execute(false, "card", run.toString(), "--format", "hf", "--out", tmp.toString());
        assertEquals(2, cardToFolder.code());
        assertTrue(cardToFolder.err().contains("names a folder"), cardToFolder.err());
    }

    @Tag("integration") // runs the CLI end to end and renders the full report (PDF): seconds on 2 cores
    @Test
    void aPlanThatIsNotTheRunsIsRefused() throws IOException {
        Path run = EvidenceTestRuns.write(tmp);
        Path key = tmp.resolve("k");
        CliRun.execute(false, "keygen", "--out", key.toString());
        Path wrongPlan = tmp.resolve("other.yaml");
        Files.writeString(wrongPlan, "name: other\n");
        CliRun r = CliRun.execute(false, "bundle", run.toString(), "--key", key.toString(), "--plan", wrongPlan.toString(),
                "--out", tmp.resolve("b.zip").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("not the plan this run executed"), r.err());
    }

    private static byte[] zip(Map<String, byte[]> members, String replace, byte[] with) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : members.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getKey().equals(replace) ? with : e.getValue());
                z.closeEntry();
            }
        }
        assertTrue(members.containsKey(BundleLayout.ENVELOPE));
        return out.toByteArray();
    }
}
