package io.genaudit.engine.image.nn;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import io.genaudit.engine.nn.Adam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Per-epoch checkpoints of a training run: each named block's weights ({@code NAME.params}), each optimiser's state
 * ({@code adam-NAME.bin}) and {@code state.json} (run identity, epochs done, loss history). Only the latest is kept.
 *
 * @param epochsDone epochs completed when the checkpoint was written
 */
public record Checkpoint(int epochsDone, LossHistory history) {

    public static void save(Path outDir, int epochsDone, Map<String, Block> blocks, Map<String, Adam> optimizers,
                            Map<String, Object> identity, LossHistory hist) throws IOException {
        Path cp = ModelFolder.checkpointDir(outDir, epochsDone);
        Files.createDirectories(cp);
        for (var e : blocks.entrySet()) BlockFiles.save(e.getValue(), cp.resolve(e.getKey() + ".params"));
        for (var e : optimizers.entrySet()) BlockFiles.saveOptimizer(e.getValue(), cp.resolve("adam-" + e.getKey() + ".bin"));
        Map<String, Object> state = new LinkedHashMap<>(identity);
        state.put("epochsDone", epochsDone);
        state.put("history", hist.toMap());
        ModelFolder.writeJson(cp.resolve("state.json"), state);
        ModelFolder.pruneCheckpoints(outDir, cp);
    }

    /**
     * Restores the latest checkpoint in {@code outDir} into the blocks and optimisers, after checking it belongs to the
     * same run ({@code identity}); empty when there is none.
     */
    public static Optional<Checkpoint> restore(Path outDir, NDManager manager, Map<String, Block> blocks,
                                               Map<String, Adam> optimizers, Map<String, Object> identity) throws IOException {
        Optional<Path> latest = ModelFolder.latestCheckpoint(outDir);
        if (latest.isEmpty()) return Optional.empty();
        Path cp = latest.get();
        Map<String, Object> state = ModelFolder.readJson(cp.resolve("state.json"));
        ModelFolder.checkResumable(cp, state, identity);
        for (var e : blocks.entrySet()) BlockFiles.load(e.getValue(), manager, cp.resolve(e.getKey() + ".params"));
        for (var e : optimizers.entrySet()) BlockFiles.loadOptimizer(e.getValue(), cp.resolve("adam-" + e.getKey() + ".bin"));
        @SuppressWarnings("unchecked")
        Map<String, Object> h = (Map<String, Object>) state.get("history");
        return Optional.of(new Checkpoint(((Number) state.get("epochsDone")).intValue(), LossHistory.fromMap(h)));
    }

    /** The identity a checkpoint must match to be resumed, normalised as JSON reads it back. */
    public static Map<String, Object> identity(String architecture, Map<String, Object> config, long seed, String dataSha256) {
        Map<String, Object> id = new LinkedHashMap<>();
        id.put("architecture", architecture);
        id.put("config", config);
        id.put("seed", seed);
        id.put("dataSha256", dataSha256);
        return ModelFolder.roundTrip(id);
    }
}
