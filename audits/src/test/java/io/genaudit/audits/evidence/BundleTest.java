package io.genaudit.audits.evidence;

import io.genaudit.engine.InputException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Evidence bundles: DSSE PAE per the spec, Ed25519 per RFC 8032, and tamper evidence for every member and byte. */
class BundleTest {
    @TempDir
    static Path tmp;
    static KeyPair keys;
    static Map<String, byte[]> members;

    @BeforeAll
    static void bundle() throws IOException {
        Path run = EvidenceTestRuns.write(tmp);
        RunFolder folder = RunFolder.read(run, null, List.of());
        keys = Ed25519Keys.generate();
        byte[] zip = BundleWriter.build(folder.record(), folder.files(), Signer.parse("Jane Doe, model risk officer"), keys,
                Instant.parse("2026-02-03T04:05:06Z"));
        members = BundleMembers.parse(zip, "test").members();
    }

    @Test
    void paeMatchesTheDsseSpecificationExamples() {
        // secure-systems-lab/dsse protocol.md worked example, and the empty case from its reference implementation's tests
        assertArrayEquals("DSSEv1 29 http://example.com/HelloWorld 11 hello world".getBytes(StandardCharsets.US_ASCII),
                Dsse.pae("http://example.com/HelloWorld", "hello world".getBytes(StandardCharsets.US_ASCII)));
        assertArrayEquals("DSSEv1 0  0 ".getBytes(StandardCharsets.US_ASCII), Dsse.pae("", new byte[0]));
        // lengths count UTF-8 bytes, not characters
        assertArrayEquals("DSSEv1 2 é 3 a b".getBytes(StandardCharsets.UTF_8), Dsse.pae("é", "a b".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void jdkEd25519ReproducesRfc8032TestVector1() throws Exception {
        HexFormat hex = HexFormat.of();
        PrivateKey priv = KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519,
                hex.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")));
        byte[] expected = hex.parseHex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        assertArrayEquals(expected, Ed25519Keys.sign(priv, new byte[0]));
        PublicKey pub = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                hex.parseHex("302a300506032b6570032100d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")));
        assertTrue(Ed25519Keys.verify(pub, new byte[0], expected));
        assertFalse(Ed25519Keys.verify(pub, new byte[]{0}, expected));
    }

    @Test
    void pemRoundTrips() {
        PublicKey pub = Ed25519Keys.parsePublic(Ed25519Keys.publicPem(keys.getPublic()), "pem");
        assertArrayEquals(keys.getPublic().getEncoded(), pub.getEncoded());
        assertThrows(InputException.class, () -> Ed25519Keys.parsePublic("not a key", "pem"));
    }

    @Test
    void bundleHoldsOutputsPlanManifestAndSignedStatement() throws IOException {
        assertTrue(members.keySet().containsAll(List.of("run/run.json", "run/report.html", "run/junit.xml", "run/summary.md",
                "plan/plan.yaml", BundleLayout.MANIFEST, BundleLayout.PUBLIC_KEY, BundleLayout.ENVELOPE)), members.keySet().toString());
        BundleVerification v = BundleVerifier.verify(new BundleMembers(members, List.of(), null), keys.getPublic(), "test key");
        assertTrue(v.intact(), v.problems().toString());
        assertEquals("Jane Doe, model risk officer", v.signer());
        assertEquals("2026-02-03T04:05:06Z", v.signedAt());
        String statement = DsseEnvelope.parse(members.get(BundleLayout.ENVELOPE)).bodyText();
        assertTrue(statement.startsWith("{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":["), statement);
        // every input digest of run.json is a subject: plan, data file, both models
        for (String name : List.of("input:plan:", "input:data:/data/corpus.txt", "input:model:lm-small", "input:model:dcgan-small")) {
            assertTrue(statement.contains("\"name\":\"" + name), name);
        }
        String manifest = new String(members.get(BundleLayout.MANIFEST), StandardCharsets.UTF_8);
        assertTrue(manifest.contains("\"run/report.html\"") && manifest.contains("\"inputs\""), manifest);
    }

    @Test
    void withoutATrustedKeyTheBundlesOwnKeyIsUsedAndSaidSo() {
        BundleVerification v = BundleVerifier.verify(new BundleMembers(members, List.of(), null), null, null);
        assertTrue(v.intact(), v.problems().toString());
        assertTrue(v.keySource().contains("integrity only"), v.keySource());
    }

    @Tag("integration")
    @Test
    void everySingleByteChangeToAnyMemberIsCaughtAndNamed() {
        int checked = 0;
        for (String name : members.keySet()) {
            byte[] original = members.get(name);
            List<Integer> offsets = offsets(name, original);
            for (int i = 0; i < offsets.size(); i++) {
                int offset = offsets.get(i);
                Map<String, byte[]> changed = new LinkedHashMap<>(members);
                byte[] b = original.clone();
                b[offset] ^= (byte) (i % 2 == 0 ? 0x01 : 0x80);
                changed.put(name, b);
                // the bundle's own key is what a changed signer.pub can fool; check that path too for the key member
                PublicKey trusted = name.equals(BundleLayout.PUBLIC_KEY) && i % 2 == 1 ? null : keys.getPublic();
                BundleVerification v = BundleVerifier.verify(new BundleMembers(changed, List.of(), null), trusted, "t");
                assertFalse(v.intact(), name + " byte " + offset + " went unnoticed");
                boolean named = v.problems().stream().anyMatch(p -> p.startsWith(name + ":")
                        || (name.equals(BundleLayout.ENVELOPE) && p.startsWith("signature:")));
                assertTrue(named, name + " byte " + offset + ": " + v.problems());
                checked++;
            }
        }
        assertTrue(checked > 300, "checked " + checked);
    }

    @Test
    void missingExtraAndDuplicatedMembersAreNamed() throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>(members);
        m.remove("run/junit.xml");
        m.put("run/extra.txt", "x".getBytes(StandardCharsets.UTF_8));
        // a member named like an input subject is not covered by that subject's digest
        m.put("input:data:/data/corpus.txt", "corpus".getBytes(StandardCharsets.UTF_8));
        BundleVerification v = BundleVerifier.verify(new BundleMembers(m, List.of(), null), keys.getPublic(), "t");
        assertTrue(v.problems().contains("run/junit.xml: missing"), v.problems().toString());
        assertTrue(v.problems().contains("run/extra.txt: extra (not in the signed statement)"), v.problems().toString());
        assertTrue(v.problems().contains("input:data:/data/corpus.txt: extra (not in the signed statement)"), v.problems().toString());

        // a second copy of a member smuggled into the zip
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : members.entrySet()) put(z, e.getKey(), e.getValue());
        }
        byte[] dup = concatDuplicate(out.toByteArray());
        BundleMembers read = BundleMembers.parse(dup, "dup");
        BundleVerification vd = BundleVerifier.verify(read, keys.getPublic(), "t");
        assertFalse(vd.intact());
        assertTrue(vd.problems().stream().anyMatch(p -> p.startsWith("run/summary.md: duplicated")), vd.problems().toString());
    }

    @Test
    void aWrongKeyIsABadSignature() {
        KeyPair other = Ed25519Keys.generate();
        BundleVerification v = BundleVerifier.verify(new BundleMembers(members, List.of(), null), other.getPublic(), "--pubkey other.pub");
        assertEquals(1, v.problems().size(), v.problems().toString());
        assertTrue(v.problems().get(0).startsWith("signature: does not verify with key " + Ed25519Keys.keyId(other.getPublic())));
    }

    @Test
    void notAZipIsUnreadableInput() {
        assertThrows(InputException.class, () -> BundleMembers.parse("hello".getBytes(StandardCharsets.UTF_8), "x"));
        assertThrows(InputException.class, () -> BundleMembers.parse(new byte[]{'P', 'K', 3, 4, 0, 0}, "x"));
    }

    /**
     * First, last and 40 evenly spread offsets of each member; for the envelope also every byte around the end of the
     * base64 payload and the whole signature (where lenient base64 padding bits could hide a change).
     */
    private static List<Integer> offsets(String name, byte[] data) {
        java.util.TreeSet<Integer> out = new java.util.TreeSet<>();
        int step = Math.max(1, data.length / 40);
        for (int i = 0; i < data.length; i += step) out.add(i);
        out.add(data.length - 1);
        if (name.equals(BundleLayout.ENVELOPE)) {
            String text = new String(data, StandardCharsets.ISO_8859_1);
            int payloadEnd = text.indexOf("\",\"payloadType\"");
            for (int i = Math.max(0, payloadEnd - 4); i < payloadEnd + 2; i++) out.add(i);
            for (int i = text.indexOf("\"sig\":"); i < data.length; i++) out.add(i);
        }
        return new ArrayList<>(out);
    }

    /** Appends a local file entry "run/summary.md" after the members, as a hand-made hostile zip would. */
    private static byte[] concatDuplicate(byte[] zip) throws IOException {
        ByteArrayOutputStream extra = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(extra)) {
            put(z, "run/summary.md", "forged summary".getBytes(StandardCharsets.UTF_8));
        }
        // local entries of the original (up to its central directory) followed by the forged zip whole: a streaming
        // reader sees both entries named run/summary.md
        int cd = centralDirectoryOffset(zip);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(zip, 0, cd);
        out.write(extra.toByteArray());
        return out.toByteArray();
    }

    private static int centralDirectoryOffset(byte[] zip) {
        for (int i = zip.length - 22; i >= 0; i--) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 5 && zip[i + 3] == 6) {
                return (zip[i + 16] & 0xff) | (zip[i + 17] & 0xff) << 8 | (zip[i + 18] & 0xff) << 16 | (zip[i + 19] & 0xff) << 24;
            }
        }
        throw new IllegalStateException("no end of central directory");
    }

    private static void put(ZipOutputStream z, String name, byte[] data) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(data);
        z.closeEntry();
    }
}
