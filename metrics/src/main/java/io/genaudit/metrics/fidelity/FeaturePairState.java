package io.genaudit.metrics.fidelity;

import io.genaudit.metrics.contract.MetricState;
import io.genaudit.engine.InputException;

import java.io.Serializable;

/**
 * The mergeable state of a two-sample fidelity metric: for each side the streaming Gaussian statistics (Chan merges,
 * enough for FID) and, when {@code keepRows}, the feature rows keyed by their global row id (KID, PRDC and every
 * bootstrap need them), so that merging shards in any order gives the rows of one pass in one order.
 */
public final class FeaturePairState implements MetricState<FeatureBatch, FeaturePairState> {
    private static final long serialVersionUID = 1L;
    private final boolean keepRows;
    private final SideState real = new SideState();
    private final SideState fake = new SideState();

    public FeaturePairState(boolean keepRows) {
        this.keepRows = keepRows;
    }

    /** Adds a batch to its side; returns this. */
    public FeaturePairState add(FeatureBatch b) {
        side(b.side()).add(b, keepRows);
        return this;
    }

    /** Merges another shard's state into this one; returns this. */
    public FeaturePairState merge(FeaturePairState other) {
        real.merge(other.real);
        fake.merge(other.fake);
        return this;
    }

    public SideState side(FeatureBatch.Side s) {
        return s == FeatureBatch.Side.REAL ? real : fake;
    }

    public SideState real() {
        return real;
    }

    public SideState fake() {
        return fake;
    }

    /** Throws unless both sides hold features of the same dimension. */
    public void checkComparable() {
        if (real.dim() < 0) throw new InputException("real", "no real features were given");
        if (fake.dim() < 0) throw new InputException("fake", "no generated features were given");
        if (real.dim() != fake.dim()) {
            throw new InputException(fake.source, "feature dimension " + fake.dim() + " differs from " + real.source + " (" + real.dim() + ")");
        }
    }

    /** One side: statistics of the rows seen, the rows themselves when kept, or given moments. */
    public static final class SideState implements Serializable {
        private static final long serialVersionUID = 1L;
        private GaussianStatistics stats;
        private final RowChunks chunks = new RowChunks();
        private FeatureBatch.Moments given;
        private String source;

        void add(FeatureBatch b, boolean keepRows) {
            if (source == null) source = b.source();
            if (b.moments() != null) {
                if (given != null || stats != null) throw new InputException(b.source(), "statistics given for a side that already has features");
                given = b.moments();
                return;
            }
            if (b.rows().length == 0) return;
            if (given != null) throw new InputException(b.source(), "feature rows given for a side already given as statistics");
            if (stats == null) stats = new GaussianStatistics(b.rows()[0].length);
            stats.update(b.rows());
            if (keepRows) chunks.add(b.firstRow(), b.rows(), b.source());
        }

        void merge(SideState o) {
            if (source == null) source = o.source;
            if (o.given != null) {
                if (given != null || stats != null) throw new InputException(o.source, "statistics given for a side that already has features");
                given = o.given;
            }
            if (o.stats != null) {
                if (given != null) throw new InputException(o.source, "feature rows given for a side already given as statistics");
                if (stats == null) stats = new GaussianStatistics(o.stats.dim());
                stats.merge(o.stats);
            }
            chunks.merge(o.chunks);
        }

        /** The feature dimension, or -1 when nothing was given. */
        public int dim() {
            if (given != null) return given.mean().length;
            return stats == null ? -1 : stats.dim();
        }

        /** Samples seen (-1 when the side was given as statistics without a count). */
        public long count() {
            if (given != null) return given.count();
            return stats == null ? 0 : stats.count();
        }

        public double[] mean() {
            return given != null ? given.mean() : requireStats().mean();
        }

        public double[][] covariance() {
            return given != null ? given.covariance() : requireStats().covariance();
        }

        /** Whether the rows were kept (not a statistics-only side). */
        public boolean hasRows() {
            return given == null && !chunks.isEmpty();
        }

        /** The file or folder the side came from. */
        public String source() {
            return source;
        }

        /** The rows in global row order, or an InputException naming the source when only statistics are available. */
        public double[][] rows(String metric) {
            if (!hasRows()) throw FeatureSet.statisticsOnly(source == null ? "features" : source, metric);
            return chunks.rows(source);
        }

        /** The rows in global row order; an InputException naming the source when there are fewer than {@code atLeast}. */
        public double[][] rows(String metric, int atLeast) {
            double[][] rows = rows(metric);
            if (rows.length < atLeast) throw new InputException(source, metric + " needs at least " + atLeast + " samples per set, found " + rows.length);
            return rows;
        }

        private GaussianStatistics requireStats() {
            if (stats == null || stats.count() < 2) {
                throw new InputException(source == null ? "features" : source, "at least 2 samples needed, found " + (stats == null ? 0 : stats.count()));
            }
            return stats;
        }
    }
}
