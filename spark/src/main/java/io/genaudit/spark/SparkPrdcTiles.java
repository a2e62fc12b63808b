package io.genaudit.spark;

import io.genaudit.engine.InputException;
import io.genaudit.metrics.fidelity.BallTests;
import io.genaudit.metrics.fidelity.FeatureBatch;
import io.genaudit.metrics.fidelity.PrdcMetric;
import io.genaudit.metrics.fidelity.PrecisionRecallDensityCoverage;
import io.genaudit.metrics.numerics.PairwiseDistances;
import io.genaudit.values.Interval;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code prdc} without intervals computed tile by tile on the executors, never gathering feature rows: each side's
 * input blocks are paired with every block of the same side ({@code cartesian}) and every tile keeps each query row's
 * k+1 smallest distances, merged per query block ({@code reduceByKey}) into the k-NN radii; then every real block is
 * paired with every generated block and the tile's {@link BallTests} are merged per block and counted on the
 * executors. Only the radii (one number per row, broadcast back) and four counts reach the driver. The distances are
 * {@link PairwiseDistances}' (one fixed summation order per pair), and the top-k, minimum, "or" and count merges are
 * exact, so the result equals the single-JVM {@link PrdcMetric} bit for bit.
 *
 * <p>Memory: a task holds one query block and one reference block ({@code --batch} rows each, d features) and their
 * distances (batch² doubles) at a time; both sides' blocks are cached on the executors while the three passes run.
 */
public final class SparkPrdcTiles {
    /** The merge label in run.json ({@code execution.merges}) and the audit's {@code merge} setting. */
    public static final String MERGE = "exact: k-NN radii and ball counts block-tiled on executors";
    /** Spark setting choosing PRDC's route: {@code auto} (tiled unless intervals need the rows) or {@code gathered}. */
    public static final String ROUTE = "spark.genaudit.prdc.route";

    private SparkPrdcTiles() {
    }

    /** Whether {@code metric} with {@code params} runs here: PRDC without intervals, unless {@link #ROUTE} says gathered. */
    public static boolean applies(SparkSession spark, Object metric, Record params) {
        String route = spark.conf().get(ROUTE, "auto");
        if (!route.equals("auto") && !route.equals("gathered")) {
            throw new InputException(ROUTE, "'" + route + "' is not a PRDC route (auto or gathered)");
        }
        return metric instanceof PrdcMetric && params instanceof PrdcMetric.Params p && p.bootstrap() == 0 && route.equals("auto");
    }

    /** An input block of the real or the generated side, flattened once with its squared norms. */
    record Block(boolean real, long firstRow, int rows, int dim, double[] values, double[] norms, String source) implements Serializable {
        static Block of(FeatureBatch b) {
            int d = b.rows()[0].length;
            double[] v = PairwiseDistances.flatten(b.rows(), d);
            return new Block(b.side() == FeatureBatch.Side.REAL, b.firstRow(), b.rows().length, d, v,
                    PairwiseDistances.squaredNorms(v, b.rows().length, d), b.source());
        }

        /** Distances of this block's rows to {@code ref}'s; {@code sameSet} zeroes a row against itself. */
        double[] distancesTo(Block ref, boolean sameSet) {
            double[] out = new double[rows * ref.rows];
            PairwiseDistances.tile(values, norms, 0, rows, ref.values, ref.norms, 0, ref.rows, dim,
                    sameSet ? firstRow - ref.firstRow : PairwiseDistances.NOT_SAME_SET, out, 0, ref.rows);
            return out;
        }
    }

    /** A block of one side, the key of the ball-test merges. */
    record BlockKey(boolean real, long firstRow) implements Serializable {
    }

    /** The metric's result over {@code batches} (both sides' feature rows with global row ids). */
    public static PrdcMetric.Result compute(JavaRDD<FeatureBatch> batches, PrdcMetric.Params p) {
        int k = p.k();
        // both sides' blocks cached once (the input is read, or extracted from images, a single time)
        JavaRDD<Block> blocks = batches.filter(b -> b.rows() != null && b.rows().length > 0).map(Block::of)
                .persist(StorageLevel.MEMORY_AND_DISK());
        JavaRDD<Block> real = blocks.filter(Block::real);
        JavaRDD<Block> fake = blocks.filter(b -> !b.real());
        try {
            Shape rs = Shape.of(real, "real", "no real features were given");
            Shape fs = Shape.of(fake, "fake", "no generated features were given");
            if (rs.dim != fs.dim) {
                throw new InputException(fs.source, "feature dimension " + fs.dim + " differs from " + rs.source + " (" + rs.dim + ")");
            }
            String what = "precision/recall/density/coverage with k=" + k;
            for (Shape s : List.of(rs, fs)) {
                if (s.rows < k + 1) throw new InputException(s.source, what + " needs at least " + (k + 1) + " samples per set, found " + s.rows);
            }
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(batches.context());
            Broadcast<Map<Long, double[]>> realRadii = sc.broadcast(radii(real, k));
            Broadcast<Map<Long, double[]>> fakeRadii = sc.broadcast(radii(fake, k));
            long[] counts;
            try {
                counts = ballCounts(real, fake, realRadii, fakeRadii);
            } finally {
                realRadii.destroy();
                fakeRadii.destroy();
            }
            PrecisionRecallDensityCoverage.Result r = PrecisionRecallDensityCoverage.Result.of(
                    (int) counts[0], (int) counts[1], counts[2], (int) counts[3], k, (int) rs.rows, (int) fs.rows);
            return PrdcMetric.result(r, new Interval[4], p, rs.dim);
        } finally {
            blocks.unpersist(false);
        }
    }

    /** Rows, dimension and source of one side (or of one block). */
    record Shape(long rows, int dim, String source) implements Serializable {
        static Shape of(JavaRDD<Block> side, String name, String missing) {
            List<Shape> blocks = side.map(b -> new Shape(b.rows(), b.dim(), b.source())).collect();
            if (blocks.isEmpty()) throw new InputException(name, missing);
            return new Shape(blocks.stream().mapToLong(Shape::rows).sum(), blocks.get(0).dim(), blocks.get(0).source());
        }
    }

    /** Each row's distance to its k-th nearest other row of its side, by the first row id of its block. */
    private static Map<Long, double[]> radii(JavaRDD<Block> side, int k) {
        JavaPairRDD<Long, double[][]> nearest = side.cartesian(side).mapToPair(t -> {
            Block q = t._1();
            Block ref = t._2();
            double[] dist = q.distancesTo(ref, true);
            double[][] best = new double[q.rows()][];
            for (int i = 0; i < q.rows(); i++) best[i] = PairwiseDistances.smallest(dist, i * ref.rows(), ref.rows(), k + 1);
            return new Tuple2<>(q.firstRow(), best);
        }).reduceByKey((a, b) -> {
            double[][] out = new double[a.length][];
            for (int i = 0; i < a.length; i++) out[i] = PairwiseDistances.mergeSmallest(a[i], b[i]);
            return out;
        });
        Map<Long, double[]> radii = new HashMap<>(nearest.mapValues(best -> {
            double[] r = new double[best.length];
            for (int i = 0; i < best.length; i++) r[i] = best[i][k];
            return r;
        }).collectAsMap());
        return radii;
    }

    /** Precise generated rows, recalled real rows, real balls holding generated rows, covered real rows. */
    private static long[] ballCounts(JavaRDD<Block> real, JavaRDD<Block> fake,
                                     Broadcast<Map<Long, double[]>> realRadii, Broadcast<Map<Long, double[]>> fakeRadii) {
        return real.cartesian(fake).flatMapToPair(t -> {
            Block q = t._1();
            Block ref = t._2();
            BallTests tests = BallTests.of(q.distancesTo(ref, false), 0, ref.rows(), q.rows(), ref.rows(),
                    realRadii.value().get(q.firstRow()), 0, fakeRadii.value().get(ref.firstRow()), 0);
            return List.of(new Tuple2<>(new BlockKey(true, q.firstRow()), tests.realPart()),
                    new Tuple2<>(new BlockKey(false, ref.firstRow()), tests.fakePart())).iterator();
        }).reduceByKey(BallTests::merge).map(e -> e._1().real()
                ? new long[]{0, e._2().recalledCount(), 0, e._2().covered(realRadii.value().get(e._1().firstRow()), 0)}
                : new long[]{e._2().precise(), 0, e._2().balls(), 0}
        ).fold(new long[4], (a, b) -> new long[]{a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3]});
    }
}
