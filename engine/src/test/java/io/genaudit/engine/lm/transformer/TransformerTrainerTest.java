package io.genaudit.engine.lm.transformer;

import io.genaudit.engine.Progress;
import io.genaudit.engine.train.CheckpointFolder;
import io.genaudit.engine.train.TrainingRun;
import io.genaudit.engine.train.TrainingSettings;
import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.engine.lm.SamplingSettings;
import io.genaudit.datasets.text.MarkovSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

class TransformerTrainerTest {
    /** 12 kB: a few dozen steps per epoch, for the determinism and resume tests. */
    static TextCorpus corpus;
    /** 40 kB: enough to learn the bigram table. */
    static TextCorpus larger;

    @BeforeAll
    static void setUp(@TempDir Path tmp) throws Exception {
        io.genaudit.engine.TorchThreads.pin();
        Path f = tmp.resolve("markov.txt");
        Files.writeString(f, MarkovSource.standard().sample(12_000, 99), StandardCharsets.US_ASCII);
        corpus = TextCorpus.read(f);
        Path g = tmp.resolve("markov-larger.txt");
        Files.writeString(g, MarkovSource.standard().sample(40_000, 98), StandardCharsets.US_ASCII);
        larger = TextCorpus.read(g);
    }

    private static TransformerTrainer trainer(int epochs) {
        return new TransformerTrainer(TransformerConfig.tiny(), new TrainingSettings(7, epochs, 8, 1e-2, 0));
    }

    private static TrainingRun run(Path dir, boolean resume) {
        return new TrainingRun(dir, resume, Progress.SILENT);
    }

    @Tag("integration")
    @Test
    void tinyLossFallsAndModelJsonDescribesTheRun(@TempDir Path dir) throws Exception {
        long t0 = System.nanoTime();
        TrainingRecord rec = trainer(2).train(larger, run(dir, false));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(seconds < 60, "tiny training took " + seconds + " s");
        // uniform over 256 bytes is ln 256 = 5.55; the unigram of the 20 symbols is about 2.9; the source's entropy
        // rate is 1.535 nats/byte
        assertEquals(Math.log(256), rec.stepLosses().get(0), 0.1);
        assertTrue(rec.finalLoss() < 2.0, "final loss " + rec.finalLoss() + " epochs " + rec.epochLosses() + " first steps " + rec.stepLosses().subList(0, 12));
        assertTrue(rec.finalLoss() > MarkovSource.standard().entropyRateNats() - 0.1, "final loss " + rec.finalLoss());
        assertEquals(2, rec.epochLosses().size());
        assertEquals(rec.steps(), rec.stepLosses().size());
        TrainingRecord onDisk = TransformerTrainer.JSON.readValue(dir.resolve("model.json").toFile(), TrainingRecord.class);
        assertEquals(rec, onDisk);
        assertEquals(larger.sha256(), onDisk.dataSha256());
        assertEquals(io.genaudit.engine.io.Sha256.of(dir.resolve("params.bin")), onDisk.parametersSha256());
        assertTrue(Files.exists(CheckpointFolder.file(dir, 2)));
        try (TransformerLanguageModel lm = TransformerLanguageModel.load(dir)) {
            assertEquals(64, lm.contextLength());
            // padding invariance: scoring windows together equals scoring each alone
            byte[] b = larger.bytes();
            int[] w1 = new int[32], w2 = new int[9];
            for (int i = 0; i < 32; i++) w1[i] = b[i] & 0xff;
            for (int i = 0; i < 9; i++) w2[i] = b[100 + i] & 0xff;
            List<float[]> both = lm.nextTokenLogProbs(List.of(w1, w2));
            float[] alone = lm.nextTokenLogProbs(List.of(w2)).get(0);
            assertArrayEquals(alone, both.get(1), 1e-5f);
            assertEquals(31, both.get(0).length);
            double mean = 0;
            for (float v : both.get(0)) mean -= v / 31;
            assertTrue(mean < 2.1, "held-in mean NLL " + mean);
        }
    }

    @Tag("integration")
    @Test
    void sameSeedSameParametersLossesAndSamples(@TempDir Path a, @TempDir Path b) throws Exception {
        TrainingRecord ra = trainer(1).train(corpus, run(a, false));
        TrainingRecord rb = trainer(1).train(corpus, run(b, false));
        assertEquals(ra.stepLosses(), rb.stepLosses());
        assertEquals(ra.parametersSha256(), rb.parametersSha256());
        TrainingRecord rc = new TransformerTrainer(TransformerConfig.tiny(), new TrainingSettings(8, 1, 8, 1e-2, 0)).train(corpus, run(a.resolve("other"), false));
        assertNotEquals(ra.parametersSha256(), rc.parametersSha256());
        try (LanguageModel la = TransformerLanguageModel.load(a); LanguageModel lb = TransformerLanguageModel.load(b)) {
            int[] prompt = la.tokenizer().encode("the ");
            SamplingSettings s = new SamplingSettings(40, 0.9, 10, 0.95, List.of());
            int[] ga = la.generate(prompt, s, 3);
            assertArrayEquals(ga, lb.generate(prompt, s, 3));
            assertArrayEquals(ga, la.generate(prompt, s, 3));
            assertEquals(40, ga.length);
            assertFalse(java.util.Arrays.equals(ga, la.generate(prompt, s, 4)));
            // top-k 1 is greedy
            SamplingSettings k1 = new SamplingSettings(15, 1.0, 1, 1.0, List.of());
            assertArrayEquals(la.generate(prompt, SamplingSettings.greedy(15), 0), la.generate(prompt, k1, 11));
            // generation longer than the context slides the window
            assertEquals(50, la.generate(prompt, SamplingSettings.greedy(50), 0).length);
        }
    }

    @Test
    void stopStringEndsGeneration(@TempDir Path dir) throws Exception {
        trainer(1).train(corpus, run(dir, false));
        try (LanguageModel lm = TransformerLanguageModel.load(dir)) {
            int[] prompt = lm.tokenizer().encode("ab");
            SamplingSettings s = new SamplingSettings(200, 1.0, 0, 1.0, List.of(" "));
            int[] out = lm.generate(prompt, s, 1);
            String text = lm.tokenizer().decode(out);
            assertTrue(text.endsWith(" ") && text.indexOf(' ') == text.length() - 1, "'" + text + "'");
        }
    }

    @Tag("integration")
    @Test
    void resumedRunEqualsUninterruptedRun(@TempDir Path full, @TempDir Path cut) throws Exception {
        TrainingRecord whole = trainer(3).train(corpus, run(full, false));
        long perEpoch = whole.steps() / 3;
        AtomicLong seen = new AtomicLong();
        Progress.Factory crashing = (task, total, unit) -> new Progress() {
            public void step(long n) {
                if (seen.addAndGet(n) > perEpoch + 3) throw new IllegalStateException("simulated crash");
            }
            public void message(String text) { }
            public void close() { }
        };
        assertThrows(IllegalStateException.class, () -> trainer(3).train(corpus, new TrainingRun(cut, false, crashing)));
        assertFalse(Files.exists(cut.resolve("params.bin")));
        assertTrue(Files.exists(CheckpointFolder.file(cut, 1)));
        assertFalse(Files.exists(CheckpointFolder.file(cut, 2)));
        TrainingRecord resumed = trainer(3).train(corpus, run(cut, true));
        assertEquals(whole.stepLosses(), resumed.stepLosses());
        assertEquals(whole.parametersSha256(), resumed.parametersSha256());
        assertArrayEquals(Files.readAllBytes(full.resolve("params.bin")), Files.readAllBytes(cut.resolve("params.bin")));
    }

    @Test
    void resumeRefusesADifferentRun(@TempDir Path dir) throws Exception {
        new TransformerTrainer(TransformerConfig.tiny(), new TrainingSettings(7, 1, 16, 5e-3, 5)).train(corpus, run(dir, false));
        var e = assertThrows(io.genaudit.engine.InputException.class, () -> new TransformerTrainer(TransformerConfig.tiny(),
                new TrainingSettings(9, 1, 16, 5e-3, 5)).train(corpus, run(dir, true)));
        assertTrue(e.getMessage().contains("another run (training.seed 7 in the checkpoint, 9 requested)"), e.getMessage());
    }

    @Test
    void learningRateScheduleWarmsUpThenDecays() {
        assertEquals(0.01, TransformerTrainer.learningRate(1, 0, 1000), 1e-12);
        assertEquals(1.0, TransformerTrainer.learningRate(1, 100, 1000), 1e-12);
        assertEquals(0.1, TransformerTrainer.learningRate(1, 1000, 1000), 1e-9);
        List<Double> lrs = new ArrayList<>();
        for (int s = 100; s <= 1000; s += 100) lrs.add(TransformerTrainer.learningRate(1, s, 1000));
        for (int i = 1; i < lrs.size(); i++) assertTrue(lrs.get(i) < lrs.get(i - 1));
    }
}
