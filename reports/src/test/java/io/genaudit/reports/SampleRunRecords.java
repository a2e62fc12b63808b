package io.genaudit.reports;

import io.genaudit.values.Interval;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A rich, deterministic run record for renderer tests and the sample report: several audits (gated pass, gated fail,
 * ungated, no value), every chart type, a figure, a table, two models, phases with measured and estimated energy, and
 * hostile strings in model descriptions and data to check escaping.
 */
public final class SampleRunRecords {
    public static final String SCRIPT = "<script>alert(1)</script>";
    public static final String IMG = "\"><img src=x onerror=alert(2)>";

    private SampleRunRecords() {
    }

    public static RunRecord rich() {
        Random rnd = new Random(42);
        List<ModelRecord> models = List.of(
                new ModelRecord("tiny-gpt", "char-transformer",
                        "A 2-layer character transformer trained on the fixture corpus " + SCRIPT,
                        "9f2c4a1be0d35c7a8e6f41b2d9c0a7e5f3b1d2c4e6f8a0b2c4d6e8f0a1b3c5d7",
                        map("layers", 2, "heads", 4, "dModel", 128, "contextLength", 64, "epochs", 8,
                                "optimizer", map("name", "adam", "lr", 3e-4), "trainTokens", 1_250_000L),
                        List.of(lossCurve(rnd)), List.of()),
                new ModelRecord("dcgan-digits", "dcgan", "DCGAN on 16×16 fixture digits",
                        "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809",
                        map("latentDim", 32, "epochs", 20, "batchSize", 64), List.of(),
                        List.of(new Figure("Samples at epoch 20", "64 samples, seed 42", "image/png", contactSheet(rnd)))));

        AuditResult perplexity = new AuditResult("lm-perplexity", "perplexity", "tiny-gpt", "fixture:shakespeare-mini",
                3.412, "nats", new Interval(0.95, 3.351, 3.478, "bootstrap over documents, 1000 resamples",
                "corpus perplexity over documents like these"), 12_800L,
                map("contextLength", 64, "stride", 32, "tokenizer", "char"),
                new GateOutcome("max", 4.0, "value", true,
                        "perplexity = 3.412 (95% CI 3.351 to 3.478) on tiny-gpt is at or below the maximum of 4: PASS."),
                map("bitsPerToken", 4.922, "documents", 64, "perDocument", map("min", 2.91, "max", 4.12)),
                List.of(new Chart(Chart.Type.LINE, "Perplexity by context length", "context length", "perplexity (nats)", null,
                        List.of(new Chart.Series("tiny-gpt", new double[]{8, 16, 32, 64}, new double[]{4.8, 4.1, 3.7, 3.41},
                                new double[]{4.6, 3.95, 3.6, 3.35}, new double[]{5.0, 4.25, 3.8, 3.48})))),
                null, null, List.of("Character-level perplexity; not comparable with word-level figures."));

        AuditResult fid = new AuditResult("gan-fid", "fid", "dcgan-digits", "fixture:digits-16",
                48.71, null, new Interval(0.95, 45.02, 52.9, "bootstrap over images, 200 resamples",
                "expected FID at 2000 real and 2000 generated samples"), 2_000L,
                map("featureExtractor", "fixture-cnn-64", "samples", 2000, "reference", "fixture:digits-16/test"),
                new GateOutcome("max", 40.0, "value", false,
                        "fid = 48.71 (95% CI 45.02 to 52.9) on dcgan-digits is above the maximum of 40: FAIL."),
                map("precision", 0.71, "recall", 0.44, "kid", 0.0213),
                List.of(new Chart(Chart.Type.HISTOGRAM, "Feature norms", "‖feature‖", "count", null,
                        List.of(Chart.Series.of("real", null, gaussian(rnd, 600, 10, 1.5)),
                                Chart.Series.of("generated", null, gaussian(rnd, 600, 11, 2.0))))),
                List.of(new Figure("Nearest real neighbours", "left: generated, right: nearest training image " + IMG,
                        "image/png", contactSheet(rnd))),
                null,
                List.of("Computed with a fixture feature extractor: not comparable with published FIDs.", "Data note " + SCRIPT));

        AuditResult parity = new AuditResult("bias-parity", "demographic-parity-ratio", "tiny-gpt", "fixture:prompts-bias",
                0.86, null, new Interval(0.9, 0.79, 0.93, "bootstrap over prompts, 1000 resamples"), 900L,
                map("groups", List.of("group-a", "group-b", "group-c"), "classifier", "fixture-sentiment"),
                new GateOutcome("min", 0.8, "value", true,
                        "demographic-parity-ratio = 0.86 (90% CI 0.79 to 0.93) on tiny-gpt is at or above the minimum of 0.8; the interval straddles the threshold, so the verdict is within noise: PASS."),
                map("worstGroup", "group-c", "pValues", List.of(0.012, 0.2, 0.5)),
                List.of(new Chart(Chart.Type.BAR, "Positive rate by group", "group", "positive rate", List.of("group-a", "group-b", IMG),
                        List.of(new Chart.Series("positive rate", null, new double[]{0.62, 0.58, 0.53},
                                new double[]{0.57, 0.53, 0.47}, new double[]{0.67, 0.63, 0.59})))),
                null,
                List.of(new Table("Per-group results", List.of("Group", "n", "Positive rate", "95% CI"),
                        List.of(List.of("group-a", "300", "0.62", "[0.57, 0.67]"),
                                List.of("group-b", "300", "0.58", "[0.53, 0.63]"),
                                List.of(IMG, "300", "0.53", "[0.47, 0.59]")))),
                null);

        AuditResult memorisation = new AuditResult("lm-memorisation", "exact-match-rate", "tiny-gpt", "fixture:shakespeare-mini",
                0.031, "%", new Interval(0.95, 0.019, 0.047, "Wilson score interval"), 1_000L,
                map("prefixLength", 32, "suffixLength", 32, "sampling", "greedy"),
                null, map("matches", 31),
                List.of(new Chart(Chart.Type.SCATTER, "Suffix overlap vs prefix frequency", "prefix frequency", "overlap", null,
                        List.of(Chart.Series.of("samples", uniform(rnd, 150, 0, 10), uniform(rnd, 150, 0, 1))))),
                null, null, null);

        AuditResult diversity = new AuditResult("gan-diversity", "duplicate-pairs", "dcgan-digits", "fixture:digits-16",
                null, null, null, null, Map.of(), null, Map.of(), null, null, null,
                List.of("No value: the sampler produced fewer than 2 images."));

        Provenance prov = new Provenance("0.1.0", "plans/sample.yaml",
                "5d41402abc4b2a76b9719d911017c592aa0c4b2a76b9719d911017c592ae1f3c", 42L,
                List.of(new FileDigest("plan", "plans/sample.yaml", 1_234L, "5d41402abc4b2a76b9719d911017c592aa0c4b2a76b9719d911017c592ae1f3c"),
                        new FileDigest("model", "models/tiny-gpt.pt", 2_345_678L, "9f2c4a1be0d35c7a8e6f41b2d9c0a7e5f3b1d2c4e6f8a0b2c4d6e8f0a1b3c5d7"),
                        new FileDigest("data", "data/prompts " + SCRIPT + ".txt", 4_096L, "0000111122223333444455556666777788889999aaaabbbbccccddddeeeeffff")),
                map("tiny-gpt", map("provider", "djl-pytorch", "parameters", 412_032), "dcgan-digits", map("provider", "djl-pytorch", "parameters", 1_060_417)),
                "Eclipse Adoptium 25+36", "Linux 6.8 amd64", "AMD EPYC 7B13", 2, "PyTorch", "2.7.1",
                "2026-11-25T07:00:00Z", 184.6,
                List.of(new PhaseRecord("train-dcgan", "train", "dcgan-digits", "2026-11-25T07:00:01Z", 121.3, 230.8,
                                new EnergyFigure("estimated-tdp", 5_820, 4_070, 7_570, 1.62, 0.81, 2.6, map("tdpWatts", 120)),
                                map("images", 64_000L)),
                        new PhaseRecord("sample", "sample", "dcgan-digits", "2026-11-25T07:02:03Z", 8.2, 15.9,
                                new EnergyFigure("measured-rapl", 402, 390, 414, 0.11, 0.06, 0.18, map("counter", "package-0")),
                                map("images", 2_000L)),
                        new PhaseRecord("evaluate-perplexity", "evaluate", "tiny-gpt", "2026-11-25T07:02:12Z", 21.4, 40.2,
                                new EnergyFigure("measured-rapl", 1_031, 1_001, 1_062, 0.29, 0.14, 0.45, map()),
                                map("tokens", 12_800L)),
                        new PhaseRecord("evaluate-bias", "evaluate", "tiny-gpt", "2026-11-25T07:02:34Z", 33.7, Double.NaN,
                                null, map())),
                map("gridIntensityGPerKWh", 300, "gridIntensityRange", List.of(150, 450), "pue", 1.0));
        return new RunRecord(RunRecord.SCHEMA_VERSION, "Nightly audit: tiny models", "sample-plan", "FAIL", models,
                List.of(perplexity, fid, parity, memorisation, diversity), prov);
    }

    /** An ordered map from alternating keys and values. */
    @SuppressWarnings("unchecked")
    static <V> Map<String, V> map(Object... kv) {
        Map<String, V> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], (V) kv[i + 1]);
        return m;
    }

    private static Chart lossCurve(Random rnd) {
        int n = 40;
        double[] x = new double[n];
        double[] train = new double[n];
        double[] val = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (i + 1) * 50;
            train[i] = 1.2 + 2.8 * Math.exp(-i / 8.0) + rnd.nextGaussian() * 0.03;
            val[i] = 1.35 + 2.7 * Math.exp(-i / 9.0) + rnd.nextGaussian() * 0.03;
        }
        return new Chart(Chart.Type.LINE, "Training loss", "step", "loss (nats)", null,
                List.of(Chart.Series.of("train", x, train), Chart.Series.of("validation", x, val)));
    }

    private static double[] gaussian(Random rnd, int n, double mean, double sd) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = mean + sd * rnd.nextGaussian();
        return out;
    }

    private static double[] uniform(Random rnd, int n, double lo, double hi) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = lo + (hi - lo) * rnd.nextDouble();
        return out;
    }

    /** An 8×8 grid of 16×16 blob "digits", scaled ×2: a deterministic stand-in for a GAN contact sheet. */
    static String contactSheet(Random rnd) {
        int cell = 16;
        BufferedImage img = new BufferedImage(8 * cell * 2, 8 * cell * 2, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.scale(2, 2);
        for (int r = 0; r < 8; r++) {
            for (int c = 0; c < 8; c++) {
                int v = 150 + rnd.nextInt(105);
                g.setColor(new Color(v, v, v));
                int x0 = c * cell + 3 + rnd.nextInt(3);
                int y0 = r * cell + 2 + rnd.nextInt(3);
                g.drawOval(x0, y0, 8 + rnd.nextInt(3), 10 + rnd.nextInt(2));
                if (rnd.nextBoolean()) g.drawLine(x0 + 4, y0 + 1, x0 + 5, y0 + 11);
            }
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

}
