package io.genaudit.audits.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code genaudit bias} input errors map to exit code 2 with a message naming what is wrong. */
class BiasCommandTest {
    @TempDir
    Path dir;

    private String err;

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter sw = new StringWriter();
        cl.setErr(new PrintWriter(sw, true));
        int code = cl.execute(args);
        err = sw.toString();
        return code;
    }

    @Test
    void unknownSuiteIsBadInput() {
        assertEquals(ExitCodes.BAD_INPUT, run("bias", "--model", "transformer:" + dir, "--probes", "no-such-suite"));
        assertTrue(err.contains("no-such-suite") && err.contains("genaudit-core"), err);
    }

    @Test
    void badCorrectionIsBadInput() {
        assertEquals(ExitCodes.BAD_INPUT, run("bias", "--model", "transformer:" + dir, "--probes", "planted", "--correction", "bonferroni"));
        assertTrue(err.contains("--correction"), err);
    }
}
