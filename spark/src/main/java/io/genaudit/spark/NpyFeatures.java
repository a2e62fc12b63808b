package io.genaudit.spark;

import io.genaudit.engine.InputException;
import io.genaudit.engine.io.NpyFile;
import io.genaudit.engine.io.NpyHeader;
import io.genaudit.metrics.fidelity.FeatureSetLoader;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;

/**
 * A local {@code .npy} feature matrix [N, D] (float32 or float64, C order) read by row ranges: the driver checks the
 * header as the single machine does ({@link FeatureSetLoader#requireFeatureMatrix}) and cuts the rows into blocks of
 * {@code batchRows}; each task reads its blocks with an offset read ({@link NpyFile#readRows}), never the whole file.
 * For local masters, whose executors see the driver's files. A Fortran-ordered matrix is an error naming the file
 * (save it with {@code np.ascontiguousarray}).
 *
 * @param file      the .npy file
 * @param batchRows rows per block
 */
public record NpyFeatures(Path file, int batchRows) implements RowBlockSource {
    public NpyFeatures {
        if (batchRows < 1) throw new IllegalArgumentException("batchRows must be at least 1, got " + batchRows);
    }

    @Override
    public String uri() {
        return file.toString();
    }

    @Override
    public JavaRDD<RowBlock> blocks(SparkSession spark, int partitions) {
        long rows;
        try (NpyFile f = NpyFile.open(file)) {
            NpyHeader h = f.header();
            FeatureSetLoader.requireFeatureMatrix(file, h.shape(), h.dtype());
            if (h.fortranOrder()) {
                throw new InputException(file, "a Fortran-ordered matrix cannot be read by row ranges on Spark; save it with np.ascontiguousarray");
            }
            rows = f.rows();
        }
        String path = file.toString();
        return FileGroup.rdd(spark, FileGroup.ofRows(rows, batchRows), partitions).map(g -> read(path, g));
    }

    /** One block: the group's rows, each checked for NaN and infinity. */
    private static RowBlock read(String path, FileGroup g) {
        double[][] rows;
        try (NpyFile f = NpyFile.open(Path.of(path))) {
            rows = f.readRows(g.first(), g.count()).toMatrix();
        }
        for (int i = 0; i < rows.length; i++) FeatureSetLoader.requireFinite(path, g.first() + i, rows[i]);
        return new RowBlock(g.first(), rows);
    }
}
