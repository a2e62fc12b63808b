package io.genaudit.spark;

import io.genaudit.engine.InputException;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

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

    private static String firstLine(String s) {
        if (s == null) return "unknown error";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
