package io.genaudit.engine.io;

import io.genaudit.engine.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The external-data files of an ONNX model: the fixture's two locations (one in a sub-folder), none for a model with
 * its weights inside, a missing file and a file that is not ONNX named as user errors.
 */
class OnnxExternalDataTest {
    private static final Path MODELS = Path.of("..", "fixtures", "lm-models").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void locationsAreReadAndCheckedBesideTheModel() throws Exception {
        Path external = MODELS.resolve("external").resolve("tiny-lm.onnx");
        assertEquals(List.of("tiny-lm.onnx.data", "weights/odd.bin"), List.copyOf(OnnxExternalData.locations(external)));
        assertEquals(Map.of("tiny-lm.onnx.data", external.resolveSibling("tiny-lm.onnx.data"), "weights/odd.bin",
                external.resolveSibling("weights").resolve("odd.bin")), OnnxExternalData.files("m", external));
        assertEquals(Set.of(), OnnxExternalData.locations(MODELS.resolve("tiny-lm.onnx")));

        Path copy = Files.copy(external, dir.resolve("tiny-lm.onnx"));
        Files.copy(external.resolveSibling("tiny-lm.onnx.data"), dir.resolve("tiny-lm.onnx.data"));
        InputException missing = assertThrows(InputException.class, () -> OnnxExternalData.files("m", copy));
        assertEquals("model m: external data file " + dir.resolve("weights").resolve("odd.bin") + " named by tiny-lm.onnx is missing", missing.getMessage());

        Path garbage = Files.write(dir.resolve("bad.onnx"), new byte[] {0x0F, 0x01, 0x02});
        InputException bad = assertThrows(InputException.class, () -> OnnxExternalData.files("m", garbage));
        assertTrue(bad.getMessage().startsWith("model m: cannot read the external-data entries of " + garbage), bad.getMessage());
    }
}
