package io.genaudit.spark;

import io.genaudit.engine.InputException;
import io.genaudit.metrics.bias.BiasSuite;
import io.genaudit.metrics.bias.CounterfactualPairProbe;
import io.genaudit.metrics.bias.CrowsPair;
import io.genaudit.metrics.bias.LmProbeItem;
import io.genaudit.metrics.bias.SentenceScorer;
import io.genaudit.metrics.bias.StereoSetExample;
import io.genaudit.metrics.bias.StereoSetProbe;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;

/**
 * A {@code bias-lm} probe table in Parquet (local, {@code hdfs://}, {@code s3a://}): one probe item per row, with an
 * {@code id} column (string or whole number, each id once; items are taken in id order) and the columns of one list
 * section of a probe suite, as the probe files hold them:
 * <ul>
 *   <li>counterfactual pairs (CrowS-Pairs CSV): {@code sent_more}, {@code sent_less}, {@code bias_type}, optional
 *       {@code stereo_antistereo} (null: stereo);</li>
 *   <li>StereoSet intrasentence items (StereoSet JSON): {@code bias_type}, {@code stereotype},
 *       {@code anti_stereotype}, {@code unrelated}, optional {@code target} and {@code context} (null: empty).</li>
 * </ul>
 * The table is range-partitioned by id, so executors read and score their rows. A missing or mistyped column, a null
 * or repeated id, a null required value or an empty sentence are user errors naming the table and the row's id.
 *
 * @param uri the Parquet file or folder
 */
record ParquetProbes(String uri) {
    static final String ID = "id";

    /** The suite sections a probe table can hold, with their columns (required first, then optional). */
    enum Section {
        PAIRS(List.of("sent_more", "sent_less", "bias_type"), List.of("stereo_antistereo")),
        STEREOSET(List.of("bias_type", "stereotype", "anti_stereotype", "unrelated"), List.of("target", "context"));

        final List<String> required;
        final List<String> optional;

        Section(List<String> required, List<String> optional) {
            this.required = required;
            this.optional = optional;
        }

        /** The section's columns in the order the rows carry them (after the id). */
        List<String> columns() {
            List<String> all = new ArrayList<>(required);
            all.addAll(optional);
            return all;
        }

        /** A suite holding {@code items} of this section (the probe file's suite). */
        @SuppressWarnings("unchecked")
        BiasSuite suite(String name, List<?> items) {
            return this == PAIRS ? new BiasSuite(name, (List<CrowsPair>) items, null, null, null, null, null)
                    : new BiasSuite(name, null, (List<StereoSetExample>) items, null, null, null, null);
        }

        /** The items scored by {@code scorer} with the single-machine probe code. */
        @SuppressWarnings("unchecked")
        List<? extends LmProbeItem> score(SentenceScorer scorer, List<?> items) {
            return this == PAIRS ? CounterfactualPairProbe.score(scorer, (List<CrowsPair>) items)
                    : StereoSetProbe.score(scorer, (List<StereoSetExample>) items);
        }
    }

    /**
     * A checked probe table.
     *
     * @param section what its rows hold
     * @param rows    id, then {@link Section#columns()}, range-partitioned and sorted by id
     */
    record Table(Section section, JavaRDD<Row> rows) {
    }

    /** The table's rows in {@code partitions} id ranges, after checking the schema, ids and values on the driver. */
    Table read(SparkSession spark, int partitions) {
        Dataset<Row> df = ParquetTables.read(spark, uri);
        StructType schema = df.schema();
        Section section = section(schema);
        DataType id = ParquetTables.column(schema, uri, ID, "a string or whole-number probe id").dataType();
        if (id != DataTypes.StringType && id != DataTypes.LongType && id != DataTypes.IntegerType) {
            throw new InputException(uri, "column '" + ID + "' must be a string or a whole number, found " + id.simpleString());
        }
        List<Column> cols = new ArrayList<>(List.of(col(ID)));
        for (String c : section.required) cols.add(col(stringColumn(schema, ParquetTables.column(schema, uri, c, "probe text")).name()).as(c));
        for (String c : section.optional) {
            StructField f = ParquetTables.field(schema, c);
            cols.add(f == null ? lit(null).cast(DataTypes.StringType).as(c) : col(stringColumn(schema, f).name()).as(c));
        }
        Dataset<Row> selected = df.select(cols.toArray(Column[]::new));
        checkValues(selected, section);
        return new Table(section, selected.repartitionByRange(partitions, col(ID)).sortWithinPartitions(ID).javaRDD());
    }

    /** Pairs when the table has sent_more or sent_less, StereoSet when it has stereotype; else an error listing both schemas. */
    private Section section(StructType schema) {
        if (ParquetTables.field(schema, "sent_more") != null || ParquetTables.field(schema, "sent_less") != null) return Section.PAIRS;
        if (ParquetTables.field(schema, "stereotype") != null) return Section.STEREOSET;
        throw new InputException(uri, "not a probe table: expected columns id, " + String.join(", ", Section.PAIRS.columns())
                + " (counterfactual pairs) or id, " + String.join(", ", Section.STEREOSET.columns()) + " (StereoSet); found " + schema.simpleString());
    }

    private StructField stringColumn(StructType schema, StructField f) {
        if (f.dataType() != DataTypes.StringType) {
            throw new InputException(uri, "column '" + f.name() + "' must be a string, found " + f.dataType().simpleString());
        }
        return f;
    }

    /** One aggregation pass; a failed check names an offending row (the smallest such id). */
    private void checkValues(Dataset<Row> t, Section section) {
        List<Column> aggs = new ArrayList<>(List.of(count("*"), count(col(ID)), countDistinct(col(ID))));
        for (String c : section.required) aggs.add(count(col(c)));
        Row r = t.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new)).first();
        long all = r.getLong(0);
        if (all == 0) throw new InputException(uri, "no probe rows");
        if (r.getLong(1) != all) throw new InputException(uri, (all - r.getLong(1)) + " rows have a null '" + ID + "'");
        if (r.getLong(2) != all) {
            Row rep = t.groupBy(col(ID)).count().filter(col("count").gt(1)).orderBy(col(ID)).first();
            throw new InputException(uri, "row id " + rep.get(0) + ": appears " + rep.getLong(1) + " times; each probe id must appear once");
        }
        for (int k = 0; k < section.required.size(); k++) {
            String c = section.required.get(k);
            if (r.getLong(3 + k) != all) {
                Object at = t.filter(col(c).isNull()).orderBy(col(ID)).first().get(0);
                throw new InputException(uri, "row id " + at + ": null '" + c + "'");
            }
        }
    }

    /**
     * The probe items of {@code rows} (id, then {@link Section#columns()}) as the probe files give them; pairs are
     * numbered from {@code first} in row order. An empty sentence or bias type is an error naming the table and id.
     */
    static List<?> items(String uri, Section section, Iterator<Row> rows, int first) {
        List<Object> out = new ArrayList<>();
        while (rows.hasNext()) {
            Row r = rows.next();
            String id = String.valueOf(r.get(0));
            if (section == Section.PAIRS) {
                String more = r.getString(1), less = r.getString(2);
                if (more.isBlank() || less.isBlank()) throw new InputException(uri, "row id " + id + ": sent_more and sent_less must not be empty");
                String direction = r.isNullAt(4) ? "stereo" : r.getString(4).trim();
                out.add(new CrowsPair(first + out.size(), more, less, direction, r.getString(3).trim()));
            } else {
                String bias = r.getString(1);
                if (bias.isEmpty()) throw new InputException(uri, "row id " + id + ": empty bias_type");
                out.add(new StereoSetExample(id, bias, r.isNullAt(5) ? "" : r.getString(5), r.isNullAt(6) ? "" : r.getString(6),
                        r.getString(2), r.getString(3), r.getString(4)));
            }
        }
        return out;
    }

    /** The suite name a probe file of this table's name would get (its file name, lower case). */
    String suiteName() {
        String trimmed = uri.replaceAll("/+$", "");
        return trimmed.substring(trimmed.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    }
}
