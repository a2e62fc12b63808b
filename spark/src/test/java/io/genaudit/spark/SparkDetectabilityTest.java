package io.genaudit.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genaudit.audits.cli.Main;
import io.genaudit.engine.Progress;
import io.genaudit.engine.image.ImageFolderSource;
import io.genaudit.metrics.detect.DetectorClassifier;
import io.genaudit.metrics.detect.FeatureRows;
import io.genaudit.metrics.detect.FixedDetector;
import io.genaudit.metrics.detect.LabelledFeatures;
import io.genaudit.metrics.detect.SpectralFeatureExtractor;
import io.genaudit.metrics.detect.SpectralFeatures;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A plan with three {@code detectability} audits (the cross-validated spectral detector, a saved genaudit detector and
 * a TorchScript detector network, pooled on the executors), each with perturbations, run by the single-machine harness on image folders and by Spark ({@code local[2]}, 3
 * partitions, batches of 8, {@code --check-local}) on the same images as shuffled Parquet tables: every result
 * component equal. The fixed detector's generated images are larger than the real ones, so both runs downscale them
 * to the real size first. A table with an unreadable image is a one-line user error naming the table and row.
 */
@Tag("integration") // starts a local Spark runtime (tens of seconds): integration tier
class SparkDetectabilityTest {
    /** A TorchScript network scoring checkerboard artifacts (any image size; metrics' ExternalDetectorTest fixture). */
    static final Path TORCH_DETECTOR = Path.of("..", "metrics", "src", "test", "resources", "detect", "checker_detector.pt").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void detectabilityOnSparkEqualsTheSingleMachinePlanRun() throws Exception {
        var spark = LocalSpark.session();
        Path realDir = ImageTables.folder(dir.resolve("real"), 30, 3);
        Path genSrc = ImageTables.folder(dir.resolve("gen-src"), 26, 4);
        Path noisyDir = noisy(genSrc, dir.resolve("noisy"));
        Path bigDir = enlarged(genSrc, dir.resolve("big"), 3);
        int h = ImageFolderSource.open(realDir).height(), w = ImageFolderSource.open(realDir).width();
        Path detector = detector(dir.resolve("det.json"), h, w);
        ImageTables.write(spark, realDir, dir.resolve("real.parquet"));
        ImageTables.write(spark, noisyDir, dir.resolve("noisy.parquet"), true);
        ImageTables.write(spark, bigDir, dir.resolve("big.parquet"), true);

        Path localOut = dir.resolve("local-out");
        assertEquals(0, Main.commandLine().execute("audit", plan("local.yaml", "", detector).toString(), "--out", localOut.toString()));
        Path sparkOut = dir.resolve("spark-out");
        assertEquals(0, SparkAuditMain.run("audit", plan("spark.yaml", ".parquet", detector).toString(),
                "--out", sparkOut.toString(), "--master", "local[2]", "--partitions", "3", "--check-local"));

        ObjectMapper json = new ObjectMapper();
        JsonNode local = json.readTree(localOut.resolve("run.json").toFile()).get("audits");
        JsonNode run = json.readTree(sparkOut.resolve("run.json").toFile());
        JsonNode onSpark = run.get("audits");
        assertEquals(3, onSpark.size());
        String check = run.get("execution").get("localCheck").asText();
        for (String id : List.of("detect-cv", "detect-fixed", "detect-torch")) assertTrue(check.contains(id + ": equal to the single pass"), check);
        for (int a = 0; a < 3; a++) {
            String id = local.get(a).get("id").asText();
            assertEquals(id, onSpark.get(a).get("id").asText());
            for (String part : List.of("value", "n", "ci", "details")) {
                Object x = json.convertValue(local.get(a).get(part), Object.class), y = json.convertValue(onSpark.get(a).get(part), Object.class);
                assertEquals(List.of(), ResultAgreement.differences(x, y, ResultAgreement.DEFAULT_RELATIVE_TOLERANCE), id + " " + part);
            }
            JsonNode d = onSpark.get(a).get("details");
            assertEquals(56, onSpark.get(a).get("n").asLong(), id);
            assertEquals(a == 2 ? 1 : 2, d.get("robustness").size(), id);
            assertEquals(26, d.get("mark_images").size(), id + ": every generated file surveyed");
            System.out.println(id + ": AUC " + onSpark.get(a).get("value") + ", robustness " + d.get("robustness"));
            assertEquals(SparkDetectabilityAudit.MERGE, run.get("execution").get("merges").get(id).asText());
            assertEquals(SparkDetectabilityAudit.MERGE, onSpark.get(a).get("settings").get("merge").asText());
        }
        double auc = onSpark.get(0).get("value").asDouble();
        assertTrue(auc > 0.55 && auc < 0.95, "the noisy images are neither indistinguishable nor trivially told apart: AUC " + auc);
        assertEquals("fixed detector", onSpark.get(1).get("details").get("mode").asText());
        assertEquals(32 + "x" + 32, onSpark.get(1).get("settings").get("image_size").asText(), "the generated images downscaled to the real size");
        assertEquals("TorchScript detector checker_detector.pt", onSpark.get(2).get("settings").get("detector").asText());
        int opened = DetectorRecipe.POOL.opened(DetectorRecipe.of(TORCH_DETECTOR));
        assertTrue(opened >= 1 && opened <= 2, "one network per task slot (local[2]), opened " + opened);
    }

    @Test
    void aBadImageTableIsAOneLineUserError() throws Exception {
        var spark = LocalSpark.session();
        Path realDir = ImageTables.folder(dir.resolve("real"), 12, 3);
        ImageTables.write(spark, realDir, dir.resolve("real.parquet"));
        List<org.apache.spark.sql.Row> rows = new java.util.ArrayList<>();
        List<Path> files = ImageFolderSource.open(realDir).files();
        for (int i = 0; i < files.size(); i++) rows.add(RowFactory.create((long) i, i == 7 ? "not an image".getBytes() : Files.readAllBytes(files.get(i))));
        spark.createDataFrame(rows, ImageTables.SCHEMA).repartition(2).write().parquet(dir.resolve("noisy.parquet").toString());
        Path out = dir.resolve("out");
        assertEquals(2, SparkAuditMain.run("audit", plan("bad.yaml", ".parquet", null).toString(),
                "--out", out.toString(), "--master", "local[2]", "--partitions", "3"));
        assertFalse(Files.exists(out));
    }

    /** The images of {@code src} scaled up by {@code extra} pixels per side into {@code folder}. */
    private static Path enlarged(Path src, Path folder, int extra) throws Exception {
        Files.createDirectories(folder);
        for (Path f : ImageFolderSource.open(src).files()) {
            BufferedImage img = ImageIO.read(f.toFile());
            BufferedImage big = new BufferedImage(img.getWidth() + extra, img.getHeight() + extra, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = big.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(img, 0, 0, big.getWidth(), big.getHeight(), null);
            g.dispose();
            ImageIO.write(big, "png", folder.resolve(f.getFileName()).toFile());
        }
        return folder;
    }

    /** A saved logistic detector trained on other shapes images (real) against their blurred copies (generated). */
    private Path detector(Path file, int h, int w) throws Exception {
        Path a = ImageTables.folder(dir.resolve("train-real"), 24, 8);
        Path b = enlarged(ImageTables.folder(dir.resolve("train-gen-src"), 24, 9), dir.resolve("train-gen"), 5);
        SpectralFeatures f = SpectralFeatures.defaults();
        try (SpectralFeatureExtractor x = f.extractor()) {
            double[][] real = FeatureRows.of(ImageFolderSource.open(a), x, null, 0, 8, Progress.NONE);
            double[][] fake = FeatureRows.of(ImageFolderSource.open(b).resizedTo(h, w, io.genaudit.engine.image.Resize.Filter.BICUBIC,
                    io.genaudit.engine.image.Resize.Precision.UINT8), x, null, 0, 8, Progress.NONE);
            FixedDetector.train(LabelledFeatures.of(real, fake), f, h, w, DetectorClassifier.LOGISTIC, 3, Map.of()).save(file);
        }
        return file;
    }

    /**
     * A plan with a cross-validated audit of the noisy images and (when {@code detector} is given) fixed-detector audits
     * of the enlarged ones (that detector) and of the noisy ones (the TorchScript network), against the real images; datasets are the folders, or the tables when {@code suffix} is ".parquet".
     */
    private Path plan(String name, String suffix, Path detector) throws Exception {
        String fixed = detector == null ? "" : """
                  - id: detect-fixed
                    metric: detectability
                    params: {real: real, fake: big, detector: "%s", batchSize: 8, bootstrap: 40, robustness: {noise: [0.05], downscale: [0.5]}}
                  - id: detect-torch
                    metric: detectability
                    params: {real: real, fake: noisy, detector: "%s", batchSize: 8, bootstrap: 40, robustness: {noise: [0.05]}}
                """.formatted(detector, TORCH_DETECTOR);
        return Files.writeString(dir.resolve(name), """
                name: detect-spark
                seed: 11
                datasets:
                  - {id: real, path: real%1$s}
                  - {id: noisy, path: noisy%1$s}
                  - {id: big, path: big%1$s}
                audits:
                  - id: detect-cv
                    metric: detectability
                    params: {real: real, fake: noisy, folds: 3, batchSize: 8, bootstrap: 40, robustness: {noise: [0.05], jpeg: [70]}}
                %2$s""".formatted(suffix, fixed));
    }

    /** The images of {@code src} with mild Gaussian noise (σ = 3 of 255, seeded) into {@code folder}: hard to tell apart. */
    private static Path noisy(Path src, Path folder) throws Exception {
        Files.createDirectories(folder);
        java.util.Random r = new java.util.Random(1);
        for (Path f : ImageFolderSource.open(src).files()) {
            BufferedImage img = ImageIO.read(f.toFile());
            BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    int p = img.getRGB(x, y), q = 0;
                    for (int c = 0; c < 3; c++) q |= Math.clamp(((p >> (8 * c)) & 255) + Math.round(r.nextGaussian() * 3), 0, 255) << (8 * c);
                    out.setRGB(x, y, q);
                }
            }
            ImageIO.write(out, "png", folder.resolve(f.getFileName()).toFile());
        }
        return folder;
    }
}
