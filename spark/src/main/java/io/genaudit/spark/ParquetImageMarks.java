package io.genaudit.spark;

import io.genaudit.engine.InputException;
import io.genaudit.metrics.detect.ImageMark;
import io.genaudit.metrics.detect.MarkRobustness;
import io.genaudit.metrics.detect.MarkedFile;
import io.genaudit.metrics.detect.MarkingSurvey;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;

/**
 * The synthetic-origin mark survey of a generated image table, as {@link MarkingSurvey} does it for a folder: the
 * table's optional {@value #FILE} column names each image's file, and every PNG/JPEG file (by name) is read for marks
 * on the executors ({@link ImageMark}); the findings come back to the driver sorted by name, and the survival of marks
 * under edits is checked on the driver for the first {@value MarkRobustness#MAX_FILES} edited files, as on one machine.
 * A table without the column has no file names to key the findings by: not surveyed.
 *
 * @param files the findings per file, by name
 * @param edits mark survival per edit (control first)
 */
public record ParquetImageMarks(List<MarkedFile> files, List<MarkRobustness> edits) {
    /** The optional column holding each image's file name. */
    public static final String FILE = "file";

    /** The survey of table {@code uri}, or null when it has no {@value #FILE} column. */
    public static ParquetImageMarks surveyOrNull(SparkSession spark, String uri) {
        Dataset<Row> df = ParquetTables.read(spark, uri);
        StructField f = ParquetTables.field(df.schema(), FILE);
        if (f == null) return null;
        if (f.dataType() != DataTypes.StringType) {
            throw new InputException(uri, "column '" + FILE + "' must be a string (the image's file name), found " + f.dataType().simpleString());
        }
        Dataset<Row> named = df.select(col(FILE), col(ParquetImages.BYTES));
        List<Surveyed> found = new ArrayList<>(named.javaRDD().mapPartitions(new Survey(uri)).collect());
        if (found.isEmpty()) throw new InputException(uri, "no PNG or JPEG files (by the '" + FILE + "' column) to check for synthetic-origin marks");
        found.sort(Comparator.comparing(Surveyed::name));
        List<String> toEdit = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            if (i > 0 && found.get(i).name().equals(found.get(i - 1).name())) {
                throw new InputException(uri, "file name '" + found.get(i).name() + "' appears twice in column '" + FILE + "'");
            }
            if (found.get(i).edited() && toEdit.size() < MarkRobustness.MAX_FILES) toEdit.add(found.get(i).name());
        }
        Map<String, byte[]> bytes = new HashMap<>();
        if (!toEdit.isEmpty()) {
            for (Row r : named.filter(col(FILE).isin(toEdit.toArray())).collectAsList()) bytes.put(r.getString(0), (byte[]) r.get(1));
        }
        return new ParquetImageMarks(found.stream().map(Surveyed::findings).toList(), MarkRobustness.of(toEdit.stream().map(bytes::get).toList()));
    }

    /** One surveyed file: its findings and whether the survival check edits it. */
    private record Surveyed(String name, MarkedFile findings, boolean edited) implements Serializable {
    }

    /** Reads the marks of a partition's PNG/JPEG files. */
    private record Survey(String uri) implements FlatMapFunction<Iterator<Row>, Surveyed> {
        @Override
        public Iterator<Surveyed> call(Iterator<Row> rows) {
            List<Surveyed> out = new ArrayList<>();
            while (rows.hasNext()) {
                Row r = rows.next();
                if (r.isNullAt(0)) throw new InputException(uri, "a null '" + FILE + "' (file name)");
                String name = r.getString(0);
                if (!MarkingSurvey.surveyed(name)) continue;
                if (r.isNullAt(1)) throw new InputException(uri, "file " + name + ": null '" + ParquetImages.BYTES + "' (no image)");
                ImageMark m = ImageMark.of(name, (byte[]) r.get(1));
                out.add(new Surveyed(name, MarkedFile.of(m), MarkRobustness.edited(m)));
            }
            return out.iterator();
        }
    }
}
