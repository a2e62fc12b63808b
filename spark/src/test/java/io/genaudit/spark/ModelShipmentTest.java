package io.genaudit.spark;

import org.apache.spark.SparkContext;
import org.apache.spark.SparkFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shipping a language model to executors ({@link LmSource}, {@link ModelShipment}) on the shared {@code local[2]}
 * session: the GPT-2 export's files land in a folder of the model's own (model and tokenizer folders with the files
 * read beside them), shipping the same model again adds nothing to the job, and a shipped file whose bytes differ
 * from the driver's is refused by name before anything loads it.
 */
@Tag("integration") // starts a local Spark runtime: integration tier
class ModelShipmentTest {
    @TempDir
    Path dir;

    @Test
    void languageModelFilesAreLaidOutAgainAndCheckedOnTheExecutor() throws Exception {
        SparkContext sc = LocalSpark.session().sparkContext();
        Path gpt2 = SparkTextAuditsTest.GPT2;
        LmSource source = LmSource.exported(sc, "ship-test", "onnx-lm", gpt2.resolve("model.onnx"), gpt2.resolve("tokenizer.json"), 64);
        int added = sc.listFiles().size();
        assertEquals(source, LmSource.exported(sc, "ship-test", "onnx-lm", gpt2.resolve("model.onnx"), gpt2.resolve("tokenizer.json"), 64));
        assertEquals(added, sc.listFiles().size(), "shipping the same model again adds no file");
        assertEquals(List.of("model/model.onnx", "model/config.json", "tokenizer/tokenizer.json", "tokenizer/tokenizer_config.json",
                "tokenizer/special_tokens_map.json"), source.files().files().stream().map(ModelShipment.ShippedFile::name).toList());

        Path folder = LanguageModelPool.folder(source);
        assertEquals(folder, LanguageModelPool.folder(source), "one copy per JVM");
        for (ModelShipment.ShippedFile f : source.files().files()) {
            assertArrayEquals(Files.readAllBytes(gpt2.resolve(Path.of(f.name()).getFileName())), Files.readAllBytes(folder.resolve(f.name())), f.name());
        }
        try (var lm = source.open(folder)) {
            assertEquals(64, lm.contextLength());
        }

        // a file that arrives with other bytes than the driver shipped is refused, naming the model and the file
        Path fake = Files.writeString(dir.resolve("tokenizer.json"), "{}");
        Map<String, Path> sources = new LinkedHashMap<>();
        sources.put("tokenizer/tokenizer.json", fake);
        ModelShipment shipped = ModelShipment.ship(sc, "tampered", sources);
        Path received = Path.of(SparkFiles.get(shipped.files().get(0).sparkName()));
        try {
            Files.writeString(received, "{\"changed\": true}");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> shipped.copyInto(dir.resolve("scratch"), "m-"));
            assertTrue(e.getMessage().startsWith("model tampered: tokenizer/tokenizer.json arrived with sha256 "), e.getMessage());
        } finally {
            // the shared session's next task checks every added file against its source: leave it as Spark fetched it
            Files.writeString(received, "{}");
        }
    }
}
