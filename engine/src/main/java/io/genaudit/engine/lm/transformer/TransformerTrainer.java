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
import io.genaudit.engine.train.CheckpointFile;
import io.genaudit.engine.train.CheckpointFolder;
import io.genaudit.engine.train.TrainingDivergedException;
import io.genaudit.engine.train.TrainingRun;
import io.genaudit.engine.train.TrainingSettings;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Trains a {@link CausalTransformer} on a byte corpus with next-byte cross-entropy and Adam, writing a
 * {@link CheckpointFile} per epoch and finally {@code params.bin} plus {@code model.json} into the model directory. Initial weights and batch
 * order come only from the seed (epoch e shuffles with its own seeded RNG), and optimizer state is checkpointed, so
 * a run resumed from a checkpoint ends with the same parameters as an uninterrupted one.
 */
public final class TransformerTrainer {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    public static final String PARAMS_FILE = "params.bin";
    public static final String MODEL_JSON = "model.json";
    /** The architecture name in checkpoints. */
    static final String ARCHITECTURE = "transformer";
    private static final String PARAMETERS = "parameters";
    private static final String OPTIMIZER = "adam";

    private final TransformerConfig config;
    private final TrainingSettings settings;

    public TransformerTrainer(TransformerConfig config, TrainingSettings settings) {
        this.config = config;
        this.settings = settings;
    }

    /** Defaults for a size: {@code small} 2 epochs, batch 16, lr 3e-3; {@code tiny} 2 epochs, batch 16, lr 1e-2. */
    public static TrainingSettings defaultSettings(String size, long seed) {
        return size.equals("tiny") ? TrainingSettings.of(seed, 2, 16, 1e-2) : TrainingSettings.of(seed, 2, 16, 3e-3);
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
     * Trains on {@code corpus} into the run's model folder. With {@link TrainingRun#resume()}, continues from the
     * latest checkpoint there (which must be of the same architecture, settings and data); otherwise starts afresh.
     */
    public TrainingRecord train(TextCorpus corpus, TrainingRun run) throws IOException {
        Path modelDir = run.modelDir();
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
            if (run.resume()) {
                Optional<Path> latest = CheckpointFolder.latest(modelDir);
                if (latest.isPresent()) {
                    CheckpointFile.Loaded cp = CheckpointFile.read(latest.get(), ARCHITECTURE);
                    cp.requireSameRun(header(corpus, 0, null), false);
                    model.load(cp.section(PARAMETERS), cp.describe(PARAMETERS));
                    adam.load(cp.section(OPTIMIZER), cp.describe(OPTIMIZER));
                    TrainingRecord st = recordOf(cp);
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
            try (Progress bar = run.progress().start("train transformer " + config.size(), total, "steps")) {
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
                        if (!Double.isFinite(loss)) throw new TrainingDivergedException(ARCHITECTURE, settings.seed(), epoch + 1, step + 1, "loss " + loss);
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
                    CheckpointFolder.save(modelDir, header(corpus, epoch + 1, rec), Map.of(PARAMETERS, bytesOf(model),
                            OPTIMIZER, CheckpointFile.bytes(adam::save)));
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

    /** The checkpoint header of this run after {@code epochsDone} epochs; {@code rec} is the progress so far. */
    private CheckpointFile.Header header(TextCorpus corpus, int epochsDone, TrainingRecord rec) {
        @SuppressWarnings("unchecked")
        Map<String, Object> config = JSON.convertValue(this.config, Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> state = rec == null ? Map.of() : Map.of("record", JSON.convertValue(rec, Map.class));
        return new CheckpointFile.Header(ARCHITECTURE, config, settings, corpus.sha256(), epochsDone, state);
    }

    private static TrainingRecord recordOf(CheckpointFile.Loaded cp) {
        try {
            return JSON.convertValue(cp.header().state().get("record"), TrainingRecord.class);
        } catch (IllegalArgumentException e) {
            throw new InputException(cp.file(), "checkpoint has no valid training record: " + e.getMessage()
                    + " (delete the checkpoint, or train again without resuming)");
        }
    }
}
