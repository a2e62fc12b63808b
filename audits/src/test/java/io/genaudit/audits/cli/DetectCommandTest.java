package io.genaudit.audits.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genaudit.engine.image.BufferedImages;
import io.genaudit.engine.image.Images;
import io.genaudit.engine.image.PngWriter;
import io.genaudit.engine.Progress;
import io.genaudit.engine.image.ImageFolderSource;
import io.genaudit.metrics.detect.DetectabilityMetrics;
import io.genaudit.metrics.detect.DetectabilitySettings;
import io.genaudit.metrics.detect.DetectabilityStudy;
import io.genaudit.metrics.detect.DetectorClassifier;
import io.genaudit.metrics.detect.SpectralFeatures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code genaudit detectability} (and its alias {@code detect}), {@code genaudit train detector} and {@code metric: detectability} end to end on PNG folders. */
@Tag("integration")
class DetectCommandTest {
    @TempDir
    static Path dir;

    private static String err;

    private static int run(String... args) {
        CliRun r = CliRun.execute(true, args);
        err = r.err();
        return r.code();
    }

    /** A folder of {@code n} real images (seed {@code seed}) and one of {@code n} marked generated ones (seed {@code seed + 1}, with the artifact). */
    record Folders(Path real, Path fake) {
        static Folders of(String name, int n, long seed) throws Exception {
            return new Folders(folder(name + "-real", images(n, seed, 0), false), folder(name + "-fake", images(n, seed + 1, 0.04), true));
        }
    }

    /**
     * Writes {@link Folders} {@code name}, a detectability plan on them with {@code params} and {@code gate}, runs
     * {@code genaudit audit} on it into {@code dir/name-out}, asserts its exit code and returns the output folder.
     */
    private static Path auditPlan(String name, int n, long seed, String params, String gate, int exit, String why) throws Exception {
        Folders f = Folders.of(name, n, seed);
        Path plan = plan(name, f.real(), f.fake(), params, gate);
        Path out = dir.resolve(name + "-out");
        assertEquals(exit, run("audit", plan.toString(), "--out", out.toString(), "--cache", dir.resolve("cache").toString()), why);
        return out;
    }

    /** The first audit of {@code out}'s run.json. */
    private static JsonNode firstAudit(Path out) throws java.io.IOException {
        return new ObjectMapper().readTree(out.resolve("run.json").toFile()).get("audits").get(0);
    }

    /** Random smooth images (a few low-frequency sinusoids); with {@code checker} a faint (-1)^(x+y) up-sampling artifact. */
    static Images images(int n, long seed, double checker) {
        int s = 32, plane = s * s;
        SplittableRandom r = new SplittableRandom(seed);
        float[] d = new float[n * 3 * plane];
        for (int i = 0; i < n; i++) {
            double[] f = new double[plane];
            for (int k = 0; k < 6; k++) {
                double fx = r.nextDouble() * 0.6, fy = r.nextDouble() * 0.6, ph = r.nextDouble() * 6.283, a = 0.05 + 0.05 * r.nextDouble();
                for (int y = 0; y < s; y++) for (int x = 0; x < s; x++) f[y * s + x] += a * Math.sin(fx * x + fy * y + ph);
            }
            for (int c = 0; c < 3; c++) {
                double off = 0.4 + 0.2 * r.nextDouble();
                for (int y = 0; y < s; y++) {
                    for (int x = 0; x < s; x++) {
                        double v = off + f[y * s + x] + checker * (((x + y) & 1) == 0 ? 1 : -1) + 0.01 * (r.nextDouble() - 0.5);
                        d[(i * 3 + c) * plane + y * s + x] = (float) Math.min(1, Math.max(0, v));
                    }
                }
            }
        }
        return new Images(n, 3, s, s, d);
    }

    static Path folder(String name, Images im, boolean marked) throws Exception {
        Path f = dir.resolve(name);
        Files.createDirectories(f);
        if (marked) {
            PngWriter.writeAll(f, im, "img", 0, "test generator");
        } else {
            for (int i = 0; i < im.n(); i++) ImageIO.write(BufferedImages.toBufferedImage(im, i), "png", f.resolve(String.format("r%03d.png", i)).toFile());
        }
        return f;
    }

    @Test
    void largerGeneratedImagesAreDownscaledNotRealOnesUpscaled() throws Exception {
        Path real = folder("small-real", images(20, 5, 0), false);
        Images big = io.genaudit.engine.image.Resize.resize(images(20, 6, 0.04), 96, 96, io.genaudit.engine.image.Resize.Filter.BICUBIC,
                io.genaudit.engine.image.Resize.Precision.UINT8);
        Path fake = folder("big-fake", big, true);
        Path json = dir.resolve("sizes.json");
        assertEquals(0, run("detect", "--real", real.toString(), "--fake", fake.toString(), "--folds", "2", "--bootstrap", "50", "--json", json.toString()));
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertTrue(j.get("notes").toString().contains("Generated images were downscaled from 96x96 to the real size 32x32"), j.toString());
        assertTrue(j.get("inputs").get("generated").asText().contains("resized to 32x32"), j.get("inputs").toString());
    }

    @Test
    void crossValidatedDetectWritesJsonWithAucAndMarks() throws Exception {
        Folders f = Folders.of("cv", 40, 1);
        Path json = dir.resolve("cv.json");
        assertEquals(0, run("detectability", "--real", f.real().toString(), "--fake", f.fake().toString(), "--folds", "4", "--bootstrap", "200",
                "--robustness", "downscale=0.5", "--json", json.toString()));
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertEquals("detectability", j.get("metric").asText());
        assertTrue(j.get("auc").asDouble() > 0.9, j.toString());
        assertTrue(j.get("ci").get("low").asDouble() > 0.5);
        assertEquals(40, j.get("n_real").asInt());
        assertEquals(1.0, j.get("marked_share").asDouble());
        assertEquals(1, j.get("robustness").size());
        assertEquals(4, j.get("inputs").get("folds").asInt());
        assertEquals(200, j.get("params").get("bootstrap").asInt());
        assertTrue(j.has("seconds") && j.has("eer") && j.has("tpr_at_1pct_fpr") && j.has("accuracy_at_eer") && j.has("ap"));
        // the same numbers as the detector study run directly (the path genaudit detect took before the metric contract)
        DetectabilityMetrics direct = new DetectabilityStudy(new DetectabilitySettings(SpectralFeatures.defaults(), DetectorClassifier.LOGISTIC,
                4, 0.01, 200, 0, 64), Progress.SILENT).run(ImageFolderSource.open(f.real(), 3), ImageFolderSource.open(f.fake(), 3)).metrics();
        assertEquals(direct.auc(), j.get("value").asDouble(), 1e-15);
        assertEquals(direct.aucCi().low(), j.get("ci").get("low").asDouble(), 1e-15);
        assertEquals(direct.ap(), j.get("ap").asDouble(), 1e-15);
        assertEquals(direct.eer(), j.get("eer").asDouble(), 1e-15);
    }

    @Test
    void trainedDetectorGatesNewOutputsAtFixedFpr() throws Exception {
        Folders f = Folders.of("tr", 40, 3);
        Path det = dir.resolve("det.json");
        assertEquals(0, run("train", "detector", "--real", f.real().toString(), "--fake", f.fake().toString(), "--out", det.toString(), "--folds", "4"));
        JsonNode saved = new ObjectMapper().readTree(det.toFile());
        assertEquals(64, saved.get("provenance").get("real").get("sha256").asText().length());
        Path cal = folder("new-real", images(60, 5, 0), false);
        Path release = folder("new-fake", images(30, 6, 0.04), false);
        Path json = dir.resolve("gate.json");
        assertEquals(0, run("detect", "--real", cal.toString(), "--fake", release.toString(), "--detector", det.toString(),
                "--fpr", "0.05", "--bootstrap", "200", "--json", json.toString()));
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertTrue(j.get("detection_rate").asDouble() > 0.8, j.toString());
        assertTrue(j.get("calibration_fpr").asDouble() <= 0.05);
        assertEquals(0.0, j.get("marked_share").asDouble(), "these outputs were saved without a mark");
    }

    @Test
    void auditPlanRunsTheModuleWithGateAndMarks() throws Exception {
        Path out = auditPlan("detect", 30, 7, "folds: 3, bootstrap: 200, robustness: {jpeg: [75], noise: [0.02]}", "{on: auc, min: 0.8}", 0,
                "the gate passes");
        JsonNode a = firstAudit(out);
        assertEquals("detectability", a.get("metric").asText());
        assertTrue(a.get("value").asDouble() > 0.8);
        JsonNode d = a.get("details");
        assertEquals(1.0, d.get("marked_share").asDouble());
        assertEquals(0.0, d.get("c2pa_share").asDouble(), "PngWriter marks with XMP, not C2PA");
        assertEquals(0.0, d.get("valid_signature_share").asDouble());
        assertEquals(30, d.get("mark_images").size());
        assertEquals("absent", d.get("mark_images").get(0).get("signature").asText());
        JsonNode rob = d.get("mark_robustness");
        assertEquals("byte copy (control)", rob.get(0).get("edit").asText());
        assertEquals(1.0, rob.get(0).get("survival_share").asDouble());
        for (int i = 1; i < rob.size(); i++) assertEquals(0.0, rob.get(i).get("survival_share").asDouble(), rob.get(i).toString());
        assertEquals(2, d.get("robustness").size());
        assertTrue(a.get("charts").size() >= 4, "ROC, spectra, jpeg, noise");
        assertTrue(Files.readString(out.resolve("report.html")).contains("Detectability"));
    }

    @Test
    void validSignatureShareIsAGateFieldAndFailsForUnsignedOutputs() throws Exception {
        Path out = auditPlan("sig", 16, 9, "folds: 2, bootstrap: 50", "{on: valid_signature_share, min: 0.5}", 1,
                "no output carries a signed C2PA manifest");
        JsonNode a = firstAudit(out);
        assertEquals(false, a.get("gate").get("passed").asBoolean());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("Marks per image") && html.contains("Mark robustness"), "the report shows the mark tables");
    }

    /** A one-audit detectability plan named {@code name} over {@code real} and the saved {@code fake} outputs. */
    static Path plan(String name, Path real, Path fake, String params, String gate) throws Exception {
        Path plan = dir.resolve(name + ".yaml");
        Files.writeString(plan, """
                name: %s
                seed: 5
                datasets:
                  - {id: real, path: %s}
                  - {id: outputs, path: %s}
                audits:
                  - id: det
                    metric: detectability
                    data: real
                    params: {generated: outputs, %s}
                    gate: %s
                """.formatted(name, real, fake, params, gate));
        return plan;
    }

    @Test
    void missingFolderIsBadInput() {
        assertEquals(2, run("detect", "--real", dir.resolve("nope").toString(), "--fake", dir.resolve("nope2").toString()));
        assertTrue(err.contains("nope2"), err);
    }
}
