package io.genaudit.audits.cli;

import io.genaudit.datasets.text.MarkovSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

@Tag("integration")
class TrainTransformerCommandTest {
    @BeforeAll
    static void oneThread() {
        io.genaudit.engine.TorchThreads.pin();
    }

    @Test
    void trainsAndResumes(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("text.txt");
        Files.writeString(data, MarkovSource.standard().sample(6000, 1));
        Path out = tmp.resolve("model");
        int rc = Main.commandLine().execute("train", "transformer", "--data", data.toString(), "--out", out.toString(),
                "--size", "tiny", "--epochs", "2", "--seed", "4");
        assertEquals(ExitCodes.OK, rc);
        assertTrue(Files.exists(out.resolve("model.json")));
        assertTrue(Files.exists(io.genaudit.engine.train.CheckpointFolder.file(out, 2)));
        byte[] params = Files.readAllBytes(out.resolve("params.bin"));
        // resuming a finished run changes nothing
        rc = Main.commandLine().execute("train", "transformer", "--data", data.toString(), "--out", out.toString(),
                "--size", "tiny", "--epochs", "2", "--seed", "4", "--resume");
        assertEquals(ExitCodes.OK, rc);
        assertArrayEquals(params, Files.readAllBytes(out.resolve("params.bin")));

        // a truncated checkpoint is bad input naming the file, on one line, not a stack trace
        Path ckpt = io.genaudit.engine.train.CheckpointFolder.file(out, 2);
        byte[] whole = Files.readAllBytes(ckpt);
        Files.write(ckpt, java.util.Arrays.copyOf(whole, whole.length / 2));
        CliRun r = CliRun.execute(false, "train", "transformer", "--data", data.toString(), "--out", out.toString(),
                "--size", "tiny", "--epochs", "2", "--seed", "4", "--resume");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        String message = r.err().strip();
        assertTrue(message.contains(ckpt.toString()) && message.contains("truncated checkpoint"), message);
        assertEquals(1, message.lines().count(), message);
    }

    @Test
    void badInputIsExitCode2(@TempDir Path tmp) {
        assertEquals(ExitCodes.BAD_INPUT, Main.commandLine().execute("train", "transformer", "--data", tmp.resolve("missing.txt").toString(),
                "--out", tmp.resolve("m").toString()));
        assertEquals(ExitCodes.BAD_INPUT, Main.commandLine().execute("train", "transformer", "--data", tmp.toString(),
                "--out", tmp.resolve("m").toString(), "--size", "medium"));
    }
}
