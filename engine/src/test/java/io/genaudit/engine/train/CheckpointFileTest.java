package io.genaudit.engine.train;

import io.genaudit.engine.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class CheckpointFileTest {
    private static final TrainingSettings SETTINGS = new TrainingSettings(7, 3, 32, 5e-4, 0);

    private static CheckpointFile.Header header(String architecture, TrainingSettings s, int epochsDone) {
        Map<String, Object> hyper = new LinkedHashMap<>();
        hyper.put("size", "tiny");
        hyper.put("latentDim", 16);
        hyper.put("beta1", 0.5f);
        return new CheckpointFile.Header(architecture, hyper, s, "ab12", epochsDone, Map.of("history", Map.of("loss", List.of(1.5, 0.75))));
    }

    private static Map<String, byte[]> sections() throws Exception {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("generator", CheckpointFile.bytes(out -> {
            out.writeInt(42);
            out.writeFloat(-1.25f);
        }));
        m.put("adam-generator", new byte[]{1, 2, 3, 4, 5});
        m.put("empty", new byte[0]);
        return m;
    }

    @Test
    void roundTripKeepsHeaderAndSectionsExactly(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("epoch-0002.ckpt");
        CheckpointFile.Header h = header("dcgan", SETTINGS, 2);
        CheckpointFile.write(f, h, sections());
        CheckpointFile.Loaded back = CheckpointFile.read(f, "dcgan");
        assertEquals(h, back.header());
        assertEquals(SETTINGS, back.header().training());
        assertEquals(0.5, back.header().hyperParameters().get("beta1"));
        assertEquals(List.of("generator", "adam-generator", "empty"), List.copyOf(back.sections().keySet()));
        for (var e : sections().entrySet()) assertArrayEquals(e.getValue(), back.sections().get(e.getKey()), e.getKey());
        try (DataInputStream in = back.section("generator")) {
            assertEquals(42, in.readInt());
            assertEquals(-1.25f, in.readFloat());
        }
        // written through a temporary name: nothing else is left in the folder
        try (var s = Files.list(dir)) {
            assertEquals(List.of(f), s.toList());
        }
        InputException missing = assertThrows(InputException.class, () -> back.section("discriminator"));
        assertTrue(missing.getMessage().startsWith(f.toString()) && missing.getMessage().contains("no section 'discriminator'"), missing.getMessage());
    }

    @Test
    void truncatedCorruptOrForeignFilesAreInputErrorsNamingTheFile(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.ckpt");
        CheckpointFile.write(good, header("vae", SETTINGS, 1), sections());
        byte[] all = Files.readAllBytes(good);

        Path cut = dir.resolve("cut.ckpt");
        Files.write(cut, Arrays.copyOf(all, all.length - 3));
        assertError(cut, "truncated checkpoint");
        Files.write(cut, Arrays.copyOf(all, 30));
        assertError(cut, "truncated");
        Files.write(cut, Arrays.copyOf(all, 10));
        assertError(cut, "truncated checkpoint (10 bytes)");
        Files.write(cut, new byte[0]);
        assertError(cut, "truncated checkpoint (0 bytes)");

        Path flipped = dir.resolve("flipped.ckpt");
        byte[] bad = all.clone();
        bad[bad.length - 7] ^= 0x40; // inside the section bytes
        Files.write(flipped, bad);
        assertError(flipped, "section 'generator' does not match its SHA-256");

        Path header = dir.resolve("header.ckpt");
        byte[] h = all.clone();
        h[CheckpointFile.MAGIC.length + 4] = '['; // the header's opening brace
        Files.write(header, h);
        assertError(header, "corrupt checkpoint header");

        Path text = dir.resolve("notes.ckpt");
        Files.writeString(text, "these are not the weights you are looking for");
        assertError(text, "not a genaudit checkpoint");

        InputException arch = assertThrows(InputException.class, () -> CheckpointFile.read(good, "dcgan"));
        assertTrue(arch.getMessage().startsWith(good.toString()), arch.getMessage());
        assertTrue(arch.getMessage().contains("a checkpoint of a 'vae' model, not of 'dcgan'"), arch.getMessage());

        assertError(dir.resolve("absent.ckpt"), "no such checkpoint file");
    }

    private static void assertError(Path file, String text) {
        InputException e = assertThrows(InputException.class, () -> CheckpointFile.read(file, null));
        assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(text), e.getMessage());
    }

    @Test
    void resumeRequiresTheSameRunAndMayExtendEpochsWhereAllowed(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("c.ckpt");
        CheckpointFile.write(f, header("dcgan", SETTINGS, 2), sections());
        CheckpointFile.Loaded cp = CheckpointFile.read(f, "dcgan");
        cp.requireSameRun(header("dcgan", SETTINGS, 0), false);
        cp.requireSameRun(header("dcgan", SETTINGS.withEpochs(9), 0), true);
        InputException epochs = assertThrows(InputException.class, () -> cp.requireSameRun(header("dcgan", SETTINGS.withEpochs(9), 0), false));
        assertTrue(epochs.getMessage().contains("training.epochs 3 in the checkpoint, 9 requested"), epochs.getMessage());
        InputException seed = assertThrows(InputException.class, () -> cp.requireSameRun(header("dcgan", SETTINGS.withSeed(8), 0), true));
        assertTrue(seed.getMessage().startsWith(f.toString()) && seed.getMessage().contains("training.seed 7 in the checkpoint, 8 requested"),
                seed.getMessage());
        CheckpointFile.Header otherData = new CheckpointFile.Header("dcgan", header("dcgan", SETTINGS, 0).hyperParameters(), SETTINGS, "ff00", 0, null);
        InputException data = assertThrows(InputException.class, () -> cp.requireSameRun(otherData, true));
        assertTrue(data.getMessage().contains("dataSha256 ab12 in the checkpoint, ff00 requested"), data.getMessage());
    }

    @Test
    void folderKeepsOnlyTheLatestAndIgnoresUnfinishedWrites(@TempDir Path model) throws Exception {
        assertTrue(CheckpointFolder.latest(model).isEmpty());
        CheckpointFolder.save(model, header("vae", SETTINGS, 1), sections());
        CheckpointFolder.save(model, header("vae", SETTINGS, 2), sections());
        Path root = model.resolve(CheckpointFolder.FOLDER);
        Files.writeString(root.resolve(".epoch-0003.ckpt.123.tmp"), "half");
        assertEquals(CheckpointFolder.file(model, 2), CheckpointFolder.latest(model).orElseThrow());
        assertFalse(Files.exists(CheckpointFolder.file(model, 1)));
        assertEquals(2, CheckpointFile.read(CheckpointFolder.latest(model).orElseThrow(), "vae").header().epochsDone());
    }
}
