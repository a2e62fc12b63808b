package io.genaudit.spark;

import io.genaudit.engine.InputException;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

/** What the Parquet readers share: opening a table with a named user error, and finding a required column. */
final class ParquetTables {
    private ParquetTables() {
    }

    /** The table at {@code uri}; an unreadable or missing one is an InputException naming it. */
    static Dataset<Row> read(SparkSession spark, String uri) {
        try {
            return spark.read().parquet(uri);
        } catch (Exception e) {
            if (e instanceof AnalysisException || e.getCause() instanceof java.io.FileNotFoundException) {
                throw new InputException(uri, "cannot read Parquet: " + firstLine(e.getMessage()));
            }
            throw e;
        }
    }

    /** The column {@code name} (case-insensitive), or null. */
    static StructField field(StructType schema, String name) {
        for (StructField f : schema.fields()) if (f.name().equalsIgnoreCase(name)) return f;
        return null;
    }

    /** The column {@code name}; its absence is an InputException saying what the column holds. */
    static StructField column(StructType schema, String uri, String name, String what) {
        StructField f = field(schema, name);
        if (f == null) throw new InputException(uri, "no '" + name + "' column (" + what + ") in " + schema.simpleString());
        return f;
    }

    /**
     * Checks (one aggregation pass) that {@code df}'s long {@code row} column holds the ids 0..N-1 each once; an empty
     * table, null, repeated or missing ids are InputExceptions naming the table ({@code what}: "feature", "image").
     */
    static void checkRowIds(Dataset<Row> df, String uri, String what) {
        Row r = df.agg(count(col(ParquetFeatures.ROW)), min(col(ParquetFeatures.ROW)), max(col(ParquetFeatures.ROW)),
                countDistinct(col(ParquetFeatures.ROW)), count("*")).first();
        long nonNull = r.getLong(0);
        long all = r.getLong(4);
        if (all == 0) throw new InputException(uri, "no " + what + " rows");
        if (nonNull != all) throw new InputException(uri, (all - nonNull) + " rows have a null '" + ParquetFeatures.ROW + "' id");
        long lo = r.getLong(1);
        long hi = r.getLong(2);
        long distinct = r.getLong(3);
        if (distinct != all) throw new InputException(uri, (all - distinct) + " repeated '" + ParquetFeatures.ROW + "' ids; each id must appear once");
        if (lo != 0 || hi != all - 1) {
            throw new InputException(uri, "'" + ParquetFeatures.ROW + "' ids must be 0.." + (all - 1) + " for " + all + " rows, found " + lo + ".." + hi);
        }
    }

    private static String firstLine(String s) {
        if (s == null) return "unknown error";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
