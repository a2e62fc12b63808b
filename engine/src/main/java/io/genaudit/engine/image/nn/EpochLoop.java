package io.genaudit.engine.image.nn;

import io.genaudit.engine.image.Latents;
import ai.djl.ndarray.NDManager;
import io.genaudit.engine.Progress;
import io.genaudit.engine.nn.Adam;
import io.genaudit.engine.nn.ConvolutionGradientCheck;
import io.genaudit.engine.train.CheckpointFile;
import io.genaudit.engine.train.CheckpointFolder;
import io.genaudit.engine.train.TrainingDivergedException;
import io.genaudit.engine.train.TrainingRun;
import io.genaudit.engine.train.TrainingSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The training loop of the built-in image models: per epoch a permutation of the n examples drawn from
 * (seed, epoch), {@code n / batch} steps each seeded by (seed, epoch, step), a {@link TrainingDivergedException} on
 * the first non-finite loss, and a {@link CheckpointFile} after every epoch. With {@link TrainingRun#resume()} it
 * continues from the latest checkpoint of the same run, so an interrupted run ends as an uninterrupted one would.
 */
public final class EpochLoop {
    private EpochLoop() {
    }

    /**
     * Trains {@code step} on {@code n} examples for {@code s.epochs()} epochs and returns the loss history.
     *
     * @param hyperParameters the model's configuration, recorded in checkpoints and required to match on resume
     * @param dataSha256      identifies the training data, likewise
     * @param manager         owns the networks' arrays (restored checkpoint parameters are created in it)
     */
    public static LossHistory train(TrainingStep step, int n, Map<String, Object> hyperParameters, String dataSha256,
                                    TrainingSettings s, TrainingRun run, NDManager manager) throws IOException {
        if (s.maxSteps() > 0) throw new IllegalArgumentException("image models train whole epochs; maxSteps is not supported");
        if (n < 1) throw new IllegalArgumentException("no training examples");
        ConvolutionGradientCheck.ensureSound(); // before anything is written: wrong native gradients stop the run
        Files.createDirectories(run.modelDir());
        LossHistory hist = new LossHistory(step.lossNames());
        int start = 0;
        if (run.resume()) {
            Optional<CheckpointFile.Loaded> cp = restore(step, header(step, hyperParameters, dataSha256, s, 0, hist), run, manager);
            if (cp.isPresent()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> h = (Map<String, Object>) cp.get().header().state().get("history");
                hist = LossHistory.fromMap(h);
                start = cp.get().header().epochsDone();
            }
        }
        int b = Math.min(s.batchSize(), n), steps = n / b;
        try (Progress p = run.progress().start("train " + step.architecture(), (long) Math.max(0, s.epochs() - start) * steps, "steps")) {
            for (int epoch = start; epoch < s.epochs(); epoch++) {
                int[] perm = Latents.permutation(n, Latents.mix(s.seed(), 1, epoch));
                for (int i = 0; i < steps; i++) {
                    double[] losses = step.step(perm, i * b, (i + 1) * b, Latents.mix(s.seed(), 2 + epoch, i));
                    record(step, hist, losses, s.seed(), epoch, i);
                    p.step(1);
                }
                hist.endEpoch();
                p.message("epoch " + (epoch + 1) + "/" + s.epochs() + " " + hist.last().entrySet().stream()
                        .map(e -> String.format("%s %.3f", e.getKey(), e.getValue())).collect(Collectors.joining(", ")));
                CheckpointFolder.save(run.modelDir(), header(step, hyperParameters, dataSha256, s, epoch + 1, hist), sections(step));
            }
        }
        return hist;
    }

    private static void record(TrainingStep step, LossHistory hist, double[] losses, long seed, int epoch, int i) {
        for (double l : losses) {
            if (!Double.isFinite(l)) {
                StringBuilder text = new StringBuilder();
                for (int k = 0; k < losses.length; k++) text.append(k == 0 ? "" : ", ").append(step.lossNames().get(k)).append(' ').append(losses[k]);
                throw new TrainingDivergedException(step.architecture(), seed, epoch + 1, i + 1, text.toString());
            }
        }
        for (int k = 0; k < losses.length; k++) hist.step(step.lossNames().get(k), losses[k]);
    }

    private static CheckpointFile.Header header(TrainingStep step, Map<String, Object> hyperParameters, String dataSha256,
                                                TrainingSettings s, int epochsDone, LossHistory hist) {
        return new CheckpointFile.Header(step.architecture(), hyperParameters, s, dataSha256, epochsDone, Map.of("history", hist.toMap()));
    }

    private static Map<String, byte[]> sections(TrainingStep step) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (var e : step.blocks().entrySet()) out.put(e.getKey(), CheckpointFile.bytes(e.getValue()::saveParameters));
        for (var e : step.optimizers().entrySet()) out.put("adam-" + e.getKey(), CheckpointFile.bytes(e.getValue()::save));
        return out;
    }

    private static Optional<CheckpointFile.Loaded> restore(TrainingStep step, CheckpointFile.Header expected, TrainingRun run,
                                                           NDManager manager) throws IOException {
        Optional<java.nio.file.Path> latest = CheckpointFolder.latest(run.modelDir());
        if (latest.isEmpty()) return Optional.empty();
        CheckpointFile.Loaded cp = CheckpointFile.read(latest.get(), step.architecture());
        cp.requireSameRun(expected, true);
        for (var e : step.blocks().entrySet()) BlockFiles.load(e.getValue(), manager, cp.section(e.getKey()), cp.describe(e.getKey()));
        for (var e : step.optimizers().entrySet()) {
            String name = "adam-" + e.getKey();
            e.getValue().load(cp.section(name), cp.describe(name));
        }
        return Optional.of(cp);
    }
}
