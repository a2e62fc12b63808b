package io.genaudit.engine.image.shapes;

import io.genaudit.engine.Progress;
import io.genaudit.engine.train.TrainingRun;
import io.genaudit.engine.image.ShapesTestData;
import io.genaudit.datasets.shapes.ShapesFixture;
import io.genaudit.datasets.shapes.ShapesSpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

@Tag("integration")
class ShapesCnnTest {
    @Test
    void learnsColourAndShapeAndServesFeaturesAndPredictions(@TempDir Path tmp) throws Exception {
        ShapesCnnTrainer.Labelled train = ShapesCnnTrainer.Labelled.fromFolder(ShapesTestData.folder());
        Path held = tmp.resolve("held");
        ShapesFixture.write(ShapesSpec.balanced(150), 999, held);
        ShapesCnnTrainer.Labelled heldOut = ShapesCnnTrainer.Labelled.fromFolder(held);
        try (ShapesCnn cnn = ShapesCnnTrainer.train(train, heldOut, ShapesCnnTrainer.defaultSettings(1, 4), new TrainingRun(tmp.resolve("cnn"), false, Progress.SILENT))) {
            Map<String, Double> acc = ShapesCnnTrainer.accuracy(cnn, heldOut);
            // chance is 1/3 for colour and shape; a few epochs on 256 images must beat it clearly
            assertTrue(acc.get("colour") > 0.8, "colour accuracy " + acc);
            assertTrue(acc.get("shape") > 0.4, "shape accuracy " + acc);
            assertEquals(List.of("shape", "colour", "size"), cnn.attributes());
            assertEquals(List.of("red", "green", "blue"), cnn.classes("colour"));
            try (ShapesFeatureExtractor fx = ShapesFeatureExtractor.load(tmp.resolve("cnn"))) {
                assertEquals(64, fx.dimension());
                assertTrue(fx.describe().startsWith("genaudit shapes CNN (not comparable with published FIDs)"), fx.describe());
                double[][] a = fx.extract(heldOut.images().slice(0, 3));
                double[][] b = cnn.featureExtractor().extract(heldOut.images().slice(0, 3));
                for (int i = 0; i < 3; i++) assertArrayEquals(a[i], b[i], 1e-6);
                assertArrayEquals(cnn.predict(heldOut.images().slice(0, 5)).get("shape"),
                        fx.network().predict(heldOut.images().slice(0, 5)).get("shape"));
            }
            System.out.println("shapes CNN held-out accuracy after 4 epochs on 256 images: " + acc);
        }
    }
}
