package io.genaudit.audits.cli;

import io.genaudit.engine.io.NpyArray;
import io.genaudit.engine.io.NpyWriter;
import io.genaudit.engine.io.NpzWriter;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.genaudit.audits.cli.ExitCodes.BAD_INPUT;

/**
 * The hostile-input suite's broken files: feature matrices and statistics ({@code .npy}/{@code .npz}), image folders,
 * text and model files, each fed to the command that reads it ({@code fid}, {@code kid}, {@code prdc}, {@code detect},
 * {@code diversity}, {@code perplexity}).
 */
final class HostileFileCases {
    static final Path LM_MODELS = Path.of("..", "fixtures", "lm-models").toAbsolutePath().normalize();
    private final List<HostileCase> cases;

    HostileFileCases(List<HostileCase> cases) {
        this.cases = cases;
    }

    void addAll() {
        features();
        images();
        text();
        models();
    }

    private void add(String category, String name, int code, String fragment, HostileCase.Setup setup) {
        cases.add(new HostileCase(category, name, setup, code, fragment));
    }

    /** {@code fid} on two valid feature matrices, with extra arguments. */
    static String[] fid(Path dir, String... extra) throws Exception {
        Path a = dir.resolve("a.npy"), b = dir.resolve("b.npy");
        NpyWriter.write(a, NpyArray.matrix(gaussian(30, 4, 1)));
        NpyWriter.write(b, NpyArray.matrix(gaussian(30, 4, 2)));
        List<String> args = new ArrayList<>(List.of("fid", "--real", a.toString(), "--fake", b.toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    static double[][] gaussian(int n, int d, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][d];
        for (double[] row : x) for (int j = 0; j < d; j++) row[j] = r.nextGaussian();
        return x;
    }

    private void feature(String name, String fragment, String command, HostileCase.Setup fake) {
        add("features", name, BAD_INPUT, fragment, d -> {
            Path a = d.resolve("real.npy");
            NpyWriter.write(a, NpyArray.matrix(gaussian(30, 4, 1)));
            String[] f = fake.args(d);
            return new String[]{command, "--real", a.toString(), "--fake", f[0], "--json", d.resolve("out.json").toString()};
        });
    }

    private static String[] bytes(Path d, String name, byte[] content) throws Exception {
        Files.write(d.resolve(name), content);
        return new String[]{d.resolve(name).toString()};
    }

    private static byte[] npy(NpyArray a) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        NpyWriter.write(out, a);
        return out.toByteArray();
    }

    private static String[] npz(Path d, Map<String, NpyArray> arrays) throws Exception {
        Path p = d.resolve("fake.npz");
        NpzWriter.write(p, arrays);
        return new String[]{p.toString()};
    }

    private static Map<String, NpyArray> stats(double[] mu, double[][] sigma) {
        Map<String, NpyArray> m = new LinkedHashMap<>();
        m.put("mu", NpyArray.vector(mu));
        m.put("sigma", NpyArray.matrix(sigma));
        return m;
    }

    private void features() {
        feature("truncated .npy", "", "fid", d -> {
            byte[] full = npy(NpyArray.matrix(gaussian(30, 4, 2)));
            return bytes(d, "fake.npy", java.util.Arrays.copyOf(full, full.length - 17));
        });
        feature("not an .npy (bad magic)", "", "fid", d -> bytes(d, "fake.npy", "hello world, not numpy".getBytes(StandardCharsets.UTF_8)));
        feature("garbage .npy header", "", "kid", d -> {
            byte[] b = npy(NpyArray.matrix(gaussian(30, 4, 2)));
            for (int i = 10; i < 40; i++) b[i] = '!';
            return bytes(d, "fake.npy", b);
        });
        feature("empty .npy", "", "prdc", d -> bytes(d, "fake.npy", new byte[0]));
        feature("vector instead of a matrix", "expected a feature matrix", "fid", d -> bytes(d, "fake.npy", npy(NpyArray.vector(new double[]{1, 2, 3}))));
        feature("integer features", "expected float32 or float64", "fid", d -> bytes(d, "fake.npy", npy(NpyArray.ofUint8(new long[]{3, 4}, new byte[12]))));
        feature("NaN in features", "NaN", "fid", d -> {
            double[][] x = gaussian(30, 4, 2);
            x[7][2] = Double.NaN;
            return bytes(d, "fake.npy", npy(NpyArray.matrix(x)));
        });
        feature("infinity in features", "infinity", "kid", d -> {
            double[][] x = gaussian(30, 4, 2);
            x[3][1] = Double.POSITIVE_INFINITY;
            return bytes(d, "fake.npy", npy(NpyArray.matrix(x)));
        });
        feature("feature dimensions differ", "", "fid", d -> bytes(d, "fake.npy", npy(NpyArray.matrix(gaussian(30, 5, 2)))));
        feature("a single feature row", "at least 2", "fid", d -> bytes(d, "fake.npy", npy(NpyArray.matrix(gaussian(1, 4, 2)))));
        feature(".npz that is not a zip", "not a .npz", "fid", d -> bytes(d, "fake.npz", "PK but not really".getBytes(StandardCharsets.UTF_8)));
        feature(".npz without sigma", "needs arrays 'mu' and 'sigma'", "fid", d -> {
            Map<String, NpyArray> m = new LinkedHashMap<>();
            m.put("mu", NpyArray.vector(new double[4]));
            return npz(d, m);
        });
        feature(".npz sigma not positive semi-definite", "not positive semi-definite", "fid", d -> {
            double[][] s = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, -3, 0}, {0, 0, 0, 1}};
            return npz(d, stats(new double[4], s));
        });
        feature(".npz sigma not symmetric", "not symmetric", "fid", d -> {
            double[][] s = {{1, 0.5, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
            return npz(d, stats(new double[4], s));
        });
        feature(".npz sigma of the wrong shape", "'sigma' must be [4, 4]", "fid", d -> npz(d, stats(new double[4], new double[][]{{1, 0}, {0, 1}})));
        feature(".npz mu with infinity", "'mu' contains NaN or infinity", "fid", d -> {
            double[][] s = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
            return npz(d, stats(new double[]{0, Double.NEGATIVE_INFINITY, 0, 0}, s));
        });
        feature(".npz member truncated", "", "fid", d -> {
            Path p = d.resolve("fake.npz");
            try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
                z.putNextEntry(new ZipEntry("mu.npy"));
                byte[] b = npy(NpyArray.vector(new double[4]));
                z.write(b, 0, b.length - 9);
                z.closeEntry();
            }
            return new String[]{p.toString()};
        });
        feature("input with an unknown extension", "unsupported input", "fid", d -> bytes(d, "fake.csv", "1,2\n3,4\n".getBytes(StandardCharsets.UTF_8)));
        feature("input missing", "no such file or folder", "fid", d -> new String[]{d.resolve("missing.npy").toString()});
    }

    /** A folder of {@code n} small valid PNGs. */
    static Path pngs(Path dir, String name, int n, long seed) throws Exception {
        Path f = Files.createDirectories(dir.resolve(name));
        Random r = new Random(seed);
        for (int i = 0; i < n; i++) {
            BufferedImage im = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 16; y++) for (int x = 0; x < 16; x++) im.setRGB(x, y, r.nextInt(1 << 24));
            ImageIO.write(im, "png", f.resolve(String.format("i%03d.png", i)).toFile());
        }
        return f;
    }

    private void images() {
        add("images", "fewer images than folds", BAD_INPUT, "needs at least 5 images of each class", d -> new String[]{"detect",
                "--real", pngs(d, "real", 3, 1).toString(), "--fake", pngs(d, "fake", 3, 2).toString(), "--folds", "5",
                "--json", d.resolve("out.json").toString()});
        add("images", "corrupt PNG among the images", BAD_INPUT, "", d -> {
            Path real = pngs(d, "real", 12, 1);
            Files.write(real.resolve("i005.png"), new byte[]{(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
            return new String[]{"detect", "--real", real.toString(), "--fake", pngs(d, "fake", 12, 2).toString(), "--folds", "2",
                    "--json", d.resolve("out.json").toString()};
        });
        add("images", "empty image folder", BAD_INPUT, "", d -> new String[]{"detect", "--real", Files.createDirectories(d.resolve("real")).toString(),
                "--fake", pngs(d, "fake", 4, 2).toString(), "--json", d.resolve("out.json").toString()});
        add("images", "generator folder with a truncated model.json", BAD_INPUT, "model.json", d -> {
            Path gen = Files.createDirectories(d.resolve("gen"));
            Files.writeString(gen.resolve("model.json"), "{\"architecture\": \"dcgan\", \"con");
            return new String[]{"detect", "--real", pngs(d, "real", 4, 1).toString(), "--fake", gen.toString(), "--json", d.resolve("out.json").toString()};
        });
        add("images", "generator folder of an unknown architecture", BAD_INPUT, "cannot be sampled here", d -> {
            Path gen = Files.createDirectories(d.resolve("gen"));
            Files.writeString(gen.resolve("model.json"), "{\"architecture\": \"diffusion\"}");
            return new String[]{"detect", "--real", pngs(d, "real", 4, 1).toString(), "--fake", gen.toString(), "--json", d.resolve("out.json").toString()};
        });
    }

    private void text() {
        add("text", "diversity text missing", BAD_INPUT, "", d -> new String[]{"diversity", "--text", d.resolve("none.txt").toString(),
                "--json", d.resolve("out.json").toString()});
        add("text", "diversity text is a folder", BAD_INPUT, "", d -> new String[]{"diversity", "--text", Files.createDirectories(d.resolve("t")).toString(),
                "--json", d.resolve("out.json").toString()});
        add("text", "diversity on an empty file", BAD_INPUT, "", d -> {
            Files.writeString(d.resolve("e.txt"), "");
            return new String[]{"diversity", "--text", d.resolve("e.txt").toString(), "--json", d.resolve("out.json").toString()};
        });
        add("text", "diversity bootstrap of 3 resamples", BAD_INPUT, "", d -> {
            Files.writeString(d.resolve("t.txt"), "a b c\nd e f\n");
            return new String[]{"diversity", "--text", d.resolve("t.txt").toString(), "--bootstrap", "3", "--json", d.resolve("out.json").toString()};
        });
        add("text", "perplexity on missing text", BAD_INPUT, "", d -> new String[]{"perplexity", "--model", "torchscript:" + LM_MODELS.resolve("tiny-lm.pt"),
                "--context-length", "16", "--text", d.resolve("none.txt").toString(), "--json", d.resolve("out.json").toString()});
    }

    private void models() {
        add("models", "unknown model spec", BAD_INPUT, "", d -> {
            Files.writeString(d.resolve("t.txt"), "hello\n");
            return new String[]{"perplexity", "--model", "pickle:x.pkl", "--text", d.resolve("t.txt").toString(), "--json", d.resolve("out.json").toString()};
        });
        add("models", "TorchScript file missing", BAD_INPUT, "", d -> {
            Files.writeString(d.resolve("t.txt"), "hello\n");
            return new String[]{"perplexity", "--model", "torchscript:" + d.resolve("none.pt"), "--context-length", "16",
                    "--text", d.resolve("t.txt").toString(), "--json", d.resolve("out.json").toString()};
        });
        add("models", "transformer folder with a truncated model.json", BAD_INPUT, "model.json", d -> {
            Path m = Files.createDirectories(d.resolve("m"));
            Files.writeString(m.resolve("model.json"), "{\"format\": \"genaudit-transformer-");
            Files.write(m.resolve("params.bin"), new byte[16]);
            Files.writeString(d.resolve("t.txt"), "hello\n");
            return new String[]{"perplexity", "--model", "transformer:" + m, "--text", d.resolve("t.txt").toString(), "--json", d.resolve("out.json").toString()};
        });
        add("models", "transformer folder without parameters", BAD_INPUT, "model.json and params.bin", d -> {
            Path m = Files.createDirectories(d.resolve("m"));
            Files.writeString(m.resolve("model.json"), "{}");
            Files.writeString(d.resolve("t.txt"), "hello\n");
            return new String[]{"perplexity", "--model", "transformer:" + m, "--text", d.resolve("t.txt").toString(), "--json", d.resolve("out.json").toString()};
        });
        add("models", "detector file truncated", BAD_INPUT, "", d -> {
            Files.writeString(d.resolve("det.json"), "{\"features\": ");
            return new String[]{"detect", "--real", pngs(d, "real", 4, 1).toString(), "--fake", pngs(d, "fake", 4, 2).toString(),
                    "--detector", d.resolve("det.json").toString(), "--json", d.resolve("out.json").toString()};
        });
    }

}
