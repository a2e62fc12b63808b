package io.genaudit.metrics.detect;

import io.genaudit.engine.image.c2pa.SignatureStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The marking survey and mark robustness table on the C2PA fixtures of fixtures/image-marks/make_c2pa_fixtures.py. */
class MarkingSurveyC2paTest {
    static final Path MARKS = Path.of("..", "fixtures", "image-marks");

    static Path folder(Path tmp, String... names) throws Exception {
        for (String n : names) Files.copy(MARKS.resolve(n), tmp.resolve(n));
        return tmp;
    }

    @Test
    void countsManifestsAndValidSignatures(@TempDir Path tmp) throws Exception {
        MarkingSurvey s = MarkingSurvey.of(folder(tmp, "c2pa-marked.png", "c2pa-marked.jpg", "c2pa-tampered-claim.jpg",
                "c2pa-tampered-pixels.png", "unmarked.png"));
        assertEquals(5, s.files());
        assertEquals(4, s.marked(), "a tampered manifest still declares trainedAlgorithmicMedia");
        assertEquals(4, s.c2pa());
        assertEquals(2, s.validSignature(), "tampered claim and changed pixels are not validly signed");
        assertEquals(0.4, s.validSignatureShare(), 1e-12);
        assertEquals(0.8, s.c2paShare(), 1e-12);
        assertEquals(4, s.where().get("C2PA manifest"));
        assertEquals(List.of("unmarked.png"), s.unmarkedExamples());
        assertEquals("c2pa-tampered-claim.jpg", s.images().get(2).file());
        assertEquals(SignatureStatus.INVALID, s.images().get(2).c2pa().signature());
        assertEquals(SignatureStatus.VALID, s.images().get(0).c2pa().signature());
        assertTrue(s.validSignatureCi().low() > 0.05 && s.validSignatureCi().high() < 0.95);
    }

    @Test
    void marksDoNotSurviveImageIoEditsButSurviveACopy(@TempDir Path tmp) throws Exception {
        MarkingSurvey s = MarkingSurvey.of(folder(tmp, "c2pa-marked.png", "c2pa-marked.jpg", "c2pa-tampered-signature.png", "unmarked.jpg"));
        List<MarkRobustness> r = MarkRobustness.of(s);
        assertEquals(4, r.size());
        MarkRobustness control = r.get(0);
        assertEquals(3, control.marked());
        assertEquals(1.0, control.survivalShare());
        assertEquals(2, control.signed());
        assertEquals(1.0, control.signatureSurvivalShare());
        for (MarkRobustness e : r.subList(1, r.size())) {
            assertEquals(3, e.marked(), e.edit());
            assertEquals(0.0, e.survivalShare(), e.edit() + ": javax.imageio drops C2PA boxes");
            assertEquals(0.0, e.signatureSurvivalShare(), e.edit());
        }
    }
}
