package io.genaudit.audits.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

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

    /** {@code bias-lm} (or its old name {@code bias}) with one wrong option: exit 2, naming the option (, what is expected). */
    @ParameterizedTest(name = "{0} --probes {1} {2} {3}")
    @CsvSource(delimiter = '|', textBlock = """
            bias-lm | no-such-suite |                      |            | no-such-suite; genaudit-core
            bias    | planted       | --correction         | bonferroni | --correction; holm
            bias-lm | planted       | --min-log-odds-ratio | -0.5       | --min-log-odds-ratio
            bias-lm | planted       | --bootstrap          | 5          | --bootstrap; at least 10
            """)
    void aWrongLanguageModelOptionIsBadInput(String command, String probes, String option, String value, String expected) {
        List<String> args = new ArrayList<>(List.of(command, "--model", "transformer:" + dir, "--probes", probes));
        if (option != null) args.addAll(List.of(option, value));
        assertEquals(ExitCodes.BAD_INPUT, run(args.toArray(String[]::new)));
        for (String fragment : expected.split("; ")) assertTrue(err.contains(fragment), fragment + " in: " + err);
    }

    @Test
    void imageTargetReferenceNeedsAReference() {
        assertEquals(ExitCodes.BAD_INPUT, run("bias-image", "--fake", dir.toString(), "--classifier", "onnx:" + dir.resolve("c.onnx"),
                "--attribute", "colour", "--target", "reference"));
        assertTrue(err.contains("--reference"), err);
    }
}
