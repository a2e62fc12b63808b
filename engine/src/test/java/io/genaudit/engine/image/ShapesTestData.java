package io.genaudit.engine.image;

import io.genaudit.engine.image.nn.TrainingData;
import io.genaudit.datasets.shapes.ShapesFixture;
import io.genaudit.datasets.shapes.ShapesSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a small shapes folder once per JVM for model tests. */
public final class ShapesTestData {
    private static Path folder;

    static {
        // one torch thread: far faster on a shared 2-core machine and independent of the core count
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) System.setProperty("ai.djl.pytorch.num_threads", "1");
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }

    private ShapesTestData() {
    }

    public static synchronized Path folder() throws IOException {
        if (folder == null) {
            Path dir = Files.createTempDirectory("genaudit-shapes-test");
            dir.toFile().deleteOnExit();
            ShapesFixture.write(ShapesSpec.balanced(256), 11, dir);
            folder = dir;
        }
        return folder;
    }

    public static TrainingData data(String attribute) throws IOException {
        return TrainingData.fromFolder(folder(), 3, attribute);
    }
}
