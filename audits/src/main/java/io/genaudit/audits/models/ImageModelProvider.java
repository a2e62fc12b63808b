package io.genaudit.audits.models;

import io.genaudit.audits.AuditContext;
import io.genaudit.audits.LoadedModel;
import io.genaudit.audits.ModelProvider;
import io.genaudit.audits.ModelSpec;
import io.genaudit.audits.Params;
import io.genaudit.audits.PlanException;
import io.genaudit.engine.image.ContactSheet;
import io.genaudit.engine.image.ExtractorPreprocessing;
import io.genaudit.engine.image.FileFeatureExtractor;
import io.genaudit.engine.image.FileImageGenerator;
import io.genaudit.engine.image.GeneratorContract;
import io.genaudit.engine.image.ImageFeatureExtractor;
import io.genaudit.engine.image.ImageGenerator;
import io.genaudit.engine.image.ModelSidecar;
import io.genaudit.engine.image.OnnxFeatureExtractor;
import io.genaudit.engine.image.OnnxImageGenerator;
import io.genaudit.engine.image.PreprocessedExtractor;
import io.genaudit.engine.image.TorchScriptFeatureExtractor;
import io.genaudit.engine.image.TorchScriptImageGenerator;
import io.genaudit.engine.image.gan.DcganConfig;
import io.genaudit.engine.image.gan.DcganModel;
import io.genaudit.engine.image.gan.DcganTrainer;
import io.genaudit.engine.image.nn.Latents;
import io.genaudit.engine.image.nn.ModelFolder;
import io.genaudit.engine.image.nn.TrainingData;
import io.genaudit.engine.image.nn.TrainingSettings;
import io.genaudit.engine.image.shapes.ShapesCnn;
import io.genaudit.engine.image.shapes.ShapesCnnTrainer;
import io.genaudit.engine.image.shapes.ShapesFeatureExtractor;
import io.genaudit.engine.image.vae.VaeConfig;
import io.genaudit.engine.image.vae.VaeModel;
import io.genaudit.engine.image.vae.VaeTrainer;
import io.genaudit.engine.io.Sha256;
import io.genaudit.datasets.BuiltInDatasets;
import io.genaudit.reports.Chart;
import io.genaudit.reports.Figure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Image models for plans. {@code dcgan} and {@code vae}: built-in architectures trained from
 * {@code train: {data, epochs, size, seed, conditional, channels}} (cached under the run cache by data SHA-256,
 * hyper-parameters and seed) or loaded from {@code path: MODEL_DIR}. {@code torchscript-generator} and
 * {@code onnx-generator}: files with {@code path, latentDim, latentDistribution, outputRange} (and optionally
 * {@code numClasses, channels, height, width}), checked with a probe batch at load. {@code torchscript-features} and
 * {@code onnx-features}: {@code path} (probe size {@code height, width}). {@code shapes-features}: the genaudit shapes
 * CNN, trained on {@code train: {data, epochs, seed}} (default fixture:shapes) or loaded from {@code path}; it is also
 * an attribute classifier.
 */
public final class ImageModelProvider implements ModelProvider {
    /** How many seeds to try when adversarial or VAE training diverges (non-finite loss) before giving up. */
    static final int TRAINING_ATTEMPTS = 5;

    /**
     * Trains, and when the run diverges (the trainers stop on a non-finite loss) retrains with the next seed, up to
     * {@link #TRAINING_ATTEMPTS} times. The seeds that diverged are reported in the model's info, never hidden.
     */
    static void trainWithRetries(Path modelDir, boolean gan, TrainingData td, DcganConfig dc, VaeConfig vc, long seed, int epochs,
                                 AuditContext ctx, List<Long> divergedSeeds) throws IOException {
        for (int attempt = 0; ; attempt++) {
            long s = seed + attempt * 1_000_003L;
            try {
                TrainingSettings ts = new TrainingSettings(modelDir, s, epochs, attempt == 0, ctx.progress());
                if (gan) DcganTrainer.train(td, dc, ts).close();
                else VaeTrainer.train(td, vc, ts).close();
                return;
            } catch (IllegalStateException e) {
                if (e.getMessage() == null || !e.getMessage().contains("diverged") || attempt + 1 >= TRAINING_ATTEMPTS) throw e;
                divergedSeeds.add(s);
                deleteTree(modelDir);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var w = Files.walk(dir)) {
            for (Path p : w.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    static final Set<String> GAN_TRAIN_KEYS = Set.of("data", "epochs", "size", "seed", "conditional", "channels");
    static final Set<String> CNN_TRAIN_KEYS = Set.of("data", "epochs", "seed");
    /** Cache layout version: bump when the training code changes what a cached model contains. */
    static final String CACHE_FORMAT = "img-3"; // 2: transposed-convolution generators, shared Adam; 3: resize-tied VAE decoder

    /** Options of torchscript-generator / onnx-generator (also the keys of their genaudit-model.json). */
    static final Set<String> GENERATOR_OPTIONS = Set.of("path", "latentDim", "latentDistribution", "outputRange", "numClasses",
            "channels", "height", "width", "inputs", "truncation");

    /** Options of torchscript-features / onnx-features: the file, the probe size and the declared preprocessing. */
    static final Set<String> FEATURE_OPTIONS;

    static {
        Set<String> s = new java.util.HashSet<>(Set.of("path", "height", "width"));
        s.addAll(ExtractorPreprocessing.OPTIONS);
        FEATURE_OPTIONS = Set.copyOf(s);
    }

    @Override
    public Set<String> types() {
        return Set.of("dcgan", "vae", "torchscript-generator", "onnx-generator", "torchscript-features", "onnx-features",
                "shapes-features");
    }

    @Override
    public Set<String> options(String type) {
        return switch (type) {
            case "dcgan", "vae", "shapes-features" -> Set.of("train", "path");
            case "torchscript-generator", "onnx-generator" -> GENERATOR_OPTIONS;
            default -> FEATURE_OPTIONS;
        };
    }

    @Override
    public LoadedModel load(ModelSpec spec, AuditContext ctx) throws Exception {
        return switch (spec.type()) {
            case "dcgan", "vae" -> builtIn(spec, ctx);
            case "torchscript-generator", "onnx-generator" -> fileGenerator(spec, ctx);
            case "torchscript-features", "onnx-features" -> fileFeatures(spec, ctx);
            case "shapes-features" -> shapesFeatures(spec, ctx);
            default -> throw new PlanException(spec.planFile(), spec.params().prefix(), "unknown image model type " + spec.type());
        };
    }

    private static String field(ModelSpec spec, String key) {
        return spec.params().prefix() + "." + key;
    }

    private static Path planRelative(ModelSpec spec, String p) {
        Path path = Path.of(p);
        if (path.isAbsolute() || spec.planFile() == null) return path;
        Path plan = Path.of(spec.planFile());
        Path base = Files.isRegularFile(plan) ? plan.toAbsolutePath().getParent() : null;
        return base == null ? path : base.resolve(path);
    }

    private static Path requiredFile(ModelSpec spec) {
        String text = spec.params().stringParam("path", null);
        if (text == null) throw new PlanException(spec.planFile(), field(spec, "path"), "the model file is required for type " + spec.type());
        Path file = planRelative(spec, text);
        if (!Files.isRegularFile(file)) throw new PlanException(spec.planFile(), field(spec, "path"), "no such model file: " + file);
        return file;
    }

    /** The train: map as Params, rejecting unknown keys; null when the plan gives a path instead. */
    @SuppressWarnings("unchecked")
    private static Params trainParams(ModelSpec spec, Set<String> allowed) {
        Params p = spec.params();
        boolean hasTrain = p.has("train"), hasPath = p.has("path");
        if (hasTrain && hasPath) {
            throw new PlanException(spec.planFile(), p.prefix(), "either 'train' or 'path' expected for " + spec.type() + ", not both");
        }
        if (hasPath) return null;
        Object raw = p.values().get("train");
        if (raw == null) raw = Map.of();
        if (!(raw instanceof Map<?, ?> m)) throw new PlanException(spec.planFile(), field(spec, "train"), "a map of training settings expected");
        Params t = new Params((Map<String, Object>) m, field(spec, "train"), spec.planFile());
        for (String k : t.values().keySet()) {
            if (!allowed.contains(k)) throw new PlanException(spec.planFile(), t.prefix() + "." + k, "unknown key; expected one of " + allowed);
        }
        return t;
    }

    private LoadedModel builtIn(ModelSpec spec, AuditContext ctx) throws IOException {
        boolean gan = spec.type().equals("dcgan");
        Params t = trainParams(spec, GAN_TRAIN_KEYS);
        Path modelDir;
        boolean trainedNow = false;
        List<Long> divergedSeeds = new java.util.ArrayList<>();
        if (t == null) {
            modelDir = planRelative(spec, spec.params().stringParam("path", null));
            if (!Files.isRegularFile(modelDir.resolve(ModelFolder.MODEL_JSON))) {
                throw new PlanException(spec.planFile(), field(spec, "path"), "no genaudit model folder (model.json) at " + modelDir);
            }
        } else {
            if (t.stringParam("data", null) == null) {
                throw new PlanException(spec.planFile(), t.prefix() + ".data", "the training images (a folder or fixture:NAME) are required");
            }
            String size = t.choiceParam("size", "small", "tiny", "small");
            int epochs = t.intParam("epochs", defaultEpochs(spec.type(), size));
            if (epochs < 1) throw new PlanException(spec.planFile(), t.prefix() + ".epochs", "an integer >= 1 expected, got " + epochs);
            long seed = t.longParam("seed", ctx.seed());
            int channels = t.intParam("channels", 3);
            if (channels != 1 && channels != 3) throw new PlanException(spec.planFile(), t.prefix() + ".channels", "1 or 3 expected, got " + channels);
            String conditional = gan ? t.stringParam("conditional", null) : null;
            if (!gan && t.has("conditional")) throw new PlanException(spec.planFile(), t.prefix() + ".conditional", "only dcgan supports conditioning");
            Path data = LanguageModelProvider.resolveData(spec, t.prefix() + ".data", t.stringParam("data", null), ctx);
            ctx.recordFile("data", data);
            TrainingData td = TrainingData.fromFolder(data, channels, conditional);
            Map<String, Object> cfg;
            DcganConfig dc = null;
            VaeConfig vc = null;
            try {
                if (gan) {
                    dc = DcganConfig.preset(size, channels, td.images().height(), td.images().width(), td.classNames().size());
                    cfg = dc.toMap();
                } else {
                    vc = VaeConfig.preset(size, channels, td.images().height(), td.images().width());
                    cfg = vc.toMap();
                }
            } catch (IllegalArgumentException e) {
                throw new PlanException(spec.planFile(), t.prefix() + ".data", e.getMessage() + " (" + data + ")");
            }
            String key = Sha256.of((CACHE_FORMAT + "|" + spec.type() + "|" + td.sha256() + "|" + cfg + "|" + conditional + "|"
                    + epochs + "|" + seed).getBytes(StandardCharsets.UTF_8));
            modelDir = ctx.cacheDir().resolve("models").resolve(spec.type() + "-" + key.substring(0, 24));
            if (!Files.isRegularFile(modelDir.resolve(ModelFolder.MODEL_JSON))) {
                try (AuditContext.Phase ph = ctx.phase("train:" + spec.id(), "train", spec.id())) {
                    trainWithRetries(modelDir, gan, td, dc, vc, seed, epochs, ctx, divergedSeeds);
                    ph.units("images", (long) (divergedSeeds.size() + 1) * epochs * td.size());
                }
                trainedNow = true;
            }
        }
        ImageGenerator g = gan ? DcganModel.load(modelDir) : VaeModel.load(modelDir);
        String weights = modelDir.resolve(gan ? DcganModel.GENERATOR_FILE : VaeModel.DECODER_FILE).toString();
        String sha = ctx.recordFile("model", Path.of(weights));
        Map<String, Object> json = ModelFolder.readJson(modelDir.resolve(ModelFolder.MODEL_JSON));
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("architecture", json.get("architecture"));
        info.put("config", json.get("config"));
        info.put("seed", json.get("seed"));
        info.put("epochs", json.get("epochs"));
        info.put("parameters", json.get("parameters"));
        info.put("trainingDataSha256", json.get("dataSha256"));
        info.put("trainingData", json.get("data"));
        info.put("loss", json.get("loss"));
        info.put("finalLosses", json.get("finalLosses"));
        info.put("modelDir", modelDir.toString());
        info.put("trainedThisRun", trainedNow);
        if (!divergedSeeds.isEmpty()) info.put("divergedSeeds", divergedSeeds);
        return new LoadedModel(spec.id(), spec.type(), g, sha, g.describe(), info, lossCharts(json), List.of(sampleSheet(g, ctx.seed())));
    }

    static int defaultEpochs(String type, String size) {
        boolean tiny = size.equals("tiny");
        return switch (type) {
            case "dcgan" -> tiny ? 2 : 15;
            case "vae" -> tiny ? 2 : 15;
            default -> tiny ? 1 : 4;
        };
    }

    /** One line chart per loss series (per step and epoch means) from a model.json history. */
    @SuppressWarnings("unchecked")
    static List<Chart> lossCharts(Map<String, Object> json) {
        Map<String, Object> h = (Map<String, Object>) json.get("history");
        if (h == null) return List.of();
        Map<String, List<Number>> steps = (Map<String, List<Number>>) h.get("perStep");
        Map<String, List<Number>> epochs = (Map<String, List<Number>>) h.get("perEpoch");
        List<Chart.Series> series = new ArrayList<>();
        for (var e : steps.entrySet()) {
            List<Number> v = e.getValue();
            double[] x = new double[v.size()], y = new double[v.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = i + 1;
                y[i] = v.get(i).doubleValue();
            }
            series.add(Chart.Series.of(e.getKey() + " (per step)", x, y));
            List<Number> ep = epochs.get(e.getKey());
            if (ep != null && !ep.isEmpty()) {
                double per = v.size() / (double) ep.size();
                double[] ex = new double[ep.size()], ey = new double[ep.size()];
                for (int i = 0; i < ex.length; i++) {
                    ex[i] = Math.round((i + 1) * per);
                    ey[i] = ep.get(i).doubleValue();
                }
                series.add(Chart.Series.of(e.getKey() + " (epoch mean)", ex, ey));
            }
        }
        String arch = String.valueOf(json.get("architecture"));
        String unit = arch.equals("vae") ? "nats per image" : arch.equals("dcgan") ? "BCE" : "cross-entropy";
        return List.of(new Chart(Chart.Type.LINE, "Training losses (" + arch + ", seed " + json.get("seed") + ")",
                "optimizer step", unit, List.of(), series));
    }

    static Figure sampleSheet(ImageGenerator g, long seed) {
        int n = 64;
        byte[] png = ContactSheet.png(g.generate(n, seed, null), 8, g.describe());
        return new Figure("Samples of " + g.describe(), n + " samples, latent seed " + seed + (g.numClasses() > 0
                ? ", labels drawn uniformly from the same seed" : "") + "; the PNG carries an IPTC trainedAlgorithmicMedia mark",
                "image/png", Base64.getEncoder().encodeToString(png));
    }

    private LoadedModel fileGenerator(ModelSpec spec, AuditContext ctx) {
        Path file = requiredFile(spec);
        Map<String, Object> plan = new LinkedHashMap<>(spec.params().values());
        plan.remove("path");
        Params p = new Params(ModelSidecar.merge(plan, file, GENERATOR_OPTIONS), spec.params().prefix(), spec.planFile());
        int latent = p.intParam("latentDim", 0);
        if (latent < 1) throw new PlanException(spec.planFile(), field(spec, "latentDim"), "an integer >= 1 (the model's latent size) is required");
        String dist = p.choiceParam("latentDistribution", "normal", "normal", "uniform");
        String range = p.choiceParam("outputRange", "[-1,1]", "[-1,1]", "[0,1]", "uint8");
        List<GeneratorContract.Input> inputs = new ArrayList<>();
        for (Object o : p.listParam("inputs", List.of())) {
            GeneratorContract.Input in = GeneratorContract.Input.byName(String.valueOf(o));
            if (in == null) throw new PlanException(spec.planFile(), field(spec, "inputs"), "'" + o + "' is not an input genaudit can feed; " + GeneratorContract.Input.known());
            inputs.add(in);
        }
        GeneratorContract c;
        try {
            c = GeneratorContract.of(latent, dist, range).withClasses(p.intParam("numClasses", 0))
                    .withShape(p.intParam("channels", 0), p.intParam("height", 0), p.intParam("width", 0))
                    .withInputs(inputs, (float) p.doubleParam("truncation", 1.0));
        } catch (IllegalArgumentException e) {
            throw new PlanException(spec.planFile(), spec.params().prefix(), e.getMessage());
        }
        String sha = ctx.recordFile("model", file);
        FileImageGenerator g = spec.type().equals("onnx-generator") ? OnnxImageGenerator.load(file, c) : TorchScriptImageGenerator.load(file, c);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("file", file.toString());
        info.put("latentDim", latent);
        info.put("latentDistribution", dist);
        info.put("outputRange", range);
        info.put("numClasses", c.numClasses());
        info.put("inputs", g.contract().effectiveInputs().stream().map(i -> i.name().toLowerCase(java.util.Locale.ROOT)).toList());
        if (g.contract().effectiveInputs().contains(GeneratorContract.Input.TRUNCATION)) info.put("truncation", c.truncation());
        info.put("imageShape", List.of(g.channels(), g.height(), g.width()));
        return new LoadedModel(spec.id(), spec.type(), g, sha, g.describe(), info, List.of(), List.of(sampleSheet(g, ctx.seed())));
    }

    private LoadedModel fileFeatures(ModelSpec spec, AuditContext ctx) {
        Path file = requiredFile(spec);
        Map<String, Object> plan = new LinkedHashMap<>(spec.params().values());
        plan.remove("path");
        Params p = new Params(ModelSidecar.merge(plan, file, FEATURE_OPTIONS), spec.params().prefix(), spec.planFile());
        ExtractorPreprocessing pre;
        try {
            pre = ExtractorPreprocessing.fromOptions(p.values());
        } catch (IllegalArgumentException e) {
            throw new PlanException(spec.planFile(), spec.params().prefix(), e.getMessage());
        }
        String sha = ctx.recordFile("model", file);
        boolean onnx = spec.type().equals("onnx-features");
        FileFeatureExtractor net;
        if (p.has("height") || p.has("width") || pre.height() > 0) {
            int h = p.intParam("height", pre.height() > 0 ? pre.height() : 32), w = p.intParam("width", pre.width() > 0 ? pre.width() : h);
            net = onnx ? OnnxFeatureExtractor.load(file, h, w) : TorchScriptFeatureExtractor.load(file, h, w);
        } else {
            net = onnx ? OnnxFeatureExtractor.load(file) : TorchScriptFeatureExtractor.load(file);
        }
        ImageFeatureExtractor fx = pre.isIdentity() ? net : new PreprocessedExtractor(net, pre);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("file", file.toString());
        info.put("dimension", fx.dimension());
        info.put("preprocessing", pre.describe());
        return new LoadedModel(spec.id(), spec.type(), fx, sha, fx.describe(), info, List.of(), List.of());
    }

    private LoadedModel shapesFeatures(ModelSpec spec, AuditContext ctx) throws IOException {
        Params t = trainParams(spec, CNN_TRAIN_KEYS);
        Path modelDir;
        boolean trainedNow = false;
        if (t == null) {
            modelDir = planRelative(spec, spec.params().stringParam("path", null));
            if (!Files.isRegularFile(modelDir.resolve(ModelFolder.MODEL_JSON))) {
                throw new PlanException(spec.planFile(), field(spec, "path"), "no genaudit model folder (model.json) at " + modelDir);
            }
        } else {
            String dataText = t.stringParam("data", "fixture:shapes");
            int epochs = t.intParam("epochs", defaultEpochs("shapes-features", "small"));
            if (epochs < 1) throw new PlanException(spec.planFile(), t.prefix() + ".epochs", "an integer >= 1 expected, got " + epochs);
            long seed = t.longParam("seed", ctx.seed());
            Path data = LanguageModelProvider.resolveData(spec, t.prefix() + ".data", dataText, ctx);
            ctx.recordFile("data", data);
            ShapesCnnTrainer.Labelled train = ShapesCnnTrainer.Labelled.fromFolder(data);
            String key = Sha256.of((CACHE_FORMAT + "|shapes-cnn|" + train.sha256() + "|" + epochs + "|" + seed).getBytes(StandardCharsets.UTF_8));
            modelDir = ctx.cacheDir().resolve("models").resolve("shapes-cnn-" + key.substring(0, 24));
            if (!Files.isRegularFile(modelDir.resolve(ModelFolder.MODEL_JSON))) {
                // held-out accuracy on 500 fresh fixture images (another seed), recorded in model.json
                Path held = ctx.cacheDir().resolve("fixtures").resolve("shapes-heldout-" + (seed + 1_000_003L));
                BuiltInDatasets.balancedShapes(500, seed + 1_000_003L, held);
                try (AuditContext.Phase ph = ctx.phase("train:" + spec.id(), "train", spec.id())) {
                    ShapesCnnTrainer.train(train, ShapesCnnTrainer.Labelled.fromFolder(held), modelDir, seed, epochs, ctx.progress()).close();
                    ph.units("images", (long) epochs * train.images().n());
                }
                trainedNow = true;
            }
        }
        ShapesFeatureExtractor fx = ShapesFeatureExtractor.load(modelDir);
        String sha = ctx.recordFile("model", modelDir.resolve(ShapesCnn.TRUNK_FILE));
        Map<String, Object> json = ModelFolder.readJson(modelDir.resolve(ModelFolder.MODEL_JSON));
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("architecture", "shapes-cnn");
        info.put("dimension", fx.dimension());
        info.put("classes", ShapesCnn.CLASSES);
        info.put("seed", json.get("seed"));
        info.put("epochs", json.get("epochs"));
        info.put("trainingDataSha256", json.get("dataSha256"));
        info.put("heldOutAccuracy", json.get("heldOutAccuracy"));
        info.put("modelDir", modelDir.toString());
        info.put("trainedThisRun", trainedNow);
        return new LoadedModel(spec.id(), spec.type(), fx, sha, fx.describe(), info, lossCharts(json), List.of());
    }
}
