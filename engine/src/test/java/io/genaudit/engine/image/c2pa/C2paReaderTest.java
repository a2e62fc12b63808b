package io.genaudit.engine.image.c2pa;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The C2PA reader on the images made by fixtures/image-marks/make_c2pa_fixtures.py (genaudit's own script following
 * the specification's box layout, self-signed ES256 certificate; not files from the official c2pa tool).
 */
class C2paReaderTest {
    static final Path MARKS = Path.of("..", "fixtures", "image-marks");
    static final String TRAINED = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";

    @Test
    void readsValidManifestsFromPngAndSplitJpeg() throws Exception {
        for (String f : new String[]{"c2pa-marked.png", "c2pa-marked.jpg", "c2pa-marked-ed25519.png", "c2pa-marked-legacy-x5chain.jpg"}) {
            C2paManifest m = C2paReader.read(MARKS.resolve(f));
            assertTrue(m.present(), f);
            assertEquals("genaudit-fixtures/1.0", m.claimGenerator(), f);
            assertEquals(TRAINED, m.digitalSourceType(), f);
            assertEquals(SignatureStatus.VALID, m.signature(), f + ": " + m.problem());
            assertEquals(CertificateTrust.SELF_SIGNED, m.trust(), f);
            assertTrue(m.signer().contains("genaudit C2PA test signer"), m.signer());
            assertEquals(HashCheck.MATCH, m.hardBinding(), f);
            assertEquals(HashCheck.MATCH, m.assertionHashes(), f);
            assertTrue(m.validSignature());
        }
        byte[] jpg = Files.readAllBytes(MARKS.resolve("c2pa-marked.jpg"));
        int app11 = 0;
        for (int i = 0; i + 1 < jpg.length; i++) if ((jpg[i] & 0xff) == 0xFF && (jpg[i + 1] & 0xff) == 0xEB) app11++;
        assertTrue(app11 >= 2, "the JPEG fixture splits its store over several APP11 segments: " + app11);
    }

    @Test
    void unmarkedImagesHaveNoManifest() {
        for (String f : new String[]{"unmarked.png", "unmarked.jpg"}) {
            C2paManifest m = C2paReader.read(MARKS.resolve(f));
            assertFalse(m.present(), f);
            assertEquals(SignatureStatus.ABSENT, m.signature());
            assertFalse(m.validSignature());
        }
    }

    @Test
    void tamperedClaimOrSignatureFailsButIsStillRead() {
        for (String f : new String[]{"c2pa-tampered-claim.png", "c2pa-tampered-claim.jpg", "c2pa-tampered-signature.png", "c2pa-tampered-signature.jpg"}) {
            C2paManifest m = C2paReader.read(MARKS.resolve(f));
            assertTrue(m.present(), f);
            assertEquals(SignatureStatus.INVALID, m.signature(), f);
            assertEquals(CertificateTrust.SELF_SIGNED, m.trust(), "an invalid signature is not a trust question: " + f);
            assertFalse(m.validSignature(), f);
        }
        assertEquals("fenaudit-fixtures/1.0", C2paReader.read(MARKS.resolve("c2pa-tampered-claim.png")).claimGenerator());
    }

    @Test
    void changedPixelsBreakTheHardBindingNotTheSignature() {
        C2paManifest m = C2paReader.read(MARKS.resolve("c2pa-tampered-pixels.png"));
        assertEquals(SignatureStatus.VALID, m.signature());
        assertEquals(HashCheck.MISMATCH, m.hardBinding());
        assertFalse(m.validSignature());
    }

    @Test
    void changedAssertionBreaksItsHashInTheClaim() {
        C2paManifest m = C2paReader.read(MARKS.resolve("c2pa-tampered-assertion.png"));
        assertEquals(SignatureStatus.VALID, m.signature(), "the claim itself is intact");
        assertEquals(HashCheck.MISMATCH, m.assertionHashes());
        assertEquals(HashCheck.MATCH, m.hardBinding());
        assertFalse(m.validSignature());
        assertTrue(m.problem().contains("assertion"), m.problem());
    }

    @Test
    void malformedStoresAreReportedNotThrown() throws Exception {
        byte[] good = Files.readAllBytes(MARKS.resolve("c2pa-marked.png"));
        int cabx = indexOf(good, "caBX".getBytes());
        byte[] bad = good.clone();
        bad[cabx + 4] = 0x7f; // the superbox's size now runs past the chunk
        C2paManifest m = C2paReader.read(bad);
        assertTrue(m.present());
        assertEquals(SignatureStatus.MALFORMED, m.signature());
        assertTrue(m.problem().contains("JUMBF box"), m.problem());
        assertFalse(C2paReader.read(Arrays.copyOf(good, 20)).present(), "a truncated PNG has no readable manifest");
    }

    @Test
    void hostileBytesNeverThrow() throws Exception {
        java.util.Random rnd = new java.util.Random(17);
        int invalid = 0;
        for (String f : new String[]{"c2pa-marked.png", "c2pa-marked.jpg"}) {
            byte[] good = Files.readAllBytes(MARKS.resolve(f));
            for (int i = 0; i < 300; i++) {
                byte[] b = good.clone();
                for (int k = 0; k <= i % 3; k++) b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
                C2paManifest m = assertDoesNotThrow(() -> C2paReader.read(b), f + " mutation " + i);
                if (m.present() && !m.validSignature()) invalid++;
            }
        }
        assertTrue(invalid > 100, "random changes inside the manifest or pixels are caught: " + invalid);
    }

    @Test
    void sigStructureIsDefiniteLengthCbor() throws Exception {
        byte[] s = CoseSign1Verifier.sigStructure(new byte[]{(byte) 0xA0}, new byte[]{1, 2});
        assertArrayEquals(new byte[]{(byte) 0x84, 0x6A, 'S', 'i', 'g', 'n', 'a', 't', 'u', 'r', 'e', '1', 0x41, (byte) 0xA0, 0x40, 0x42, 1, 2}, s);
    }

    static int indexOf(byte[] b, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= b.length; i++) {
            for (int j = 0; j < needle.length; j++) if (b[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
