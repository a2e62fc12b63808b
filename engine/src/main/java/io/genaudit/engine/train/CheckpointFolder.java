package io.genaudit.engine.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a model folder keeps its {@link CheckpointFile}s: {@code checkpoints/epoch-NNNN.ckpt}, one per finished
 * epoch; only the latest is kept.
 */
public final class CheckpointFolder {
    public static final String FOLDER = "checkpoints";
    private static final String SUFFIX = ".ckpt";

    private CheckpointFolder() {
    }

    public static Path file(Path modelDir, int epochsDone) {
        return modelDir.resolve(FOLDER).resolve(String.format("epoch-%04d%s", epochsDone, SUFFIX));
    }

    /** The checkpoint with the most epochs done, if any (temporary files of an interrupted write are ignored). */
    public static Optional<Path> latest(Path modelDir) throws IOException {
        Path root = modelDir.resolve(FOLDER);
        if (!Files.isDirectory(root)) return Optional.empty();
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(CheckpointFolder::isCheckpoint).max(Comparator.comparing(p -> p.getFileName().toString()));
        }
    }

    /** Writes the checkpoint of {@code epochsDone} and deletes the older ones. */
    public static void save(Path modelDir, CheckpointFile.Header header, java.util.Map<String, byte[]> sections) throws IOException {
        Path keep = file(modelDir, header.epochsDone());
        Files.createDirectories(keep.getParent());
        CheckpointFile.write(keep, header, sections);
        try (Stream<Path> s = Files.list(keep.getParent())) {
            for (Path p : s.filter(CheckpointFolder::isCheckpoint).filter(p -> !p.equals(keep)).toList()) Files.deleteIfExists(p);
        }
    }

    private static boolean isCheckpoint(Path p) {
        String n = p.getFileName().toString();
        return n.startsWith("epoch-") && n.endsWith(SUFFIX) && Files.isRegularFile(p);
    }
}
