package io.genaudit.engine.lm.transformer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.genaudit.engine.InputException;
import io.genaudit.engine.Progress;
import io.genaudit.engine.io.AtomicFiles;
import io.genaudit.engine.io.Sha256;
import io.genaudit.engine.TorchThreads;
import io.genaudit.engine.nn.Adam;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Trains a {@link CausalTransformer} on a byte corpus with next-byte cross-entropy and Adam, writing a checkpoint per
 * epoch and finally {@code params.bin} plus {@code model.json} into the model directory. Initial weights and batch
 * order come only from the seed (epoch e shuffles with its own seeded RNG), and optimizer state is checkpointed, so
 * a run resumed from a checkpoint ends with the same parameters as an uninterrupted one.
 */
public final class TransformerTrainer {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    public static final String PARAMS_FILE = "params.bin";
    public static final String MODEL_JSON = "model.json";
    private static final String CHECKPOINTS = "checkpoints";

    private final TransformerConfig config;
    private final TrainingSettings settings;
    private final Progress.Factory progress;

    public TransformerTrainer(TransformerConfig config, TrainingSettings settings, Progress.Factory progress) {
        this.config = config;
        this.settings = settings;
        this.progress = progress == null ? Progress.SILENT : progress;
    }

    /** Windows of {@code T + 1} bytes per epoch, and optimizer steps per epoch, for a corpus of {@code n} bytes. */
    int windowsPerEpoch(int n) {
        int t = config.contextLength();
        return Math.max(1, (n - t) / t);
    }

    int stepsPerEpoch(int n) {
        return Math.max(1, windowsPerEpoch(n) / settings.batchSize());
    }

    long plannedSteps(int n) {
        long total = (long) settings.epochs() * stepsPerEpoch(n);
        return settings.maxSteps() > 0 ? Math.min(total, settings.maxSteps()) : total;
    }

    /** Learning rate at optimizer step {@code s} (0-based) of {@code total}: linear warm-up, then cosine to 10%. */
    static double learningRate(double peak, long s, long total) {
        long warm = Math.max(1, Math.min(100, total / 10));
        if (s < warm) return peak * (s + 1) / warm;
        double progress = (s - warm) / (double) Math.max(1, total - warm);
        return peak * (0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * Math.min(1, progress))));
    }

    /** Start offsets of epoch {@code epoch}'s windows in batch order. */
    int[] epochOrder(int n, int epoch) {
        int t = config.contextLength();
        Random rng = new Random(settings.seed() * 1_000_003L + epoch);
        int w = windowsPerEpoch(n);
        int[] starts = new int[w];
        if ((long) w * t + 1 <= n - (t - 1)) {
            int shift = rng.nextInt(t);
            for (int i = 0; i < w; i++) starts[i] = shift + i * t;
        } else {
            for (int i = 0; i < w; i++) starts[i] = rng.nextInt(n - t);
        }
        for (int i = w - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = starts[i]; starts[i] = starts[j]; starts[j] = tmp;
        }
        return starts;
    }

    /**
     * Trains on {@code corpus} into {@code modelDir}. With {@code resume}, continues from the latest complete
     * checkpoint there (which must be of the same architecture, settings and data); otherwise starts afresh.
     */
    public TrainingRecord train(TextCorpus corpus, Path modelDir, boolean resume) throws IOException {
        TorchThreads.pin();
        int n = corpus.bytes().length;
        int t = config.contextLength();
        if (n < t + 2) throw new InputException(corpus.source(), "training text of at least " + (t + 2) + " bytes expected, found " + n);
        for (byte b : corpus.bytes()) {
            if ((b & 0xff) >= config.vocabSize()) throw new InputException(corpus.source(), "byte values below " + config.vocabSize() + " expected");
        }
        Files.createDirectories(modelDir);
        long total = plannedSteps(n);
        int perEpoch = stepsPerEpoch(n);
        List<Double> stepLosses = new ArrayList<>();
        List<Double> epochLosses = new ArrayList<>();
        int startEpoch = 0;
        double priorSeconds = 0;
        try (NDManager root = NDManager.newBaseManager(io.genaudit.engine.ComputeDevice.current().djl());
             CausalTransformer model = CausalTransformer.initialise(config, root, settings.seed());
             Adam adam = Adam.forArrays(model.parameters(), model.manager(), 0.9f, 0.999f)) {
            if (resume) {
                Path ckpt = latestCheckpoint(modelDir);
                if (ckpt != null) {
                    TrainingRecord st;
                    try {
                        st = JSON.readValue(ckpt.resolve("state.json").toFile(), TrainingRecord.class);
                    } catch (com.fasterxml.jackson.core.JacksonException e) {
                        throw new InputException(ckpt.resolve("state.json").toString(), "checkpoint state is not valid (truncated or corrupt?): "
                                + e.getOriginalMessage() + "; delete the checkpoint or train without --resume", e);
                    }
                    if (!st.architecture().equals(config) || !st.training().equals(settings) || !st.dataSha256().equals(corpus.sha256())) {
                        throw new InputException(ckpt.toString(), "checkpoint of the same architecture, settings and data expected to resume; found "
                                + st.architecture() + ", " + st.training() + ", data sha256 " + st.dataSha256()
                                + " vs requested " + config + ", " + settings + ", data sha256 " + corpus.sha256());
                    }
                    try (DataInputStream in = dataIn(ckpt.resolve(PARAMS_FILE))) {
                        model.load(in, ckpt.resolve(PARAMS_FILE).toString());
                    }
                    try (DataInputStream in = dataIn(ckpt.resolve("optimizer.bin"))) {
                        adam.load(in, ckpt.resolve("optimizer.bin").toString());
                    }
                    stepLosses.addAll(st.stepLosses());
                    epochLosses.addAll(st.epochLosses());
                    startEpoch = st.epochsCompleted();
                    priorSeconds = st.trainingSeconds();
                }
            }
            long begin = System.nanoTime();
            long step = adam.steps();
            long[] ids = new long[settings.batchSize() * t];
            long[] targets = new long[settings.batchSize() * t];
            byte[] data = corpus.bytes();
            try (Progress bar = progress.start("train transformer " + config.size(), total, "steps")) {
                bar.step(step);
                for (int epoch = startEpoch; epoch < settings.epochs() && step < total; epoch++) {
                    int[] order = epochOrder(n, epoch);
                    double epochSum = 0;
                    int epochSteps = 0;
                    for (int s = 0; s < perEpoch && step < total; s++) {
                        for (int b = 0; b < settings.batchSize(); b++) {
                            int start = order[(s * settings.batchSize() + b) % order.length];
                            for (int k = 0; k < t; k++) {
                                ids[b * t + k] = data[start + k] & 0xff;
                                targets[b * t + k] = data[start + k + 1] & 0xff;
                            }
                        }
                        double loss = trainStep(model, adam, ids, targets, (float) learningRate(settings.learningRate(), step, total));
                        if (!Double.isFinite(loss)) throw new IllegalStateException("training diverged at step " + step + " (loss " + loss + ")");
                        stepLosses.add(loss);
                        epochSum += loss;
                        epochSteps++;
                        step++;
                        bar.step(1);
                        bar.message(String.format("epoch %d loss %.3f", epoch + 1, loss));
                    }
                    epochLosses.add(epochSum / Math.max(1, epochSteps));
                    double seconds = priorSeconds + (System.nanoTime() - begin) / 1e9;
                    TrainingRecord rec = record(corpus, model, null, epoch + 1, step, total, epochLosses, stepLosses, seconds);
                    writeCheckpoint(modelDir, epoch + 1, model, adam, rec);
                }
            }
            byte[] params = bytesOf(model);
            AtomicFiles.writeBytes(modelDir.resolve(PARAMS_FILE), params);
            double seconds = priorSeconds + (System.nanoTime() - begin) / 1e9;
            TrainingRecord rec = record(corpus, model, Sha256.of(params), epochLosses.size(), step, total, epochLosses, stepLosses, seconds);
            AtomicFiles.writeBytes(modelDir.resolve(MODEL_JSON), JSON.writeValueAsBytes(rec));
            return rec;
        }
    }

    private TrainingRecord record(TextCorpus corpus, CausalTransformer model, String paramSha, int epochs, long steps, long total,
                                  List<Double> epochLosses, List<Double> stepLosses, double seconds) {
        return new TrainingRecord(TrainingRecord.FORMAT, config, settings, corpus.source(), corpus.sha256(), corpus.bytes().length,
                model.parameterCount(), paramSha, epochs, steps, total,
                epochLosses.isEmpty() ? Double.NaN : epochLosses.get(epochLosses.size() - 1),
                List.copyOf(epochLosses), List.copyOf(stepLosses), seconds,
                "DJL " + Engine.getDjlVersion() + " " + Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion() + " CPU");
    }

    private double trainStep(CausalTransformer model, Adam adam, long[] ids, long[] targets, float lr) {
        int b = settings.batchSize(), t = config.contextLength();
        try (NDManager sm = model.manager().newSubManager()) {
            NDArray x = sm.create(ids, new Shape(b, t));
            NDArray y = sm.create(targets, new Shape(b, t, 1));
            double loss;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray logits = model.forward(x);
                NDArray nll = logits.logSoftmax(-1).gather(y, 2).mean().neg();
                gc.backward(nll);
                loss = nll.getFloat();
            }
            adam.step(lr);
            return loss;
        }
    }

    private static byte[] bytesOf(CausalTransformer model) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            model.save(out);
        }
        return bytes.toByteArray();
    }

    private static DataInputStream dataIn(Path p) throws IOException {
        return new DataInputStream(new BufferedInputStream(Files.newInputStream(p)));
    }

    private static void writeCheckpoint(Path modelDir, int epoch, CausalTransformer model, Adam adam, TrainingRecord rec) throws IOException {
        Path dir = modelDir.resolve(CHECKPOINTS).resolve(String.format("epoch-%03d", epoch));
        Files.createDirectories(dir);
        AtomicFiles.writeBytes(dir.resolve(PARAMS_FILE), bytesOf(model));
        AtomicFiles.write(dir.resolve("optimizer.bin"), out -> {
            DataOutputStream d = new DataOutputStream(new BufferedOutputStream(out));
            adam.save(d);
            d.flush();
        });
        AtomicFiles.writeBytes(dir.resolve("state.json"), JSON.writeValueAsBytes(rec)); // last: marks the checkpoint complete
    }

    /** The latest complete checkpoint folder in {@code modelDir}, or null. */
    static Path latestCheckpoint(Path modelDir) throws IOException {
        Path root = modelDir.resolve(CHECKPOINTS);
        if (!Files.isDirectory(root)) return null;
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> p.getFileName().toString().startsWith("epoch-") && Files.exists(p.resolve("state.json")))
                    .max(Path::compareTo).orElse(null);
        }
    }
}
