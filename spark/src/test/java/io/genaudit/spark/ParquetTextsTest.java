package io.genaudit.spark;

import org.junit.jupiter.api.Tag;
import io.genaudit.engine.InputException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Text tables (doc_id + text, shuffled over 3 files, with non-ASCII text) read back as blocks in id order. */
@Tag("integration") // starts a local Spark runtime (tens of seconds): integration tier
class ParquetTextsTest {
    @TempDir
    Path dir;

    private static final StructType SCHEMA = new StructType().add("doc_id", DataTypes.StringType).add("text", DataTypes.StringType);

    private String write(String name, List<Row> rows, StructType schema) {
        List<Row> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new Random(3));
        String path = dir.resolve(name).toString();
        LocalSpark.session().createDataFrame(LocalSpark.context().parallelize(shuffled, 3), schema).write().parquet(path);
        return path;
    }

    @Test
    void everyDocumentOnceInIdOrder() {
        List<Row> rows = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 57; i++) {
            String id = String.format("doc-%03d", i);
            ids.add(id);
            rows.add(RowFactory.create(id, "Größe " + i + " — naïve café\nline two"));
        }
        String path = write("texts", rows, SCHEMA);
        List<TextBlock> blocks = new ParquetTexts(path, 4).blocks(LocalSpark.session(), 3).collect();
        List<String> back = new ArrayList<>();
        for (TextBlock b : blocks) {
            assertTrue(b.docIds().size() <= 4);
            for (int i = 0; i < b.docIds().size(); i++) {
                back.add(b.docIds().get(i));
                assertEquals("Größe " + Integer.parseInt(b.docIds().get(i).substring(4)) + " — naïve café\nline two", b.texts().get(i));
            }
        }
        assertEquals(ids, back);
    }

    @Test
    void repeatedIdsNullTextsAndMissingColumnsAreNamedUserErrors() {
        String twice = write("twice", List.of(RowFactory.create("a", "x"), RowFactory.create("a", "y"), RowFactory.create("b", "z")), SCHEMA);
        assertError(twice, "1 repeated 'doc_id'");
        String nullText = write("nulltext", List.of(RowFactory.create("a", "x"), RowFactory.create("b", null)), SCHEMA);
        assertError(nullText, "1 documents have a null 'text'");
        StructType noText = new StructType().add("doc_id", DataTypes.StringType).add("body", DataTypes.StringType);
        String missing = write("notext", List.of(RowFactory.create("a", "x")), noText);
        assertError(missing, "no 'text' column");
    }

    private static void assertError(String path, String part) {
        InputException e = assertThrows(InputException.class, () -> new ParquetTexts(path, 8).blocks(LocalSpark.session(), 2));
        assertTrue(e.getMessage().startsWith(path + ": ") && e.getMessage().contains(part), e.getMessage());
    }
}
