package io.genaudit.metrics.fidelity;

import io.genaudit.engine.InputException;
import io.genaudit.metrics.contract.Metric;
import io.genaudit.metrics.contract.MetricDescription;
import io.genaudit.metrics.contract.MetricInfo;
import io.genaudit.metrics.contract.MetricResult;
import io.genaudit.metrics.contract.Param;
import io.genaudit.metrics.contract.ParamException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * {@code prd}: precision and recall for distributions (Sajjadi, Bachem, Lucic, Bousquet and Gelly, NeurIPS 2018).
 * The union of real and generated features is clustered with k-means; the two sets' cluster histograms are compared
 * by the PRD curve {@code α(λ) = Σ min(λ·ref, eval)}, {@code β(λ) = α(λ)/λ} over equiangular slopes λ, averaged over
 * several clusterings, and summarised by the maximum F_β (recall-like) and F_1/β (precision-like). The functional
 * core ({@link #curve}, {@link #maxFBeta}, {@link #kMeans}) is public so the PRD algorithm can be checked apart from
 * the clustering. The state keeps every row (k-means needs them all).
 */
@MetricDescription(name = "prd", title = "Precision and recall for distributions (PRD)", direction = MetricInfo.Direction.HIGHER_IS_BETTER,
        summary = "Precision and recall for distributions (Sajjadi et al. 2018) of generated against real features: k-means histograms, PRD curve, max F_8 and F_1/8.")
public final class PrdMetric implements FeaturePairMetric<PrdMetric.Params, PrdMetric.Result> {
    /** The edge angle the reference uses instead of 0 and π/2 (tan(π/2) is infinite). */
    private static final double EDGE = 1e-10;

    /** PRD's parameters (the reference implementation's defaults). */
    public record Params(
            @Param(help = "k-means clusters of the union of both sets (the histogram bins).", dflt = "20", min = 2) int clusters,
            @Param(help = "Angles of the PRD curve, equally spaced in (0, π/2).", dflt = "1001", min = 3, max = 1_000_000) int angles,
            @Param(help = "Independent clusterings the curve is averaged over.", dflt = "10", min = 1) int runs,
            @Param(help = "k-means++ seedings per clustering; the one with the least inertia is refined.", dflt = "10", min = 1) int inits,
            @Param(help = "Lloyd iterations at most per clustering (stops earlier when no row changes cluster).", dflt = "100", min = 1) int iterations,
            @Param(help = "β of the summaries: max F_β weights recall, max F_1/β precision.", dflt = "8", label = "B") double beta,
            @Param(help = "Cluster equally many rows of each set (a seeded random subset of the larger one), as the reference requires; false clusters all rows.",
                    dflt = "true") boolean balance,
            @Param(help = "Seed of the k-means seedings and the balancing subset (plans: the run's seed).", dflt = "0", runSeed = true) long seed) {
        public Params {
            if (!(beta > 0)) throw new ParamException("beta", "a positive β expected, got " + beta);
        }
    }

    /**
     * PRD and its summaries.
     *
     * @param value         max F_β over the averaged curve (β = 8: how much of the real distribution is covered; recall-like)
     * @param n             generated rows clustered
     * @param nReal         real rows given
     * @param nFake         generated rows given
     * @param nRealClustered real rows clustered (after balancing)
     * @param fBetaInv      max F_1/β (precision-like: how much of the generated distribution is realistic)
     * @param fBetaRunSd    standard deviation of max F_β over the single clusterings (clustering noise, not sampling error)
     * @param fBetaInvRunSd the same for max F_1/β
     * @param precision     the averaged PRD curve's precision α at each angle
     * @param recall        the averaged PRD curve's recall β at each angle
     */
    public record Result(double value, long n, long nReal, long nFake, long nRealClustered, int dim, int clusters, double fBetaInv,
                         double fBetaRunSd, double fBetaInvRunSd, double[] precision, double[] recall,
                         List<String> notes) implements MetricResult {
    }

    /** A PRD curve: precision α and recall β at each angle. */
    public record Curve(double[] precision, double[] recall) {
    }

    @Override
    public Result compute(FeaturePairState s, Params p) {
        s.checkComparable();
        double[][] real = s.real().rows("prd");
        double[][] fake = s.fake().rows("prd");
        List<String> notes = new ArrayList<>();
        if (p.balance() && real.length != fake.length) {
            int m = Math.min(real.length, fake.length);
            notes.add(String.format(Locale.ROOT, "The %s set was cut to a seeded random %d of its %d rows so both sets weigh "
                    + "equally in the clustering.", real.length > m ? "real" : "generated", m, Math.max(real.length, fake.length)));
            real = subset(real, m, p.seed());
            fake = subset(fake, m, p.seed());
        }
        if (real.length + fake.length < p.clusters()) {
            throw new InputException(s.fake().source(), "prd needs at least " + p.clusters() + " rows in both sets together to form "
                    + p.clusters() + " clusters, got " + (real.length + fake.length));
        }
        double[][] union = new double[fake.length + real.length][];
        System.arraycopy(fake, 0, union, 0, fake.length);
        System.arraycopy(real, 0, union, fake.length, real.length);
        int evalRows = fake.length;
        Curve[] curves = IntStream.range(0, p.runs()).parallel().mapToObj(run -> {
            int[] labels = kMeans(union, p.clusters(), p.inits(), p.iterations(), runSeed(p.seed(), run));
            return curve(histogram(labels, 0, evalRows, p.clusters()), histogram(labels, evalRows, labels.length, p.clusters()), p.angles());
        }).toArray(Curve[]::new);
        Curve mean = average(curves);
        double[] fb = new double[curves.length];
        double[] fbInv = new double[curves.length];
        for (int i = 0; i < curves.length; i++) {
            fb[i] = maxFBeta(curves[i], p.beta());
            fbInv[i] = maxFBeta(curves[i], 1 / p.beta());
        }
        notes.add(String.format(Locale.ROOT, "PRD on %d real and %d generated %d-d rows, %d k-means clusters averaged over %d clusterings "
                + "(seed %d); F_%s ≈ recall, F_1/%s ≈ precision. The run SDs measure clustering noise only, not sampling error.",
                real.length, fake.length, s.real().dim(), p.clusters(), p.runs(), p.seed(), num(p.beta()), num(p.beta())));
        return new Result(maxFBeta(mean, p.beta()), fake.length, s.real().count(), s.fake().count(), real.length, s.real().dim(),
                p.clusters(), maxFBeta(mean, 1 / p.beta()), sd(fb), sd(fbInv), mean.precision(), mean.recall(), List.copyOf(notes));
    }

    /**
     * The PRD curve of {@code eval} against {@code ref} (two probability vectors over the same bins) at {@code angles}
     * equally spaced angles from 1e-10 to π/2 − 1e-10: precision {@code Σ min(ref·tan θ, eval)}, recall precision/tan θ,
     * both clipped to [0, 1] (rounding can reach just above 1 when the two are equal).
     */
    public static Curve curve(double[] eval, double[] ref, int angles) {
        if (eval.length != ref.length) throw new IllegalArgumentException("histograms of " + eval.length + " and " + ref.length + " bins");
        double[] precision = new double[angles];
        double[] recall = new double[angles];
        double step = (Math.PI / 2 - 2 * EDGE) / (angles - 1);
        for (int a = 0; a < angles; a++) {
            double theta = a == angles - 1 ? Math.PI / 2 - EDGE : EDGE + a * step;
            double slope = Math.tan(theta);
            double sum = 0;
            for (int j = 0; j < eval.length; j++) sum += Math.min(ref[j] * slope, eval[j]);
            precision[a] = clip(sum);
            recall[a] = clip(sum / slope);
        }
        return new Curve(precision, recall);
    }

    /** The largest {@code F_β = (1 + β²)·p·r / (β²·p + r)} along {@code c} (1e-10 added to the denominator, as the reference does). */
    public static double maxFBeta(Curve c, double beta) {
        double b2 = beta * beta;
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < c.precision().length; i++) {
            double p = c.precision()[i];
            double r = c.recall()[i];
            best = Math.max(best, (1 + b2) * p * r / (b2 * p + r + EDGE));
        }
        return best;
    }

    /** The share of rows {@code from..to-1} of {@code labels} in each of {@code k} clusters. */
    public static double[] histogram(int[] labels, int from, int to, int k) {
        double[] h = new double[k];
        for (int i = from; i < to; i++) h[labels[i]]++;
        for (int j = 0; j < k; j++) h[j] /= (to - from);
        return h;
    }

    /**
     * Deterministic k-means of {@code x} into {@code k} clusters: {@code inits} k-means++ seedings drawn from
     * {@code seed}, the one with the least inertia refined by Lloyd iterations until no row changes cluster or
     * {@code iterations} are done; an emptied cluster takes the row farthest from its centre. Returns each row's cluster.
     */
    public static int[] kMeans(double[][] x, int k, int inits, int iterations, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] centres = null;
        double bestInertia = Double.POSITIVE_INFINITY;
        for (int i = 0; i < inits; i++) {
            double[] inertia = new double[1];
            double[][] c = seedPlusPlus(x, k, rnd, inertia);
            if (inertia[0] < bestInertia) {
                bestInertia = inertia[0];
                centres = c;
            }
        }
        int[] labels = new int[x.length];
        Arrays.fill(labels, -1);
        double[] dist = new double[x.length];
        for (int it = 0; it < iterations; it++) {
            boolean changed = assign(x, centres, labels, dist);
            if (!changed) break;
            centres = centroids(x, labels, dist, k);
        }
        return labels;
    }

    /** k-means++ seeding (Arthur and Vassilvitskii 2007); {@code inertia[0]} receives the seeding's inertia. */
    private static double[][] seedPlusPlus(double[][] x, int k, SplittableRandom rnd, double[] inertia) {
        double[][] c = new double[k][];
        c[0] = x[rnd.nextInt(x.length)];
        double[] d2 = new double[x.length];
        for (int i = 0; i < x.length; i++) d2[i] = squaredDistance(x[i], c[0]);
        for (int j = 1; j < k; j++) {
            double total = 0;
            for (double d : d2) total += d;
            int pick = x.length - 1;
            double u = rnd.nextDouble() * total;
            for (int i = 0; i < x.length; i++) {
                u -= d2[i];
                if (u < 0) {
                    pick = i;
                    break;
                }
            }
            if (total == 0) pick = rnd.nextInt(x.length);
            c[j] = x[pick];
            for (int i = 0; i < x.length; i++) d2[i] = Math.min(d2[i], squaredDistance(x[i], c[j]));
        }
        double sum = 0;
        for (double d : d2) sum += d;
        inertia[0] = sum;
        return c;
    }

    /** Moves each row to its nearest centre (the lower index on ties); true when any row moved. */
    private static boolean assign(double[][] x, double[][] centres, int[] labels, double[] dist) {
        boolean changed = false;
        for (int i = 0; i < x.length; i++) {
            int best = 0;
            double bestD = Double.POSITIVE_INFINITY;
            for (int j = 0; j < centres.length; j++) {
                double d = squaredDistance(x[i], centres[j]);
                if (d < bestD) {
                    bestD = d;
                    best = j;
                }
            }
            dist[i] = bestD;
            if (labels[i] != best) {
                labels[i] = best;
                changed = true;
            }
        }
        return changed;
    }

    /** The mean of each cluster; an empty cluster is re-seeded with the row farthest from its own centre. */
    private static double[][] centroids(double[][] x, int[] labels, double[] dist, int k) {
        int d = x[0].length;
        double[][] c = new double[k][d];
        int[] count = new int[k];
        for (int i = 0; i < x.length; i++) {
            count[labels[i]]++;
            for (int t = 0; t < d; t++) c[labels[i]][t] += x[i][t];
        }
        for (int j = 0; j < k; j++) {
            if (count[j] > 0) {
                for (int t = 0; t < d; t++) c[j][t] /= count[j];
                continue;
            }
            int far = 0;
            for (int i = 1; i < x.length; i++) if (dist[i] > dist[far]) far = i;
            c[j] = x[far].clone();
            dist[far] = 0;
        }
        return c;
    }

    private static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int t = 0; t < a.length; t++) {
            double diff = a[t] - b[t];
            s += diff * diff;
        }
        return s;
    }

    private static Curve average(Curve[] curves) {
        int n = curves[0].precision().length;
        double[] p = new double[n];
        double[] r = new double[n];
        for (Curve c : curves) {
            for (int i = 0; i < n; i++) {
                p[i] += c.precision()[i] / curves.length;
                r[i] += c.recall()[i] / curves.length;
            }
        }
        return new Curve(p, r);
    }

    /** {@code m} rows of {@code rows} chosen without replacement with {@code seed}, in their original order. */
    private static double[][] subset(double[][] rows, int m, long seed) {
        if (rows.length == m) return rows;
        int[] idx = IntStream.range(0, rows.length).toArray();
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < m; i++) {
            int j = i + rnd.nextInt(rows.length - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int[] chosen = Arrays.copyOf(idx, m);
        Arrays.sort(chosen);
        double[][] out = new double[m][];
        for (int i = 0; i < m; i++) out[i] = rows[chosen[i]];
        return out;
    }

    private static long runSeed(long seed, int run) {
        return new SplittableRandom(seed + 0x9E3779B97F4A7C15L * (run + 1)).nextLong();
    }

    private static double sd(double[] v) {
        if (v.length < 2) return 0;
        double mean = Arrays.stream(v).average().orElse(0);
        double ss = 0;
        for (double x : v) ss += (x - mean) * (x - mean);
        return Math.sqrt(ss / (v.length - 1));
    }

    private static double clip(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
