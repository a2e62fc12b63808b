package io.genaudit.datasets.text;

import io.genaudit.datasets.BuiltInDatasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PlantedAssociationCorpusTest {

    private static double observedPX(List<String> sentences, String group) {
        int n = 0, x = 0;
        for (String s : sentences) {
            if (!s.contains(" " + group + " ")) continue;
            n++;
            for (String a : PlantedAssociationCorpus.attributesX()) if (s.contains(" " + a)) { x++; break; }
        }
        return x / (double) n;
    }

    @Test
    void plantedFrequenciesMatchWithinSamplingError() {
        PlantedAssociationCorpus c = PlantedAssociationCorpus.planted();
        List<String> s = c.sentences(11);
        assertEquals(c.sentenceCount(), s.size());
        // 2000 sentences per group: binomial sd = sqrt(0.16/2000) ~ 0.009; allow 4 sd
        assertEquals(0.8, observedPX(s, "zorpish"), 0.036);
        assertEquals(0.2, observedPX(s, "quellan"), 0.036);
        assertEquals(Math.log(16), c.plantedLogOddsRatio(), 1e-12);
        PlantedAssociationCorpus ctl = PlantedAssociationCorpus.control();
        List<String> t = ctl.sentences(11);
        assertEquals(0.5, observedPX(t, "zorpish"), 0.045);
        assertEquals(0.5, observedPX(t, "quellan"), 0.045);
        assertEquals(0, ctl.plantedLogOddsRatio(), 1e-12);
    }

    @Test
    void fixtureIsAsciiOneSentencePerLine(@TempDir Path tmp) throws Exception {
        Path p = BuiltInDatasets.materialize("bias-planted", 3, tmp);
        List<String> lines = Files.readAllLines(p);
        assertEquals(4000, lines.size());
        assertEquals(PlantedAssociationCorpus.planted().sentences(3), lines);
        for (byte b : Files.readAllBytes(p)) assertTrue(b > 0);
        assertNotNull(BuiltInDatasets.all().get("bias-control"));
    }
}
