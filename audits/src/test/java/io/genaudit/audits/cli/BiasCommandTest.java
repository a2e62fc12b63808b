package io.genaudit.audits.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code genaudit bias-lm} (alias {@code bias}) and {@code genaudit bias-image}: input errors map to exit code 2 with a
 * message naming the option and what is wrong, before any model is opened.
 */
class BiasCommandTest extends CommandLineTest {
    BiasCommandTest() {
        super(false);
    }

    @Test
    void unknownSuiteIsBadInput() {
        assertEquals(ExitCodes.BAD_INPUT, run("bias-lm", "--model", "transformer:" + dir, "--probes", "no-such-suite"));
        assertTrue(err.contains("no-such-suite") && err.contains("genaudit-core"), err);
    }

    @Test
    void badCorrectionIsBadInputUnderTheOldNameToo() {
        assertEquals(ExitCodes.BAD_INPUT, run("bias", "--model", "transformer:" + dir, "--probes", "planted", "--correction", "bonferroni"));
        assertTrue(err.contains("--correction") && err.contains("holm"), err);
    }

    @Test
    void negativeMinimumLogOddsRatioIsBadInput() {
        assertEquals(ExitCodes.BAD_INPUT, run("bias-lm", "--model", "transformer:" + dir, "--probes", "planted", "--min-log-odds-ratio", "-0.5"));
        assertTrue(err.contains("--min-log-odds-ratio"), err);
    }

    @Test
    void tooFewBootstrapResamplesAreBadInput() {
        assertEquals(ExitCodes.BAD_INPUT, run("bias-lm", "--model", "transformer:" + dir, "--probes", "planted", "--bootstrap", "5"));
        assertTrue(err.contains("--bootstrap") && err.contains("at least 10"), err);
    }

    @Test
    void imageTargetReferenceNeedsAReference() {
        assertEquals(ExitCodes.BAD_INPUT, run("bias-image", "--fake", dir.toString(), "--classifier", "onnx:" + dir.resolve("c.onnx"),
                "--attribute", "colour", "--target", "reference"));
        assertTrue(err.contains("--reference"), err);
    }
}
