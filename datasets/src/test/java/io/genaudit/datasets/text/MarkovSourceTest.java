package io.genaudit.datasets.text;

import io.genaudit.datasets.BuiltInDatasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class MarkovSourceTest {

    @Test
    void handComputableTwoStateChain() {
        // P = [[0.9, 0.1], [0.5, 0.5]]: pi = (5/6, 1/6); H = 5/6 h(0.1) + 1/6 ln 2
        MarkovSource m = new MarkovSource("ab", 1, new double[][]{{0.9, 0.1}, {0.5, 0.5}});
        assertEquals(5.0 / 6, m.stationary(0), 1e-12);
        double h01 = -(0.9 * Math.log(0.9) + 0.1 * Math.log(0.1));
        assertEquals(5.0 / 6 * h01 + 1.0 / 6 * Math.log(2), m.entropyRateNats(), 1e-12);
        assertEquals(Math.log(0.1), m.logProb("a", 'b'), 1e-12);
        assertEquals(Math.log(5.0 / 6), m.logProb("", 'a'), 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, m.logProb("a", 'z'));
    }

    @Test
    void periodicChainStillConverges() {
        MarkovSource m = new MarkovSource("ab", 1, new double[][]{{0, 1}, {1, 0}});
        assertEquals(0.5, m.stationary(0), 1e-12);
        assertEquals(0.0, m.entropyRateNats(), 1e-12);
    }

    @Test
    void closedFormMatchesLongSampleEstimates() {
        MarkovSource m = MarkovSource.standard();
        double h = m.entropyRateNats();
        assertTrue(Math.exp(h) > 3 && Math.exp(h) < 8, "perplexity bound " + Math.exp(h));
        String text = m.sample(1_000_000, 7);
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        // (1) average surprisal under the exact model (AEP)
        double nll = 0;
        for (int i = 2; i < b.length; i++) nll -= m.logProb(new byte[]{b[i - 2], b[i - 1]}, b[i]);
        assertEquals(h, nll / (b.length - 2), 0.01);
        // (2) plug-in conditional entropy H(X3 | X1 X2) from trigram counts, independent of the closed form
        Map<Integer, Integer> ctx = new HashMap<>(), tri = new HashMap<>();
        for (int i = 2; i < b.length; i++) {
            int c = (b[i - 2] << 8) | b[i - 1];
            ctx.merge(c, 1, Integer::sum);
            tri.merge((c << 8) | b[i], 1, Integer::sum);
        }
        double plugIn = 0;
        int n = b.length - 2;
        for (var e : tri.entrySet()) {
            double pj = e.getValue() / (double) n;
            double pc = ctx.get(e.getKey() >> 8) / (double) n;
            plugIn -= pj * Math.log(pj / pc);
        }
        assertEquals(h, plugIn, 0.01);
    }

    @Test
    void partialContextsAreStationaryMarginals() {
        MarkovSource m = MarkovSource.standard();
        double total = 0;
        for (char c : m.alphabet().toCharArray()) total += Math.exp(m.logProb("", c));
        assertEquals(1, total, 1e-9);
        double cond = 0;
        for (char c : m.alphabet().toCharArray()) cond += Math.exp(m.logProb("e", c));
        assertEquals(1, cond, 1e-9);
    }

    @Test
    void samplesAreSeededAndInAlphabet() {
        MarkovSource m = MarkovSource.standard();
        assertEquals(m.sample(500, 3), m.sample(500, 3));
        assertNotEquals(m.sample(500, 3), m.sample(500, 4));
        for (char c : m.sample(2000, 5).toCharArray()) assertTrue(m.alphabet().indexOf(c) >= 0);
    }

    @Test
    void fixturesMaterializeDeterministically(@TempDir Path tmp) throws Exception {
        Path train = BuiltInDatasets.materialize("markov-train", 1, tmp.resolve("a"));
        Path train2 = BuiltInDatasets.materialize("markov-train", 1, tmp.resolve("b"));
        assertArrayEquals(Files.readAllBytes(train), Files.readAllBytes(train2));
        assertEquals(MarkovCorpusFixture.TRAIN_DOCUMENTS, Files.readAllLines(train).size());
        Path held = BuiltInDatasets.materialize("markov-heldout", 1, tmp.resolve("a"));
        try (var s = Files.list(held)) {
            assertEquals(MarkovCorpusFixture.HELDOUT_DOCUMENTS, s.filter(p -> p.toString().endsWith(".txt")).count());
        }
        String firstHeld = Files.readString(held.resolve("doc-000.txt"));
        assertEquals(MarkovCorpusFixture.DOCUMENT_BYTES, firstHeld.length());
        assertFalse(Files.readString(train).contains(firstHeld.substring(0, 200)), "held-out text must not be in train");
    }
}
